package dev.ferry.sql;

import dev.ferry.model.EntityModel;
import dev.ferry.query.Expr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expressions whose value the database keeps in a column of their entity's table (maintained by
 * triggers, see {@code dev.ferry.maintain}). A renderer given these reads {@code alias.column}
 * wherever it would compute an equal expression (record equality) for that entity, so the database
 * can filter and sort on the column from an index. Immutable.
 */
public final class MaintainedColumns {

    /** No maintained columns: every expression is computed (what maintenance statements need). */
    public static final MaintainedColumns NONE = new MaintainedColumns(List.of());

    /**
     * One maintained column.
     *
     * @param owner    the entity whose table holds the column
     * @param column   the column name (from the declaration; quoted by the dialect when rendered)
     * @param expr     the expression it stores, evaluated against a row of {@code owner}
     * @param nullable whether the stored value may be NULL (a COUNT never is)
     */
    public record Entry(EntityModel<?> owner, String column, Expr<?, ?> expr, boolean nullable) {
    }

    private final List<Entry> entries;
    private final Map<EntityModel<?>, List<Entry>> byOwner = new IdentityHashMap<>();

    public MaintainedColumns(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            byOwner.computeIfAbsent(e.owner(), k -> new ArrayList<>()).add(e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The maintained column that stores {@code expr} for rows of {@code model}, or null when none
     * does. For callers that need to know how a term will render (e.g. its nullability for a keyset
     * condition): a term served by a column is rendered as that column.
     */
    public Entry find(EntityModel<?> model, Expr<?, ?> expr) {
        if (byOwner.isEmpty()) {
            return null;
        }
        List<Entry> list = byOwner.get(model);
        if (list == null) {
            return null;
        }
        for (Entry e : list) {
            if (e.expr().equals(expr)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "MaintainedColumns" + entries.stream().map(e -> e.owner().name() + "." + e.column()).toList();
    }
}
