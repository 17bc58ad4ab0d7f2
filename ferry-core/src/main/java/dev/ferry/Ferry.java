package dev.ferry;

import dev.ferry.error.FerryException;
import dev.ferry.error.FerrySqlException;
import dev.ferry.exec.ConnectionSource;
import dev.ferry.exec.Readers;
import dev.ferry.maintain.MaintainedColumn;
import dev.ferry.maintain.Maintenance;
import dev.ferry.model.Models;
import dev.ferry.paging.ResultCache;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.prefetch.Loader;
import dev.ferry.query.Expr;
import dev.ferry.query.Metamodels;
import dev.ferry.query.Query;
import dev.ferry.query.QuerySpec;
import dev.ferry.sql.Dialect;
import dev.ferry.sql.Renderer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The entry point: a database (a {@link DataSource}), its dialect, the entity models and the default
 * fetch policy. Thread-safe; make one per database and share it.
 *
 * <pre>{@code
 * Ferry ferry = Ferry.builder(dataSource).entities(Occurrence.class, Detection.class).build();
 * List<Occurrence> rows = ferry.from(Occurrence.class).prefetch(Occurrence_.DETECTIONS).limit(25).list();
 * }</pre>
 */
public final class Ferry {

    /** The result cache's default weight: {@link Builder#resultCache(long)}. */
    public static final long DEFAULT_RESULT_CACHE_WEIGHT = 200_000;

    private final DataSource dataSource;
    private final Models models;
    private final Dialect dialect;
    private final FetchPolicy defaultPolicy;
    private final Readers readers;
    private final ConnectionSource connections;
    private final ResultCache results;
    private final Maintenance maintenance;
    private final Loader loader;

    private Ferry(DataSource dataSource, Models models, Dialect dialect, FetchPolicy defaultPolicy, Readers readers,
                  ConnectionSource connections, ResultCache results, Maintenance maintenance) {
        this.dataSource = dataSource;
        this.models = models;
        this.dialect = dialect;
        this.defaultPolicy = defaultPolicy;
        this.readers = readers;
        this.connections = connections;
        this.results = results;
        this.maintenance = maintenance;
        this.loader = new Loader(connections, new Renderer(dialect, maintenance.maintainedColumns()), readers, defaultPolicy,
                results, new PoolSource(dataSource));
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** A Ferry with the dialect detected and the default policy (PEERS). */
    public static Ferry of(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** A new query over every row of {@code type}. */
    public <T> Query<T> from(Class<T> type) {
        return new Query<>(QuerySpec.of(models.of(type)), loader);
    }

    public Models models() {
        return models;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public FetchPolicy defaultFetchPolicy() {
        return defaultPolicy;
    }

    /**
     * Forgets the totals and positions that {@link dev.ferry.query.Total#reused} remembers of queries
     * reading any of these entities' tables: call it after this process wrote them, so the next page
     * counts again instead of waiting for the age bound. (Writes by others are seen within that bound.)
     */
    public void invalidate(Class<?>... entities) {
        List<String> tables = new ArrayList<>();
        for (Class<?> e : entities) {
            tables.add(models.of(e).table());
        }
        results.invalidate(tables);
    }

    /** Forgets every remembered total and position. */
    public void invalidateAll() {
        results.invalidateAll();
    }

    /**
     * The maintained columns declared with {@link Builder#maintain}: their column DDL, triggers,
     * rebuild and verify. Its statements run on pooled connections of their own, outside any
     * transaction of this Ferry.
     */
    public Maintenance maintenance() {
        return maintenance;
    }

    /**
     * Runs {@code work} in one transaction on one connection: queries made from the Ferry it is given
     * share that connection. Commits when work returns, rolls back when it throws. Relations read
     * after the transaction ended load on a fresh connection from the pool.
     */
    public <R> R inTransaction(Function<Ferry, R> work) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new FerrySqlException("getting a connection", null, e);
        }
        TransactionSource source = new TransactionSource(c, dataSource);
        Ferry tx = new Ferry(dataSource, models, dialect, defaultPolicy, readers, source, results, maintenance);
        boolean restore = false;
        try {
            restore = c.getAutoCommit();
            c.setAutoCommit(false);
            R result = work.apply(tx);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw new FerrySqlException("transaction", null, e);
        } catch (RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        } finally {
            source.end();
            try {
                if (restore) {
                    c.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // The pool resets or evicts a connection whose state it cannot restore.
            } finally {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Nothing useful to do: the transaction already ended.
                }
            }
        }
    }

    /**
     * Runs plain JDBC work on this Ferry's connection: the transaction's inside
     * {@link #inTransaction}, a pooled one otherwise (returned afterwards).
     */
    public <R> R withConnection(JdbcWork<R> work) {
        return connections.with(work::run);
    }

    /** {@link #withConnection} without a result. */
    public void useConnection(JdbcAction work) {
        withConnection(c -> {
            work.run(c);
            return null;
        });
    }

    /** JDBC work that returns a value. */
    @FunctionalInterface
    public interface JdbcWork<R> {
        R run(Connection connection) throws SQLException;
    }

    /** JDBC work without a result. */
    @FunctionalInterface
    public interface JdbcAction {
        void run(Connection connection) throws SQLException;
    }

    /** {@link #inTransaction(Function)} for work without a result. */
    public void useTransaction(Consumer<Ferry> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "Ferry[" + dialect.name() + ", fetchPolicy=" + defaultPolicy + "]";
    }

    // ---------------------------------------------------------------- connections

    /** A pooled connection per load. */
    private static final class PoolSource implements ConnectionSource {
        private final DataSource dataSource;

        PoolSource(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection acquire() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void release(Connection connection) throws SQLException {
            connection.close();
        }
    }

    /** The transaction's connection while it lasts; the pool after. */
    private static final class TransactionSource implements ConnectionSource {
        private final Connection connection;
        private final DataSource fallback;
        private volatile boolean ended;

        TransactionSource(Connection connection, DataSource fallback) {
            this.connection = connection;
            this.fallback = fallback;
        }

        void end() {
            ended = true;
        }

        @Override
        public Connection acquire() throws SQLException {
            return ended ? fallback.getConnection() : connection;
        }

        @Override
        public void release(Connection c) throws SQLException {
            if (c != connection) {
                c.close();
            }
        }
    }

    // ---------------------------------------------------------------- builder

    /** Configures a {@link Ferry}; {@link #build()} validates every entity and metamodel given. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private FetchPolicy fetchPolicy = FetchPolicy.PEERS;
        private final List<Class<?>> entities = new ArrayList<>();
        private final List<Class<?>> metamodels = new ArrayList<>();
        private long resultCacheWeight = DEFAULT_RESULT_CACHE_WEIGHT;
        private final List<MaintainedColumn> maintained = new ArrayList<>();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The SQL dialect; detected from the database when not given. */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /** The default fetch policy for relations a query did not load (PEERS unless set). */
        public Builder fetchPolicy(FetchPolicy policy) {
            this.fetchPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Entities to read and check now, so mapping mistakes fail at start-up rather than at first use. */
        public Builder entities(Class<?>... types) {
            entities.addAll(List.of(types));
            return this;
        }

        /** Metamodel classes ({@code Occurrence_}) whose constants are checked at start-up. */
        public Builder metamodels(Class<?>... types) {
            metamodels.addAll(List.of(types));
            return this;
        }

        /**
         * How much {@link dev.ferry.query.Total#reused} may remember: totals count 1 each, remembered
         * positions 1 each (a position is one row's ordering values, ~100 bytes). Least recently used
         * results are forgotten first. Default {@value Ferry#DEFAULT_RESULT_CACHE_WEIGHT} (some tens of MB at most).
         */
        public Builder resultCache(long maxWeight) {
            if (maxWeight < 1) {
                throw new IllegalArgumentException("resultCache weight must be at least 1, was " + maxWeight);
            }
            this.resultCacheWeight = maxWeight;
            return this;
        }

        /**
         * Keeps {@code expression} of each {@code owner} row in the column {@code column} of its table,
         * true through triggers ({@link Ferry#maintenance()} installs them), and reads that column
         * wherever a query uses an equal expression for {@code owner}: in select lists, WHERE, ORDER BY,
         * subqueries; {@code relation.isNotEmpty()} reads a maintained {@code Agg.count(relation)}. E.g.
         * {@code maintain(Occurrence.class, "detections_count", Agg.count(Occurrence_.DETECTIONS))}.
         *
         * <p>Supported: an aggregate ({@code Agg.count/min/max/sum/avg/first}, optionally filtered) over a
         * direct one-to-many relation reading only the child's own columns; a column through to-one
         * relations ({@code Occurrence_.DETERMINATION.then(Taxon_.NAME)}); the owner's own columns; and
         * arithmetic, {@code secondsBetween}, {@code timeOfDay} and constants over those. No expression
         * may read another maintained column. The column need not be a record component (if it is, it
         * is read like any column). Checked at {@link #build()}.
         */
        public <E> Builder maintain(Class<E> owner, String column, Expr<E, ?> expression) {
            maintained.add(new MaintainedColumn(Objects.requireNonNull(owner, "owner"), column,
                    Objects.requireNonNull(expression, "expression")));
            return this;
        }

        public Ferry build() {
            Models models = new Models();
            models.validate(entities.toArray(Class<?>[]::new));
            for (Class<?> m : metamodels) {
                Metamodels.validate(models, m);
            }
            if (!maintained.isEmpty()) {
                Maintenance.of(models, maintained, null, dataSource); // mapping mistakes fail before the database is asked
            }
            Dialect d = dialect;
            if (d == null) {
                try (Connection c = dataSource.getConnection()) {
                    d = Dialect.of(c);
                } catch (SQLException e) {
                    throw new FerrySqlException("detecting the dialect", null, e);
                } catch (IllegalArgumentException e) {
                    throw new FerryException(e.getMessage(), e);
                }
            }
            return new Ferry(dataSource, models, d, fetchPolicy, new Readers(), new PoolSource(dataSource),
                    new ResultCache(resultCacheWeight), Maintenance.of(models, maintained, d, dataSource));
        }
    }
}
