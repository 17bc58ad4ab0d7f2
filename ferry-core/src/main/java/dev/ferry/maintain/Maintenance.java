package dev.ferry.maintain;

import dev.ferry.error.FerryException;
import dev.ferry.error.FerrySqlException;
import dev.ferry.exec.Statements;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Models;
import dev.ferry.query.Paths;
import dev.ferry.sql.ArrayParam;
import dev.ferry.sql.Dialect;
import dev.ferry.sql.Fragment;
import dev.ferry.sql.H2Dialect;
import dev.ferry.sql.MaintainedColumns;
import dev.ferry.sql.PostgresDialect;
import dev.ferry.sql.Sql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maintained columns: per-row derived values (a relation's count, the min/max of a related column,
 * a value through to-one relations, expressions of those) stored in a column of the owner's table,
 * kept true by triggers generated from the declarations, and read by every query that uses the same
 * expression. Declare them with {@code Ferry.builder(ds).maintain(Occurrence.class,
 * "detections_count", Agg.count(Occurrence_.DETECTIONS))}; get this with {@code ferry.maintenance()}.
 *
 * <p>Set up, once per deployment (each step is idempotent):
 * <pre>{@code
 * Maintenance m = ferry.maintenance();
 * m.columnDdl();   // ALTER TABLE ... ADD COLUMN IF NOT EXISTS ..., or write the migration by hand
 * m.install();     // the triggers (CREATE OR REPLACE FUNCTION, DROP TRIGGER IF EXISTS + CREATE TRIGGER)
 * m.rebuild();     // fills the columns, in short batches; later runs write only rows that drifted
 * m.verify();      // 0 when every stored value equals the computation
 * }</pre>
 *
 * <p>Not covered by the triggers (see docs/design.md): TRUNCATE, writes with
 * {@code session_replication_role = replica}, writes to a maintained column by hand, and on H2 any
 * process but this JVM. {@link #verify()} finds what they left, {@link #rebuild()} fixes it.
 */
public final class Maintenance {

    /** Rows per rebuild batch: each batch is one short transaction. */
    public static final int BATCH = 10_000;

    /** Receives the rebuild's progress after each batch. */
    @FunctionalInterface
    public interface Progress {
        void update(long rowsDone, long rowsTotal);
    }

    /**
     * The result of {@link #verify(int)}.
     *
     * @param rows     owner rows whose stored values differ from the computation
     * @param examples some of them, by key, with the columns that differ
     */
    public record Verification(long rows, List<Drift> examples) {
        public boolean ok() {
            return rows == 0;
        }

        @Override
        public String toString() {
            return rows == 0 ? "every maintained value is true" : rows + " rows differ, e.g. " + examples;
        }
    }

    /** One stored value that differs from the computation. */
    public record Drift(String entity, Object key, String column, Object stored, Object computed) {
        @Override
        public String toString() {
            return entity + " " + key + "." + column + " = " + stored + ", computed " + computed;
        }
    }

    private final List<MaintainedColumn> declarations;
    private final List<Declared> declared;
    private final MaintainedColumns columns;
    private final Dialect dialect;
    private final DataSource dataSource;

    private Maintenance(List<MaintainedColumn> declarations, List<Declared> declared, Dialect dialect, DataSource dataSource) {
        this.declarations = List.copyOf(declarations);
        this.declared = declared;
        this.columns = new MaintainedColumns(declared.stream().map(Declared::entry).toList());
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /**
     * Checks the declarations against the models ({@link dev.ferry.error.MappingException} names the
     * declaration and the fix). Called by {@code Ferry.Builder.build()}.
     */
    public static Maintenance of(Models models, List<MaintainedColumn> declarations, Dialect dialect, DataSource dataSource) {
        return new Maintenance(declarations, Declared.resolve(models, declarations), dialect, dataSource);
    }

    /** The declarations, in order. */
    public List<MaintainedColumn> declarations() {
        return declarations;
    }

    /** What queries read from columns instead of computing (the renderer's view of the declarations). */
    public MaintainedColumns maintainedColumns() {
        return columns;
    }

    private boolean postgres() {
        return dialect instanceof PostgresDialect;
    }

    // ---------------------------------------------------------------- DDL

    /**
     * {@code ALTER TABLE t ADD COLUMN IF NOT EXISTS c <type>} per declaration, the type from the
     * expression's Java type; a COUNT is {@code bigint NOT NULL DEFAULT 0}. For users who do not
     * write the migration by hand; run them before {@link #install()}.
     */
    public List<String> columnDdl() {
        List<String> out = new ArrayList<>();
        for (Declared d : declared) {
            out.add("ALTER TABLE " + dialect.quote(d.owner.table()) + " ADD COLUMN IF NOT EXISTS " + dialect.quote(d.column) + " "
                    + d.sqlType(postgres()) + (d.isCount() ? " NOT NULL DEFAULT 0" : ""));
        }
        return out;
    }

    /** The trigger DDL {@link #install()} runs, for a migration tool or a review. */
    public List<String> triggerDdl() {
        List<Roles.Table> tables = Roles.of(declared);
        if (postgres()) {
            return new PostgresTriggers(dialect, tables).ddl();
        }
        if (dialect instanceof H2Dialect) {
            return new H2Triggers(dialect, tables).ddl();
        }
        throw new FerryException("maintained columns have triggers for PostgreSQL and H2 only, not " + dialect.name());
    }

    /**
     * Creates or replaces the triggers, on one connection (in one transaction on PostgreSQL).
     * Idempotent. On H2 it also registers this JVM's trigger plans, so run it at every start-up there.
     * Triggers of declarations since removed stay: drop them by name ({@code ferry_<table>_...}).
     */
    public void install() {
        if (declared.isEmpty()) {
            return;
        }
        List<String> ddl = triggerDdl();
        try (Connection c = dataSource.getConnection()) {
            if (dialect instanceof H2Dialect) {
                new H2Triggers(dialect, Roles.of(declared)).register(c);
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        c.rollback();
                        throw new FerrySqlException("installing the maintenance triggers", sql, e);
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new FerrySqlException("installing the maintenance triggers", null, e);
        }
    }

    // ---------------------------------------------------------------- rebuild and verify

    /** {@link #rebuild(Progress)} without progress. */
    public long rebuild() {
        return rebuild((done, total) -> { });
    }

    /**
     * Recomputes every maintained column of every row, in batches of {@link #BATCH} keys, each its
     * own short READ COMMITTED transaction: finds the rows whose stored values differ, locks them and
     * writes them from a fresh computation (so a concurrent writer's trigger is never overwritten
     * with an older value). Returns the rows written: 0 when nothing drifted.
     */
    public long rebuild(Progress progress) {
        Objects.requireNonNull(progress, "progress");
        Map<EntityModel<?>, Recompute> owners = owners();
        long total = 0;
        for (Recompute r : owners.values()) {
            total += withConnection(c -> Statements.queryLong(c, dialect,
                    new Sql("SELECT COUNT(*) FROM " + r.table(), List.of()), "counting " + r.owner().name()));
        }
        long done = 0;
        long changed = 0;
        for (Recompute r : owners.values()) {
            Object after = null;
            while (true) {
                Object from = after;
                long[] batch = {0, 0};
                Object[] last = {null};
                withConnection(c -> {
                    int isolation = c.getTransactionIsolation();
                    boolean auto = c.getAutoCommit();
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    try {
                        List<Object> ids = keys(c, r, from);
                        if (!ids.isEmpty()) {
                            last[0] = ids.get(ids.size() - 1);
                            batch[0] = ids.size();
                            batch[1] = recompute(c, r, ids.get(0), last[0]);
                        }
                        c.commit();
                    } catch (RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(auto);
                        c.setTransactionIsolation(isolation);
                    }
                    return null;
                });
                if (batch[0] == 0) {
                    break;
                }
                after = last[0];
                done += batch[0];
                changed += batch[1];
                progress.update(done, total);
            }
        }
        return changed;
    }

    /** The next batch of owner keys after {@code after} (null: from the start). */
    private List<Object> keys(Connection c, Recompute r, Object after) {
        Fragment f = new Fragment().sql("SELECT t0." + r.id() + " FROM " + r.table() + " t0");
        if (after != null) {
            f.sql(" WHERE t0." + r.id() + " > ").param(after);
        }
        f.sql(" ORDER BY t0." + r.id() + " LIMIT ").param(BATCH);
        List<Object> ids = new ArrayList<>(BATCH);
        Statements.query(c, dialect, f.toSql(), "rebuild keys of " + r.owner().name(), rs -> ids.add(rs.getObject(1)));
        return ids;
    }

    /** Recomputes the rows with keys in [low, high]; returns rows written. */
    private long recompute(Connection c, Recompute r, Object low, Object high) {
        String what = "rebuild of " + r.owner().name();
        Sql differing = r.differing(a -> new Fragment().sql(a + "." + r.id() + " BETWEEN ").param(low).sql(" AND ").param(high)).toSql();
        List<Object> ids = new ArrayList<>();
        Statements.query(c, dialect, differing, what, rs -> ids.add(rs.getObject(1)));
        if (ids.isEmpty()) {
            return 0;
        }
        ArrayParam keys = new ArrayParam(Paths.boxed(r.owner().id().type()), ids.toArray());
        Recompute.Keys those = a -> new Fragment().sql(a + "." + r.id() + " = ANY(").param(keys).sql(")");
        Statements.query(c, dialect, r.lock(those).toSql(), what, rs -> { });
        return Statements.update(c, dialect, r.update(those).toSql(), what);
    }

    /** The number of owner rows whose stored values differ from the computation: 0 when all are true. */
    public long verify() {
        long rows = 0;
        for (Recompute r : owners().values()) {
            rows += withConnection(c -> Statements.queryLong(c, dialect, r.countDiffering().toSql(), "verify of " + r.owner().name()));
        }
        return rows;
    }

    /** {@link #verify()} with up to {@code examples} differing rows per owner entity, for a message. */
    public Verification verify(int examples) {
        long rows = verify();
        List<Drift> drifts = new ArrayList<>();
        if (rows > 0 && examples > 0) {
            for (Recompute r : owners().values()) {
                withConnection(c -> {
                    Statements.query(c, dialect, r.examples(examples).toSql(), "verify of " + r.owner().name(), rs -> {
                        for (int i = 0; i < r.columns().size(); i++) {
                            Object stored = rs.getObject(2 + 2 * i);
                            Object computed = rs.getObject(3 + 2 * i);
                            if (!Objects.equals(stored, computed)) {
                                drifts.add(new Drift(r.owner().name(), rs.getObject(1), r.columns().get(i).column, stored, computed));
                            }
                        }
                    });
                    return null;
                });
            }
        }
        return new Verification(rows, List.copyOf(drifts));
    }

    /** One recompute of all maintained columns per owner entity. */
    private Map<EntityModel<?>, Recompute> owners() {
        Map<EntityModel<?>, List<Declared>> byOwner = new LinkedHashMap<>();
        for (Declared d : declared) {
            byOwner.computeIfAbsent(d.owner, k -> new ArrayList<>()).add(d);
        }
        Map<EntityModel<?>, Recompute> out = new LinkedHashMap<>();
        byOwner.forEach((owner, list) -> out.put(owner, new Recompute(dialect, owner, list)));
        return out;
    }

    @FunctionalInterface
    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    private <R> R withConnection(Work<R> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new FerrySqlException("maintenance", null, e);
        }
    }

    @Override
    public String toString() {
        return "Maintenance" + declarations;
    }
}
