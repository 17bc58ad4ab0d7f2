package dev.ferry.maintain;

import dev.ferry.model.EntityModel;
import dev.ferry.sql.Dialect;
import dev.ferry.sql.Fragment;
import dev.ferry.sql.PostgresDialect;
import dev.ferry.sql.RowExpressions;

import java.util.List;

/**
 * The statements that compute some maintained columns of one owner from the underlying rows, all
 * built on one SELECT rendered by Ferry's own expression rendering (never reading maintained
 * columns): {@code SELECT t0.id AS k, t0.c1 AS s1, CAST(e1 AS type) AS v1, ... FROM owner t0 <joins>
 * WHERE <keys>}, the stored value beside the computed one. The UPDATE writes only rows whose values
 * differ ({@code IS DISTINCT FROM}), so a recompute of unchanged rows writes nothing.
 */
final class Recompute {

    /** Which owner rows, as a condition on the row alias given. Null means every row. */
    @FunctionalInterface
    interface Keys {
        Fragment on(String alias);
    }

    private final Dialect dialect;
    private final EntityModel<?> owner;
    private final List<Declared> columns;
    private final boolean postgres;

    Recompute(Dialect dialect, EntityModel<?> owner, List<Declared> columns) {
        this.dialect = dialect;
        this.owner = owner;
        this.columns = List.copyOf(columns);
        this.postgres = dialect instanceof PostgresDialect;
    }

    EntityModel<?> owner() {
        return owner;
    }

    List<Declared> columns() {
        return columns;
    }

    String q(String identifier) {
        return dialect.quote(identifier);
    }

    String table() {
        return q(owner.table());
    }

    String id() {
        return q(owner.id().column());
    }

    /** The stored values (s1..) and the computed ones (v1..) of the owner rows {@code keys} selects. */
    Fragment compare(Keys keys) {
        RowExpressions row = new RowExpressions(dialect, owner);
        String t0 = RowExpressions.ALIAS;
        Fragment select = new Fragment().sql("SELECT " + t0 + "." + id() + " AS k");
        for (int i = 0; i < columns.size(); i++) {
            Declared d = columns.get(i);
            select.sql(", " + t0 + "." + q(d.column) + " AS s" + i + ", CAST(").append(row.expr(d.expr))
                    .sql(" AS " + d.sqlType(postgres) + ") AS v" + i);
        }
        // Rendered first: the joins are known once every expression is.
        Fragment f = select.sql(" FROM " + table() + " " + t0).sql(row.joins());
        if (keys != null) {
            f.sql(" WHERE ").append(keys.on(t0));
        }
        return f;
    }

    /** {@code a.s_i IS DISTINCT FROM b.v_i OR ...}. */
    private String differs(String stored, boolean storedByName, String computed) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : " OR ")
                    .append(stored).append('.').append(storedByName ? q(columns.get(i).column) : "s" + i)
                    .append(" IS DISTINCT FROM ").append(computed).append(".v").append(i);
        }
        return sb.append(')').toString();
    }

    /** Writes the computed values into the rows {@code keys} selects whose stored values differ; returns rows written. */
    Fragment update(Keys keys) {
        Fragment f = new Fragment().sql("UPDATE " + table() + " u SET ");
        for (int i = 0; i < columns.size(); i++) {
            f.sql((i == 0 ? "" : ", ") + q(columns.get(i).column) + " = x.v" + i);
        }
        // OFFSET 0 keeps x a subquery: flattened, its values would be computed again for the comparison.
        return f.sql(" FROM (").append(compare(keys)).sql(" OFFSET 0) x WHERE u." + id() + " = x.k AND " + differs("u", true, "x"));
    }

    /**
     * Locks the rows {@code keys} selects in key order, before a recompute in a later statement: a
     * writer that changed the same rows' inputs either committed before (the recompute's fresh snapshot
     * sees it) or waits for this transaction (and recomputes after it). PostgreSQL's NO KEY UPDATE
     * does not block foreign-key checks of child inserts.
     */
    Fragment lock(Keys keys) {
        return new Fragment().sql("SELECT u." + id() + " FROM " + table() + " u WHERE ").append(keys.on("u"))
                .sql(" ORDER BY u." + id() + (postgres ? " FOR NO KEY UPDATE" : " FOR UPDATE"));
    }

    /** The keys of the rows {@code keys} selects whose stored values differ from the computation. */
    Fragment differing(Keys keys) {
        return new Fragment().sql("SELECT x.k FROM (").append(compare(keys)).sql(") x WHERE " + differs("x", false, "x"));
    }

    /** How many rows differ. */
    Fragment countDiffering() {
        return new Fragment().sql("SELECT COUNT(*) FROM (").append(compare(null)).sql(") x WHERE " + differs("x", false, "x"));
    }

    /** Up to {@code limit} differing rows, by key: k, s0, v0, s1, v1, ... */
    Fragment examples(int limit) {
        return new Fragment().sql("SELECT x.* FROM (").append(compare(null)).sql(") x WHERE " + differs("x", false, "x"))
                .sql(" ORDER BY x.k LIMIT ").param(limit);
    }

    /**
     * PostgreSQL, in a row-level BEFORE trigger: the values computed from the row being written
     * ({@code (SELECT NEW.*) t0}), stored into NEW, so an inserted row is written once.
     */
    Fragment intoNew() {
        RowExpressions row = new RowExpressions(dialect, owner);
        Fragment values = new Fragment();
        StringBuilder into = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Declared d = columns.get(i);
            values.sql(i == 0 ? "" : ", ").sql("CAST(").append(row.expr(d.expr)).sql(" AS " + d.sqlType(true) + ")");
            into.append(i == 0 ? "" : ", ").append("NEW.").append(q(d.column));
        }
        return new Fragment().sql("SELECT ").append(values).sql(" INTO " + into + " FROM (SELECT NEW.*) " + RowExpressions.ALIAS)
                .sql(row.joins());
    }
}
