package dev.ferry.bench.page;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.db.EmbeddedDatabase;
import dev.ferry.antenna.db.Migrations;
import dev.ferry.antenna.seed.DemoData;
import dev.ferry.antenna.seed.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference data for the page comparison: an embedded PostgreSQL in {@code bench/target/page-db/<size>}
 * holding the demo data of {@code size} occurrences. Seeded on first use (100k: ~15 s); a marker file
 * records the size and seed, so later runs reuse it.
 */
public final class PageWorkload implements AutoCloseable {

    public static final long SEED = 42;

    private final EmbeddedDatabase database;

    private PageWorkload(EmbeddedDatabase database) {
        this.database = database;
    }

    public static PageWorkload start(Path root, int occurrences, Progress progress) {
        Path dir = root.resolve(Integer.toString(occurrences));
        Path marker = dir.resolve("antenna-seeded-" + occurrences + "-" + SEED);
        boolean seeded = Files.exists(marker);
        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), 0);
        try {
            try (HikariDataSource writer = pool(db.jdbcUrl(), 2)) {
                Migrations.migrate(writer); // also brings a database seeded by an older schema up to date
                if (!seeded) {
                    DemoData.seed(writer, new DemoData.Options(SEED, occurrences, true), progress);
                }
            }
            if (!seeded) {
                Files.writeString(marker, "seeded\n");
            }
            return new PageWorkload(db);
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** A HikariCP pool on {@code url}; the caller closes it. */
    public static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(EmbeddedDatabase.USER);
        config.setMaximumPoolSize(size);
        config.setPoolName("page-bench");
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        database.close();
    }
}
