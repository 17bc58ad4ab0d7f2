package dev.ferry.antenna.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Entities;
import dev.ferry.observe.Detectors;
import dev.ferry.observe.Observer;
import dev.ferry.policy.LoadHints;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's database, ready to serve: the server (embedded or external), the schema migrated, a
 * small bounded pool whose statements are observed (per-request counts, N+1 reports), and Ferry on top.
 *
 * <p>The request pool is read-only and fails fast: a request waits at most the connection timeout for
 * a connection and a statement runs at most the statement timeout, so an outage turns into quick 503s
 * instead of requests piling up. Writes (migrations, demo data) go through {@link #openWriter()}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final EmbeddedDatabase embedded; // null for an external database
    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource pool;
    private final Observer observer;
    private final Ferry ferry;

    private Database(DatabaseSettings settings, EmbeddedDatabase embedded, String url, String user, String password,
                     HikariDataSource pool, Observer observer, Ferry ferry) {
        this.settings = settings;
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        this.pool = pool;
        this.observer = observer;
        this.ferry = ferry;
    }

    /** Starts (or reaches) the server, migrates the schema, and opens the pool. */
    public static Database open(DatabaseSettings settings) {
        long started = System.nanoTime();
        EmbeddedDatabase embedded = settings.isEmbedded()
                ? EmbeddedDatabase.start(settings.dataDir(), settings.embeddedPort()) : null;
        HikariDataSource pool = null;
        try {
            String url = embedded != null ? embedded.jdbcUrl() : settings.url();
            String user = embedded != null ? EmbeddedDatabase.USER : settings.user();
            String password = embedded != null ? null : settings.password();
            long serverReady = System.nanoTime();
            int ran;
            try (HikariDataSource writer = writer(url, user, password, "antenna-migrate")) {
                ran = Migrations.migrate(writer);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Could not open the database at " + hidePassword(url) + ": "
                        + e.getMessage(), e);
            }
            long migrated = System.nanoTime();
            pool = requestPool(settings, url, user, password);
            Observer observer = Observer.builder()
                    .detector(Detectors.production())
                    .logReports(true)
                    .hints(LoadHints::current)
                    .planned(LoadHints::planned)
                    // Production: no stack walk for a statement whose shape the request has not repeated.
                    .callSiteOnFirstExecution(false)
                    .build();
            Ferry ferry = Entities.register(Ferry.builder(observer.wrap(pool)))
                    .fetchPolicy(settings.fetchPolicy())
                    .build();
            LOG.info("Database ready in {} ms (server {} ms, schema {} ms{}, pool and Ferry {} ms)",
                    millis(System.nanoTime() - started), millis(serverReady - started), millis(migrated - serverReady),
                    ran > 0 ? ": " + ran + " migration(s) applied" : " up to date", millis(System.nanoTime() - migrated));
            return new Database(settings, embedded, url, user, password, pool, observer, ferry);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static HikariDataSource requestPool(DatabaseSettings s, String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("antenna");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(s.poolSize());
        config.setMinimumIdle(s.poolSize());
        long connectionTimeout = s.connectionTimeout().toMillis();
        config.setConnectionTimeout(connectionTimeout);
        // Hikari checks a connection idle for over 500 ms before lending it; that check must fit in the wait.
        config.setValidationTimeout(Math.max(250, connectionTimeout / 2));
        config.setReadOnly(true);
        long statementMillis = s.statementTimeout().toMillis();
        // Set at connection start-up by the server (no extra round trip): no request statement runs longer; and
        // no JIT compilation: PostgreSQL decides it from cost estimates, and a date-range count that reads 100,000
        // index entries in 47 ms was estimated high enough to be compiled for 334 ms first (PostgreSQL 15, 1M rows).
        config.addDataSourceProperty("options", "-c statement_timeout=" + statementMillis + " -c jit=off");
        // Client-side bounds too, for a server that vanishes without closing its sockets.
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, (connectionTimeout + 999) / 1000)));
        config.addDataSourceProperty("socketTimeout", Long.toString(statementMillis / 1000 + 5));
        return new HikariDataSource(config);
    }

    /** A small pool for writes, without the request pool's statement timeout (demo data takes minutes). */
    private static HikariDataSource writer(String url, String user, String password, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** A writable pool of two connections on the same database, for seeding; the caller closes it. */
    public HikariDataSource openWriter() {
        return writer(url, user, password, "antenna-write");
    }

    /** True when the database holds no project yet (a fresh database, to seed). */
    public boolean isEmpty() {
        try (Connection c = pool.getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM main_project)")) {
            rs.next();
            return !rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database at " + displayUrl() + ": " + e.getMessage(), e);
        }
    }

    public Ferry ferry() {
        return ferry;
    }

    /** Records the statements of each request scope (counts, Server-Timing, N+1 reports). */
    public Observer observer() {
        return observer;
    }

    /** The request pool itself (unobserved), e.g. for its active-connection count. */
    public HikariDataSource pool() {
        return pool;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** The embedded server, or null when the database is external. */
    public EmbeddedDatabase embedded() {
        return embedded;
    }

    /** The JDBC URL without any password in it, for messages. */
    public String displayUrl() {
        return hidePassword(url);
    }

    private static String hidePassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
