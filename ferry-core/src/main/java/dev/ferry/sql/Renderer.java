package dev.ferry.sql;

import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Relation;
import dev.ferry.query.Aggregate;
import dev.ferry.query.Computation;
import dev.ferry.query.Expr;
import dev.ferry.query.Ordering;
import dev.ferry.query.Paths;
import dev.ferry.query.QuerySpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a query into SQL for one dialect. Every value is a parameter and every identifier comes
 * from the model, so the text depends only on the query's shape: statements cache and group.
 */
public final class Renderer {

    private final Dialect dialect;
    private final MaintainedColumns maintained;

    public Renderer(Dialect dialect) {
        this(dialect, MaintainedColumns.NONE);
    }

    /** A renderer that reads {@code maintained} columns instead of computing their expressions. */
    public Renderer(Dialect dialect, MaintainedColumns maintained) {
        this.dialect = dialect;
        this.maintained = maintained;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The expressions this renderer reads from columns ({@link MaintainedColumns#find}). */
    public MaintainedColumns maintainedColumns() {
        return maintained;
    }

    // ---------------------------------------------------------------- root statements

    /**
     * The rows of a query with its to-one joins and annotations. When the query has a window and
     * joins or annotations, the page is cut on the root table first and only its rows are joined and
     * annotated (PostgreSQL would otherwise join every skipped row).
     */
    public SelectStatement list(QuerySpec<?> q) {
        return list(q, false);
    }

    /**
     * {@link #list(QuerySpec)}, and with {@code withTotal} (for a query with a window) one more, last
     * column: the number of rows matching without the window, as an uncorrelated scalar subquery. The
     * database runs it once, with its own plan (a parallel semi-join, say), while the page keeps its
     * plan (an index scan that stops after the page): one statement, and neither waits for the other's
     * shape. ({@code COUNT(*) OVER ()} in the page cut would be one plan for both, and it materialises
     * every matching row before the page: 6x slower on 55,000 matches measured here.)
     */
    public SelectStatement list(QuerySpec<?> q, boolean withTotal) {
        return list(q, withTotal, -1);
    }

    /**
     * {@link #list(QuerySpec, boolean)} with the total counted up to {@code cap} rows when {@code cap >= 0}
     * ({@code cap + 1} tells "more than the cap"), so the count costs at most that many rows.
     */
    public SelectStatement list(QuerySpec<?> q, boolean withTotal, long cap) {
        return list(q, withTotal && q.hasWindow() ? q : null, cap);
    }

    /**
     * The window of {@code q}, and with {@code totalOf} non-null one more, last column: the number of rows
     * of {@code totalOf} without its window (counted up to {@code cap + 1} when {@code cap >= 0}). A seek
     * from a remembered position passes the query without the position, whose rows the total counts.
     */
    public SelectStatement list(QuerySpec<?> q, QuerySpec<?> totalOf, long cap) {
        return list(q, totalOf, cap, false);
    }

    /**
     * {@link #list(QuerySpec, QuerySpec, long)}, and with {@code sortAll} the matching rows are selected in a
     * derived table the planner cannot see the window through ({@code OFFSET 0}), then sorted and cut: for a
     * result known to be small. PostgreSQL otherwise may read an ordering's index from the start for the
     * first rows that match a rare condition, estimating them near, and read all of it when none match (a
     * rank no row of the project has, a filter correlated with the ordering: 250 ms for 20 rows, measured).
     */
    public SelectStatement list(QuerySpec<?> q, QuerySpec<?> totalOf, long cap, boolean sortAll) {
        Scope.State st = new Scope.State(dialect, maintained);
        Map<Property, Expr<?, ?>> computed = computedMap(q);
        Ordering ordering = q.ordering();
        Keyset keyset = Keyset.of(ordering, q.after());
        boolean withTotal = totalOf != null;
        boolean cutFirst = q.hasWindow() && (sortAll || !q.joins().isEmpty() || !q.computations().isEmpty()
                || unionOfBranches(q, keyset));
        if (!cutFirst) {
            Scope.Joins joins = new Scope.Joins();
            Scope root = new Scope(st, q.model(), "t0", joins, computed);
            Fragment where = where(root, q, keyset, Keyset.ALL);
            Fragment order = orderBy(root, ordering, null);
            List<Fragment> terms = new ArrayList<>();
            Layout layout = selectList(root, q, terms, 0);
            if (withTotal) {
                terms.add(total(totalOf, cap));
            }
            Fragment f = new Fragment().sql("SELECT ").append(commaList(terms, false)).sql(" FROM ").sql(root.q(q.model().table())).sql(" t0")
                    .sql(joins.text.toString()).append(where).append(order);
            dialect.limitOffset(f, q.limit(), q.offset());
            return new SelectStatement(f.toSql(), layout);
        }
        // Inner: the page of root rows, with each ordering term exposed as _o<i> for the outer ORDER BY.
        Fragment sub = cut(st, q, ordering, keyset, computed, true, sortAll);
        // Outer: joins and annotations for the page's rows only.
        Scope.Joins outerJoins = new Scope.Joins();
        Scope outer = new Scope(st, q.model(), "t0", outerJoins, computed);
        List<Fragment> terms = new ArrayList<>();
        Layout layout = selectList(outer, q, terms, 0);
        if (withTotal) {
            terms.add(total(totalOf, cap));
        }
        Fragment f = new Fragment().sql("SELECT ").append(commaList(terms, false)).sql(" FROM (").append(sub).sql(") t0")
                .sql(outerJoins.text.toString()).append(orderBy(outer, ordering, "t0."));
        return new SelectStatement(f.toSql(), layout);
    }

    /**
     * Whether the window is cut as a UNION ALL of one LIMITed SELECT per keyset branch: with a limit
     * and several branches. Each branch is then one index range that stops after the page, where their
     * OR would be read as one range and filtered (design.md, "Keyset pagination").
     */
    private boolean unionOfBranches(QuerySpec<?> q, Keyset keyset) {
        return keyset != null && keyset.branches() > 1 && q.limit() >= 0 && dialect.limitsUnionMembers();
    }

    /**
     * The rows of the window, in order, each ordering term exposed as {@code _o<i>} (and with
     * {@code rootColumns}, the root's columns first), as the body of a derived table. With
     * {@link #unionOfBranches} it is {@code (SELECT ... branch 1 ... LIMIT offset+limit) UNION ALL (...)}
     * ordered and cut again.
     */
    private Fragment cut(Scope.State st, QuerySpec<?> q, Ordering ordering, Keyset keyset, Map<Property, Expr<?, ?>> computed,
                         boolean rootColumns) {
        return cut(st, q, ordering, keyset, computed, rootColumns, false);
    }

    private Fragment cut(Scope.State st, QuerySpec<?> q, Ordering ordering, Keyset keyset, Map<Property, Expr<?, ?>> computed,
                         boolean rootColumns, boolean sortAll) {
        if (sortAll) {
            Fragment all = ordered(st, q, ordering, keyset, Keyset.ALL, computed, rootColumns, false);
            dialect.fence(all);
            Fragment f = new Fragment().sql("SELECT * FROM (").append(all).sql(") y").append(orderBy(null, ordering, ""));
            dialect.limitOffset(f, q.limit(), q.offset());
            return f;
        }
        if (!unionOfBranches(q, keyset)) {
            Fragment f = ordered(st, q, ordering, keyset, Keyset.ALL, computed, rootColumns);
            dialect.limitOffset(f, q.limit(), q.offset());
            return f;
        }
        long perBranch = q.offset() > Long.MAX_VALUE - q.limit() ? Long.MAX_VALUE : q.offset() + q.limit();
        Fragment f = new Fragment();
        for (int b = 0; b < keyset.branches(); b++) {
            Fragment member = ordered(st, q, ordering, keyset, b, computed, rootColumns);
            dialect.limitOffset(member, perBranch, 0);
            f.sql(b == 0 ? "(" : " UNION ALL (").append(member).sql(")");
        }
        f.append(orderBy(null, ordering, ""));
        dialect.limitOffset(f, q.limit(), q.offset());
        return f;
    }

    /** {@code SELECT [root columns,] e_i AS _o<i> FROM ... WHERE ... ORDER BY _o<i>}, for keyset branch {@code branch}. */
    private Fragment ordered(Scope.State st, QuerySpec<?> q, Ordering ordering, Keyset keyset, int branch,
                             Map<Property, Expr<?, ?>> computed, boolean rootColumns) {
        return ordered(st, q, ordering, keyset, branch, computed, rootColumns, true);
    }

    /** {@link #ordered}, with or without its ORDER BY. */
    private Fragment ordered(Scope.State st, QuerySpec<?> q, Ordering ordering, Keyset keyset, int branch,
                             Map<Property, Expr<?, ?>> computed, boolean rootColumns, boolean sorted) {
        Scope.Joins joins = new Scope.Joins();
        Scope s = new Scope(st, q.model(), "t0", joins, computed);
        Fragment where = where(s, q, keyset, branch);
        List<Fragment> terms = new ArrayList<>();
        if (rootColumns) {
            rootColumns(s, terms);
            if (!q.computations().isEmpty()) {
                maintainedColumns(s, terms); // the outer annotations read them from the page
            }
        }
        List<Ordering.Term> orders = ordering.terms();
        for (int i = 0; i < orders.size(); i++) {
            Fragment term = new Fragment();
            s.expr(term, orders.get(i).expr());
            terms.add(term.sql(" AS _o" + i));
        }
        Fragment order = sorted ? orderBy(s, ordering, "") : new Fragment();
        return new Fragment().sql("SELECT ").append(commaList(terms, false)).sql(" FROM ").sql(s.q(q.model().table()))
                .sql(" t0").sql(joins.text.toString()).append(where).append(order);
    }

    /**
     * {@code (SELECT COUNT(*) ...)} of the query without its window (the keyset position stays), stopping
     * after {@code cap + 1} rows when {@code cap >= 0}; its aliases shadow the outer ones.
     */
    private Fragment total(QuerySpec<?> q, long cap) {
        QuerySpec<?> all = q.withoutWindow();
        return new Fragment().sql("(").append(cap < 0 ? countFragment(all, all.ordering()) : cappedCount(q, cap)).sql(")");
    }

    /** {@code SELECT COUNT(*)} of the query (of its window, if it has one). */
    public Sql count(QuerySpec<?> q) {
        return countFragment(q, q.ordering()).toSql();
    }

    /** The count of the query without its window, stopping after {@code cap + 1} rows (no ordering needed). */
    public Sql count(QuerySpec<?> q, long cap) {
        return cappedCount(q, cap).toSql();
    }

    private Fragment cappedCount(QuerySpec<?> q, long cap) {
        Scope.State st = new Scope.State(dialect, maintained);
        Scope.Joins joins = new Scope.Joins();
        QuerySpec<?> all = q.withoutWindow();
        Scope root = new Scope(st, all.model(), "t0", joins, computedMap(all));
        Fragment where = where(root, all, Keyset.of(all.ordering(), all.after()), Keyset.ALL);
        Fragment sub = new Fragment().sql("SELECT 1 AS one FROM ").sql(root.q(all.model().table())).sql(" t0")
                .sql(joins.text.toString()).append(where);
        dialect.limitOffset(sub, cap + 1, 0);
        return new Fragment().sql("SELECT COUNT(*) FROM (").append(sub).sql(") x");
    }

    /**
     * The planner's estimate of the query's rows without its window, or null where the dialect has none:
     * the dialect's explain statement around {@code SELECT 1 FROM ... WHERE ...}.
     */
    public Sql estimate(QuerySpec<?> q) {
        String explain = dialect.explainForEstimate();
        if (explain == null) {
            return null;
        }
        Scope.State st = new Scope.State(dialect, maintained);
        Scope.Joins joins = new Scope.Joins();
        QuerySpec<?> all = q.withoutWindow();
        Scope root = new Scope(st, all.model(), "t0", joins, computedMap(all));
        Fragment where = where(root, all, Keyset.of(all.ordering(), all.after()), Keyset.ALL);
        return new Fragment().sql(explain).sql("SELECT 1 FROM ").sql(root.q(all.model().table())).sql(" t0")
                .sql(joins.text.toString()).append(where).toSql();
    }

    /**
     * A walk along the query's ordering, from its keyset position (or the first row) through its window's
     * {@code limit} rows, returning the ordering's values (the key last) of every {@code spacing}th row, and
     * of the window's last row if there is one, each with its 1-based place in the walk: {@code SELECT _o0,
     * ..., _rn FROM (SELECT y.*, ROW_NUMBER() OVER (ORDER BY ...) FROM (<the window, cut as a page is>) y) x
     * WHERE MOD(_rn, spacing) = 0 OR _rn = limit}. What a reused result remembers (positions), so a deep page
     * seeks from the nearest one instead of skipping every row before it. The window is cut as pages are
     * (index ranges that stop after {@code limit} rows), so a walk costs what an OFFSET over the same rows
     * costs, and no more is walked than asked. (One window function: a second one, to mark the last row,
     * cost as much again as the index scan.)
     */
    public Sql walk(QuerySpec<?> q, int spacing) {
        Scope.State st = new Scope.State(dialect, maintained);
        Ordering ordering = q.ordering();
        Fragment rows = cut(st, q, ordering, Keyset.of(ordering, q.after()), computedMap(q), false);
        Fragment numbered = new Fragment().sql("SELECT y.*, ROW_NUMBER() OVER (").append(orderBy(null, ordering, "y."))
                .sql(") AS _rn FROM (").append(rows).sql(") y");
        Fragment f = new Fragment().sql("SELECT ");
        for (int i = 0; i < ordering.terms().size(); i++) {
            f.sql("x._o" + i + ", ");
        }
        f.sql("x._rn FROM (").append(numbered).sql(") x WHERE MOD(x._rn, ").param((long) spacing).sql(") = 0 OR x._rn = ")
                .param(q.limit()).sql(" ORDER BY x._rn");
        return f.toSql();
    }

    private Fragment countFragment(QuerySpec<?> q, Ordering ordering) {
        Scope.State st = new Scope.State(dialect, maintained);
        Map<Property, Expr<?, ?>> computed = computedMap(q);
        Keyset keyset = Keyset.of(ordering, q.after());
        if (q.hasWindow()) {
            return new Fragment().sql("SELECT COUNT(*) FROM (").append(cut(st, q, ordering, keyset, computed, false)).sql(") x");
        }
        Scope.Joins joins = new Scope.Joins();
        Scope root = new Scope(st, q.model(), "t0", joins, computed);
        Fragment where = where(root, q, keyset, Keyset.ALL);
        return new Fragment().sql("SELECT COUNT(*) FROM ").sql(root.q(q.model().table())).sql(" t0")
                .sql(joins.text.toString()).append(where);
    }

    /**
     * {@code SELECT MIN(expr)} or {@code MAX(expr)} over the query's rows: an expression the model
     * maintains reads its column, so a matching index answers with one entry.
     */
    public Sql aggregate(QuerySpec<?> q, Aggregate.Fn fn, Expr<?, ?> expr) {
        if (fn != Aggregate.Fn.MIN && fn != Aggregate.Fn.MAX) {
            throw new IllegalArgumentException("only MIN and MAX over a query's rows, not " + fn);
        }
        Scope.State st = new Scope.State(dialect, maintained);
        Scope.Joins joins = new Scope.Joins();
        Scope root = new Scope(st, q.model(), "t0", joins, computedMap(q));
        Fragment value = new Fragment();
        root.expr(value, expr);
        Fragment where = where(root, q, Keyset.of(q.ordering(), q.after()), Keyset.ALL);
        return new Fragment().sql("SELECT " + fn.name() + "(").append(value).sql(") FROM ").sql(root.q(q.model().table()))
                .sql(" t0").sql(joins.text.toString()).append(where).toSql();
    }

    /** {@code SELECT 1 ... LIMIT 1}: whether any row (of the window) matches. */
    public Sql exists(QuerySpec<?> q) {
        Scope.State st = new Scope.State(dialect, maintained);
        Scope.Joins joins = new Scope.Joins();
        Scope root = new Scope(st, q.model(), "t0", joins, computedMap(q));
        Ordering ordering = q.ordering();
        // Any row will do: the keyset branches stay one OR'ed condition (no ORDER BY to cut each by).
        Fragment where = where(root, q, Keyset.of(ordering, q.after()), Keyset.ALL);
        Fragment order = q.offset() > 0 ? orderBy(root, ordering, null) : new Fragment();
        Fragment f = new Fragment().sql("SELECT 1 FROM ").sql(root.q(q.model().table())).sql(" t0")
                .sql(joins.text.toString()).append(where).append(order);
        dialect.limitOffset(f, q.limit() == 0 ? 0 : 1, q.offset());
        return f.toSql();
    }

    // ---------------------------------------------------------------- prefetch statements

    /**
     * The related rows of {@code rel} for a set of parent keys, in one statement (for a
     * many-to-many, the first column is the parent key). With a window ({@code limit}/{@code offset} in the prefetch query) the rows
     * are numbered per parent with ROW_NUMBER() and cut in SQL (top-N per parent).
     *
     * @param keys an {@link ArrayParam} (one {@code = ANY(?)}) or a list of keys (an IN list)
     */
    public SelectStatement prefetch(Relation rel, QuerySpec<?> q, Object keys) {
        Scope.State st = new Scope.State(dialect, maintained);
        Scope.Joins joins = new Scope.Joins();
        EntityModel<?> target = q.model();
        Scope root = new Scope(st, target, "t0", joins, computedMap(q));
        String from;
        String keyExpr;
        if (rel instanceof Relation.ToOne) {
            from = root.q(target.table()) + " t0";
            keyExpr = "t0." + root.q(target.id().column());
        } else if (rel instanceof Relation.OneToMany o) {
            from = root.q(target.table()) + " t0";
            keyExpr = "t0." + root.q(o.fkColumn());
        } else {
            Relation.ManyToMany m = (Relation.ManyToMany) rel;
            from = root.q(target.table()) + " t0 INNER JOIN " + root.q(m.table()) + " j0 ON j0." + root.q(m.inverseColumn())
                    + " = t0." + root.q(m.targetColumn());
            keyExpr = "j0." + root.q(m.joinColumn());
        }
        Fragment where = new Fragment().sql(" WHERE ");
        if (keys instanceof ArrayParam a) {
            where.sql(keyExpr).sql(" = ANY(").param(a).sql(")");
        } else {
            List<?> list = (List<?>) keys;
            where.sql(keyExpr).sql(" IN (");
            for (int i = 0; i < list.size(); i++) {
                where.sql(i == 0 ? "" : ", ").param(list.get(i));
            }
            where.sql(")");
        }
        if (q.where() != null) {
            where.sql(" AND (");
            root.predicate(where, q.where());
            where.sql(")");
        }
        // Only a many-to-many row needs its parent key as an extra column: a to-one target's key is
        // its id and a one-to-many child's is its foreign key, both read with the entity.
        boolean keyColumn = rel instanceof Relation.ManyToMany;
        List<Fragment> terms = new ArrayList<>();
        if (keyColumn) {
            terms.add(new Fragment().sql(keyExpr));
        }
        Layout layout = selectList(root, q, terms, keyColumn ? 1 : 0);
        // Inside the ROW_NUMBER() derived table, columns are named c0, c1, ... so joined tables' names cannot clash.
        Fragment select = commaList(terms, q.hasWindow());
        if (!q.hasWindow()) {
            // Rendered before the FROM text is read: ordering by a to-one path adds its join.
            Fragment order = rel instanceof Relation.ToOne ? new Fragment() : orderBy(root, q.ordering(), null);
            Fragment f = new Fragment().sql("SELECT ").append(select).sql(" FROM ").sql(from).sql(joins.text.toString())
                    .append(where).append(order);
            return new SelectStatement(f.toSql(), layout);
        }
        Fragment window = new Fragment().sql("ROW_NUMBER() OVER (PARTITION BY ").sql(keyExpr);
        window.append(orderBy(root, q.ordering(), null));
        window.sql(")");
        Fragment inner = new Fragment().sql("SELECT ").append(select).sql(", ").append(window).sql(" AS _rn FROM ").sql(from)
                .sql(joins.text.toString()).append(where);
        Fragment f = new Fragment().sql("SELECT * FROM (").append(inner).sql(") x WHERE x._rn > ").param(q.offset());
        if (q.limit() >= 0) {
            f.sql(" AND x._rn <= ").param(q.offset() + q.limit());
        }
        f.sql(" ORDER BY x._rn");
        return new SelectStatement(f.toSql(), layout);
    }

    // ---------------------------------------------------------------- clauses

    private static Map<Property, Expr<?, ?>> computedMap(QuerySpec<?> q) {
        Map<Property, Expr<?, ?>> m = new LinkedHashMap<>();
        for (Computation c : q.computations()) {
            m.put(c.target(), c.expr());
        }
        return m;
    }

    /** WHERE with the query's condition and keyset branch {@code branch} (or all of them); empty when there is neither. */
    private Fragment where(Scope s, QuerySpec<?> q, Keyset keyset, int branch) {
        Fragment f = new Fragment();
        if (q.where() != null) {
            f.sql(" WHERE ");
            s.predicate(f, q.where());
        }
        if (keyset != null) {
            f.sql(q.where() != null ? " AND " : " WHERE ");
            keyset.render(s, f, branch);
        }
        return f;
    }

    /**
     * ORDER BY the ordering (the key last, NULL placement normalised: {@link Ordering}). {@code exposed}
     * null renders the expressions; "" or "t0." refers to the inner query's {@code _o<i>} columns instead.
     */
    private Fragment orderBy(Scope s, Ordering ordering, String exposed) {
        List<Ordering.Term> terms = ordering.terms();
        Fragment f = new Fragment().sql(" ORDER BY ");
        for (int i = 0; i < terms.size(); i++) {
            Ordering.Term t = terms.get(i);
            if (i > 0) {
                f.sql(", ");
            }
            Fragment term = new Fragment();
            if (exposed == null) {
                s.expr(term, t.expr());
            } else {
                term.sql(exposed + "_o" + i);
            }
            dialect.orderTerm(f, term, t.descending(), t.nullsFirst());
        }
        return f;
    }

    private static void rootColumns(Scope s, List<Fragment> terms) {
        for (Property p : s.model.columns()) {
            terms.add(new Fragment().sql(s.alias).sql(".").sql(s.q(p.column())));
        }
    }

    /** The maintained columns of the scope's entity, under their own names. */
    private void maintainedColumns(Scope s, List<Fragment> terms) {
        for (MaintainedColumns.Entry e : maintained.entries()) {
            if (e.owner() == s.model) {
                terms.add(new Fragment().sql(s.alias).sql(".").sql(s.q(e.column())));
            }
        }
    }

    /** Appends root columns, joined entities' columns and annotations; returns where each sits. */
    private Layout selectList(Scope root, QuerySpec<?> q, List<Fragment> terms, int firstColumn) {
        int[] next = {firstColumn + 1};
        rootColumns(root, terms);
        next[0] += root.model.columns().size();
        NodeBuilder top = new NodeBuilder(root.model, null, "", firstColumn + 1, root);
        for (List<String> path : q.joins()) {
            NodeBuilder at = top;
            List<Relation> rels = Paths.relation(q.model(), path).relations();
            for (Relation rel : rels) {
                Relation.ToOne t = (Relation.ToOne) rel;
                NodeBuilder child = at.children.get(t.name());
                if (child == null) {
                    String alias = at.scope.join(t);
                    Scope sc = at.scope.at(t.target(), alias);
                    child = new NodeBuilder(t.target(), t, at.path.isEmpty() ? t.name() : at.path + "." + t.name(), next[0], sc);
                    at.children.put(t.name(), child);
                    rootColumns(sc, terms);
                    next[0] += t.target().columns().size();
                }
                at = child;
            }
        }
        List<Layout.Computed> computed = new ArrayList<>();
        for (Computation c : q.computations()) {
            Fragment term = new Fragment();
            root.expr(term, c.expr());
            terms.add(term);
            computed.add(new Layout.Computed(c.target(), next[0]++));
        }
        return new Layout(firstColumn, top.build(), computed);
    }

    /** Joins select terms with commas, optionally naming them c0, c1, ... (inside a derived table). */
    private static Fragment commaList(List<Fragment> terms, boolean alias) {
        Fragment f = new Fragment();
        for (int i = 0; i < terms.size(); i++) {
            f.sql(i == 0 ? "" : ", ").append(terms.get(i));
            if (alias) {
                f.sql(" AS c" + i);
            }
        }
        return f;
    }

    private static final class NodeBuilder {
        final EntityModel<?> model;
        final Relation.ToOne via;
        final String path;
        final int start;
        final Scope scope;
        final Map<String, NodeBuilder> children = new LinkedHashMap<>();

        NodeBuilder(EntityModel<?> model, Relation.ToOne via, String path, int start, Scope scope) {
            this.model = model;
            this.via = via;
            this.path = path;
            this.start = start;
            this.scope = scope;
        }

        Layout.Node build() {
            List<Layout.Node> kids = new ArrayList<>();
            for (NodeBuilder b : children.values()) {
                kids.add(b.build());
            }
            return new Layout.Node(model, via, path, start, List.copyOf(kids));
        }
    }
}
