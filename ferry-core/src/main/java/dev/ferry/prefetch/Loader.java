package dev.ferry.prefetch;

import dev.ferry.error.FerryException;
import dev.ferry.error.FerrySqlException;
import dev.ferry.exec.BatchFactory;
import dev.ferry.exec.ColumnReader;
import dev.ferry.exec.ConnectionSource;
import dev.ferry.exec.Load;
import dev.ferry.exec.Readers;
import dev.ferry.exec.RowGroup;
import dev.ferry.exec.RowMapper;
import dev.ferry.exec.Statements;
import dev.ferry.model.HolderBatch;
import dev.ferry.model.Relation;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.paging.PositionReader;
import dev.ferry.paging.ResultCache;
import dev.ferry.query.Aggregate;
import dev.ferry.query.Expr;
import dev.ferry.query.Page;
import dev.ferry.query.Paths;
import dev.ferry.query.QueryRunner;
import dev.ferry.query.QuerySpec;
import dev.ferry.query.Total;
import dev.ferry.sql.Renderer;
import dev.ferry.sql.SelectStatement;
import dev.ferry.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs queries: the root statement, then every prefetch level on the same connection; and later
 * loads of relations that were read unloaded (fetch policies PEERS and ONE).
 */
public final class Loader implements QueryRunner, BatchFactory {

    private final ConnectionSource connections;
    private final Renderer renderer;
    private final Readers readers;
    private final FetchPolicy defaultPolicy;
    private final PrefetchEngine engine;
    private final PageLoader pages;

    /**
     * @param background pooled connections for work done outside any caller's transaction (the result
     *                   cache's refreshes)
     */
    public Loader(ConnectionSource connections, Renderer renderer, Readers readers, FetchPolicy defaultPolicy,
                  ResultCache results, ConnectionSource background) {
        this.connections = connections;
        this.renderer = renderer;
        this.readers = readers;
        this.defaultPolicy = defaultPolicy;
        this.engine = new PrefetchEngine(renderer, readers);
        this.pages = new PageLoader(this, connections, renderer, readers, engine, results, background);
    }

    public FetchPolicy defaultPolicy() {
        return defaultPolicy;
    }

    @Override
    public HolderBatch create(RowGroup<?> group, Relation relation) {
        return new RelationBatch(this, group, relation);
    }

    // ---------------------------------------------------------------- QueryRunner

    @Override
    public <T> List<T> list(QuerySpec<T> query) {
        return withConnection(c -> listOn(c, query));
    }

    /** The rows of {@code query} with their prefetches, on connection {@code c}. */
    <T> List<T> listOn(Connection c, QuerySpec<T> query) {
        return listOn(c, query, false);
    }

    /** {@link #listOn(Connection, QuerySpec)}, sorting every matching row first when {@code sortAll} (a small result). */
    <T> List<T> listOn(Connection c, QuerySpec<T> query, boolean sortAll) {
        RowGroup<T> rows = rootGroup(query);
        SelectStatement s = renderer.list(query, null, -1, sortAll);
        RowMapper<T> mapper = new RowMapper<>(s.layout(), rows, readers, null, true);
        Statements.query(c, renderer.dialect(), s.sql(), "query on " + query.model().name(), mapper::read);
        engine.prefetch(c, rows, query.prefetches());
        return Collections.unmodifiableList(rows.rows());
    }

    @Override
    public <T> Page<T> page(QuerySpec<T> query, Total total) {
        return pages.page(query, total);
    }

    @Override
    public long count(QuerySpec<?> query) {
        return withConnection(c -> Statements.queryLong(c, renderer.dialect(), renderer.count(query),
                "count on " + query.model().name()));
    }

    @Override
    public <V> V aggregate(QuerySpec<?> query, Aggregate.Fn fn, Expr<?, V> expr) {
        ColumnReader reader = ColumnReader.of(Paths.boxed(Paths.valueType(query.model(), expr))); // NULL: no row
        Object[] out = {null};
        withConnection(c -> {
            Statements.query(c, renderer.dialect(), renderer.aggregate(query, fn, expr),
                    fn.name().toLowerCase(java.util.Locale.ROOT) + " on " + query.model().name(),
                    rs -> out[0] = reader.read(rs, 1));
            return null;
        });
        @SuppressWarnings("unchecked")
        V value = (V) out[0];
        return value;
    }

    @Override
    public boolean exists(QuerySpec<?> query) {
        return withConnection(c -> Statements.queryAny(c, renderer.dialect(), renderer.exists(query),
                "exists on " + query.model().name()));
    }

    @Override
    public String sql(QuerySpec<?> query) {
        return renderer.list(query).sql().text();
    }

    @Override
    public <T> Stream<T> stream(QuerySpec<T> query, int chunkSize) {
        ChunkIterator<T> it = new ChunkIterator<>(query, chunkSize);
        try {
            it.open();
        } catch (RuntimeException e) {
            it.close();
            throw e;
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(it::close);
    }

    // ---------------------------------------------------------------- later loads (fetch policies)

    /** Loads {@code rel} for {@code owners} (rows of {@code group}), on a connection of its own. */
    void loadLater(RowGroup<?> group, Relation rel, List<Object> owners) {
        withConnection(c -> {
            engine.level(c, group, rel, null, QuerySpec.of(rel.target()), owners);
            return null;
        });
    }

    // ---------------------------------------------------------------- plumbing

    <T> RowGroup<T> rootGroup(QuerySpec<T> query) {
        Load load = new Load(query.policy(), this, query.model().name());
        return new RowGroup<>(query.model(), load, "");
    }

    private <R> R withConnection(ConnectionSource.Work<R> work) {
        return connections.with(work);
    }

    /**
     * Reads the root statement through a cursor, {@code chunkSize} rows at a time, and prefetches
     * each chunk before handing it out. Each chunk is its own load, so memory stays bounded.
     */
    private final class ChunkIterator<T> implements Iterator<T> {
        private final QuerySpec<T> query;
        private final int chunkSize;
        private final SelectStatement statement;
        private Connection connection;
        private boolean restoreAutoCommit;
        private PreparedStatement ps;
        private ResultSet rs;
        private Iterator<T> chunk = Collections.emptyIterator();
        private boolean exhausted;

        ChunkIterator(QuerySpec<T> query, int chunkSize) {
            this.query = query;
            this.chunkSize = chunkSize;
            this.statement = renderer.list(query);
        }

        void open() {
            try {
                connection = connections.acquire();
                // PostgreSQL streams with a cursor only inside a transaction.
                if (connection.getAutoCommit()) {
                    connection.setAutoCommit(false);
                    restoreAutoCommit = true;
                }
                ps = connection.prepareStatement(statement.sql().text(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ps.setFetchSize(chunkSize);
                statement.sql().bind(ps, renderer.dialect());
                rs = ps.executeQuery();
            } catch (SQLException e) {
                throw new FerrySqlException("stream of " + query.model().name(), statement.sql().text(), e);
            }
        }

        @Override
        public boolean hasNext() {
            if (chunk.hasNext()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            RowGroup<T> rows = rootGroup(query);
            RowMapper<T> mapper = new RowMapper<>(statement.layout(), rows, readers, null, true);
            try {
                int n = 0;
                while (n < chunkSize && rs.next()) {
                    mapper.read(rs);
                    n++;
                }
                if (n < chunkSize) {
                    exhausted = true;
                }
            } catch (SQLException e) {
                throw new FerrySqlException("stream of " + query.model().name(), statement.sql().text(), e);
            }
            if (!rows.rows().isEmpty()) {
                engine.prefetch(connection, rows, query.prefetches());
            }
            chunk = rows.rows().iterator();
            return chunk.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return chunk.next();
        }

        void close() {
            SQLException failure = null;
            try {
                if (rs != null) rs.close();
            } catch (SQLException e) {
                failure = e;
            }
            try {
                if (ps != null) ps.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
            if (connection != null) {
                try {
                    if (restoreAutoCommit) {
                        connection.rollback(); // read only: nothing to keep
                        connection.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    failure = failure == null ? e : failure;
                } finally {
                    try {
                        connections.release(connection);
                    } catch (SQLException e) {
                        failure = failure == null ? e : failure;
                    }
                    connection = null;
                }
            }
            if (failure != null) {
                throw new FerryException("closing the stream of " + query.model().name() + " failed: " + failure.getMessage(), failure);
            }
        }
    }
}
