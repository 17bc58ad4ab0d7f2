package dev.ferry.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One embedded PostgreSQL with the benchmark data, a HikariCP pool of 2 and a Ferry on it.
 * Start once per trial (start-up takes a few seconds); close in the trial's tear-down.
 */
public final class BenchDatabase implements AutoCloseable {

    /** Rows in {@code bench_parent}. */
    public static final int PARENTS = 10_000;
    /** Parents (ids 1..1000) that have children; the prefetch benchmark loads exactly these. */
    public static final int PARENTS_WITH_CHILDREN = 1_000;
    public static final int CHILDREN_PER_PARENT = 3;
    public static final int GRANDCHILDREN_PER_CHILD = 2;

    /**
     * Plain SQL, loaded with generate_series. Some nullable values are NULL so the null paths of the
     * readers run: every 10th parent score, every 3rd category, the value of each child at position 2.
     */
    static final String[] SCHEMA = {
        "CREATE TABLE bench_parent (id bigint PRIMARY KEY, name varchar(100) NOT NULL, score double precision,"
            + " created_at timestamp NOT NULL, category_id bigint NULL)",
        "INSERT INTO bench_parent (id, name, score, created_at, category_id)"
            + " SELECT g, 'parent ' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE g * 0.5 END,"
            + " timestamp '2024-01-01 00:00:00' + g * interval '1 minute',"
            + " CASE WHEN g % 3 = 0 THEN NULL ELSE g % 50 END"
            + " FROM generate_series(1, " + PARENTS + ") g",
        "CREATE TABLE bench_child (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES bench_parent,"
            + " label varchar(100), position int NOT NULL, value double precision)",
        "INSERT INTO bench_child (id, parent_id, label, position, value)"
            + " SELECT (p - 1) * " + CHILDREN_PER_PARENT + " + k, p, 'child ' || p || '.' || k, k,"
            + " CASE WHEN k = 2 THEN NULL ELSE p + k * 0.25 END"
            + " FROM generate_series(1, " + PARENTS_WITH_CHILDREN + ") p, generate_series(1, " + CHILDREN_PER_PARENT + ") k",
        "CREATE INDEX bench_child_parent_id ON bench_child (parent_id)",
        "CREATE TABLE bench_grandchild (id bigint PRIMARY KEY, child_id bigint NOT NULL REFERENCES bench_child,"
            + " note varchar(100), weight double precision)",
        "INSERT INTO bench_grandchild (id, child_id, note, weight)"
            + " SELECT (c - 1) * " + GRANDCHILDREN_PER_CHILD + " + k, c, 'note ' || c || '.' || k, c * 0.1 + k"
            + " FROM generate_series(1, " + PARENTS_WITH_CHILDREN * CHILDREN_PER_PARENT + ") c,"
            + " generate_series(1, " + GRANDCHILDREN_PER_CHILD + ") k",
        "CREATE INDEX bench_grandchild_child_id ON bench_grandchild (child_id)",
        "ANALYZE",
    };

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final Ferry ferry;
    private final String version;

    private BenchDatabase(EmbeddedPostgres postgres, HikariDataSource pool, Ferry ferry, String version) {
        this.postgres = postgres;
        this.pool = pool;
        this.ferry = ferry;
        this.version = version;
    }

    /** Starts PostgreSQL, loads the data, opens the pool and builds the Ferry (entities and metamodels checked). */
    public static BenchDatabase start() {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        HikariDataSource pool = null;
        try {
            HikariConfig config = new HikariConfig();
            config.setPoolName("bench");
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(2);
            pool = new HikariDataSource(config);
            String version = load(pool);
            Ferry ferry = ferry(pool);
            return new BenchDatabase(pg, pool, ferry, version);
        } catch (RuntimeException | Error e) {
            if (pool != null) {
                pool.close();
            }
            try {
                pg.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A Ferry for the benchmark entities on {@code dataSource}, with every entity and metamodel validated. */
    public static Ferry ferry(DataSource dataSource) {
        return Ferry.builder(dataSource)
                .entities(Parent.class, Child.class, Grandchild.class)
                .metamodels(Parent_.class, Child_.class, Grandchild_.class)
                .build();
    }

    private static String load(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
            try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading the benchmark data failed", e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Ferry ferry() {
        return ferry;
    }

    /** The server's version, e.g. {@code 17.11}. */
    public String version() {
        return version;
    }

    @Override
    public void close() {
        pool.close(); // before the server, so the pool does not log broken connections
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
