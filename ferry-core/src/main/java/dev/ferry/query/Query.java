package dev.ferry.query;

import dev.ferry.error.InvalidQueryException;
import dev.ferry.error.MappingException;
import dev.ferry.error.NoSuchRowException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Relation;
import dev.ferry.policy.FetchPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An immutable, reusable query for rows of {@code T}, like Django's QuerySet: every method returns
 * a new query. Paths are checked when they are added, so a wrong name fails where it was written.
 *
 * <pre>{@code
 * List<Occurrence> page = ferry.from(Occurrence.class)
 *     .where(Occurrence_.PROJECT.idEq(5L))
 *     .orderBy(Occurrence_.DETERMINATION_SCORE.desc())
 *     .join(Occurrence_.DETERMINATION)
 *     .prefetch(Occurrence_.DETECTIONS, q -> q.orderBy(Detection_.TIMESTAMP.asc()))
 *     .limit(25)
 *     .list();
 * }</pre>
 */
public final class Query<T> {

    private final QuerySpec<T> spec;
    private final QueryRunner runner;

    public Query(QuerySpec<T> spec, QueryRunner runner) {
        this.spec = spec;
        this.runner = runner;
    }

    /** The query's state, for the planner. */
    public QuerySpec<T> spec() {
        return spec;
    }

    public EntityModel<T> model() {
        return spec.model();
    }

    private Query<T> with(QuerySpec<T> s) {
        return new Query<>(s, runner);
    }

    // ---------------------------------------------------------------- filtering

    /** Keeps rows matching {@code condition} (AND with earlier conditions). */
    public Query<T> where(Predicate<T> condition) {
        Check.predicate(spec.model(), condition);
        return with(spec.withWhere(spec.where() == null ? condition : Predicate.all(spec.where(), condition)));
    }

    /** Drops rows matching {@code condition}. */
    public Query<T> exclude(Predicate<T> condition) {
        return where(Predicate.not(condition));
    }

    // ---------------------------------------------------------------- ordering and windows

    /** Replaces the ordering. Without one, rows come by primary key. */
    @SafeVarargs
    public final Query<T> orderBy(Order<T>... orders) {
        List<Order<T>> list = new ArrayList<>(orders.length);
        for (Order<T> o : orders) {
            list.add(o);
        }
        return orderBy(list);
    }

    public Query<T> orderBy(List<Order<T>> orders) {
        for (Order<T> o : orders) {
            Check.expr(spec.model(), o.expr());
        }
        return with(checkedPosition(spec.withOrders(orders), "orderBy(...)"));
    }

    /** At most {@code limit} rows; in a prefetch, at most {@code limit} per parent (top-N, in SQL). */
    public Query<T> limit(long limit) {
        if (limit < 0) {
            throw new InvalidQueryException("limit must be >= 0, was " + limit);
        }
        return with(spec.withLimit(limit));
    }

    /** Skips {@code offset} rows; in a prefetch, per parent. */
    public Query<T> offset(long offset) {
        if (offset < 0) {
            throw new InvalidQueryException("offset must be >= 0, was " + offset);
        }
        return with(spec.withOffset(offset));
    }

    /**
     * Keyset pagination: the rows strictly after the row whose ordering values are {@code values}. The
     * ordering is the {@code orderBy} terms, then the entity's key unless one of them is the key (in the
     * last term's direction), so it is total and pages never skip or repeat a row: give one value per
     * term, the key last. For {@code orderBy(DETERMINATION_SCORE.desc())} that is
     * {@code after(last.determinationScore(), last.id())}; {@link #cursor(Object)} reads them for you.
     * A term that cannot be NULL (a key, a primitive, {@code @Column(nullable = false)}) refuses a NULL value.
     *
     * <p>Rendered as disjoint branches, each a prefix of equalities on earlier terms and one range over
     * a run of same-direction terms as a row-value comparison, {@code (updated_at, id) < (?, ?)}: an
     * index on those columns is read from the position and stops after the page. NULLs of a nullable
     * term that sort after the position get a branch of their own ({@code OR score IS NULL}); with a
     * {@code limit} the branches become a UNION ALL of one LIMITed SELECT each, so each stays one index
     * range. {@code count()}, {@code exists()} and {@code page()}'s total keep the position.
     */
    public Query<T> after(Object... values) {
        return with(checkedPosition(spec.withAfter(Arrays.asList(values)), null));
    }

    /** {@link #after(Object...)} at a position from {@link #cursor(Object)} or {@link #cursor(String)} of this ordering. */
    public Query<T> after(Cursor position) {
        if (position == null) {
            throw new InvalidQueryException("after(cursor): the cursor is null; for the first page, do not call after(...)");
        }
        Ordering ordering = spec.ordering();
        if (position.ordering() != ordering.fingerprint()) {
            throw new InvalidQueryException("after(cursor): the cursor belongs to another ordering than this query's "
                    + ordering + "; read it with cursor(...) of a query with this ordering");
        }
        return after(position.values().toArray());
    }

    /**
     * The keyset position of {@code row}, a row this query (or one with its ordering) loaded: its
     * ordering values, read from the row's columns, from to-one targets it loaded ({@code join}) and
     * from the {@code @Computed} components this query annotates. Page on with {@code after(cursor)},
     * or hand {@link Cursor#token()} to a client:
     *
     * <pre>{@code
     * Query<Occurrence> q = ferry.from(Occurrence.class).orderBy(Occurrence_.UPDATED_AT.desc()).limit(25);
     * List<Occurrence> page = (token == null ? q : q.after(q.cursor(token))).list();
     * String next = page.isEmpty() ? null : q.cursor(page.get(page.size() - 1)).token();
     * }</pre>
     */
    public Cursor cursor(T row) {
        return Cursor.at(spec, spec.ordering(), row);
    }

    /**
     * Parses a {@link Cursor#token()} against this query's ordering. A malformed token, one of another
     * ordering, or one whose values do not fit it is an {@link InvalidQueryException} (for a web
     * service, a 400).
     */
    public Cursor cursor(String token) {
        return CursorToken.decode(token, spec.ordering());
    }

    /**
     * {@code s}, after checking its keyset position (if any) against its ordering. {@code step} names a
     * later call that changed the ordering ({@code orderBy}, {@code annotate}); null for after(...) itself.
     */
    private static <T> QuerySpec<T> checkedPosition(QuerySpec<T> s, String step) {
        if (s.after() == null) {
            return s;
        }
        Ordering ordering = s.ordering();
        try {
            ordering.checkPosition(s.after());
        } catch (InvalidQueryException e) {
            if (step == null) {
                throw e;
            }
            throw new InvalidQueryException(step + " after after(...): the keyset position (" + s.after().size()
                    + " values) does not fit the ordering " + ordering + " any more; call after(...) after " + step);
        }
        return s;
    }

    // ---------------------------------------------------------------- loading related rows

    /**
     * Loads to-one relations in the same statement (Django {@code select_related}): LEFT JOIN when the
     * foreign key is nullable, INNER when not. Nested paths load every step ({@code determination.parent}).
     */
    @SafeVarargs
    public final Query<T> join(ToOne<T, ?>... paths) {
        List<String> dotted = new ArrayList<>();
        for (ToOne<T, ?> p : paths) {
            dotted.add(p.dotted());
        }
        return join(dotted.toArray(String[]::new));
    }

    /** {@link #join(ToOne[])} by dotted names ({@code "determination.parent"}). */
    public Query<T> join(String... paths) {
        List<List<String>> joins = new ArrayList<>(spec.joins());
        for (String dotted : paths) {
            List<String> path = Col.split(dotted);
            Paths.Resolved r = Paths.relation(spec.model(), path);
            for (Relation rel : r.relations()) {
                if (rel.isToMany()) {
                    throw new InvalidQueryException("join(\"" + dotted + "\"): " + rel.describe()
                            + " is a to-many relation; joining it would multiply rows. Use prefetch(\"" + dotted + "\") instead");
                }
            }
            if (!joins.contains(path)) {
                joins.add(path);
            }
        }
        return with(spec.withJoins(joins));
    }

    /** Prefetches relations by dotted path, one query per level ({@code "detections.classifications.taxon"}). */
    public Query<T> prefetch(String... paths) {
        Query<T> q = this;
        for (String p : paths) {
            q = q.with(Check.addPrefetch(q.spec, Col.split(p), null, null));
        }
        return q;
    }

    /** Prefetches a relation with the default query. */
    public Query<T> prefetch(RelationPath<T, ?> path) {
        return with(Check.addPrefetch(spec, path.path(), null, null));
    }

    /**
     * Prefetches a relation with a custom query for its rows: filter, order, per-parent limit, join,
     * and further prefetches. Intermediate levels of a dotted path use the default query.
     */
    public <X> Query<T> prefetch(RelationPath<T, X> path, UnaryOperator<Query<X>> customize) {
        return with(Check.addPrefetch(spec, path.path(), null, customize));
    }

    /** A named prefetch (Django {@code to_attr}): read back with {@code owner.relation().named(name)}. */
    public <X> Query<T> prefetch(ToMany.Named<T, X> named, UnaryOperator<Query<X>> customize) {
        return with(Check.addPrefetch(spec, named.relation().path(), named.name(), customize));
    }

    // ---------------------------------------------------------------- annotations and policy

    /** Fills the {@code @Computed} component {@code target} with {@code expr} for each row returned. */
    public <V> Query<T> annotate(Col<T, V> target, Expr<T, ? extends V> expr) {
        Paths.Resolved r = Paths.column(spec.model(), target.path(), target.type());
        if (!r.relations().isEmpty() || r.leaf().kind() != Property.Kind.COMPUTED) {
            throw new MappingException("annotate(" + target.dotted() + ", ...): the target must be a @Computed component of "
                    + spec.model().name());
        }
        Check.expr(spec.model(), expr);
        List<Computation> list = new ArrayList<>();
        for (Computation c : spec.computations()) {
            if (c.target() != r.leaf()) {
                list.add(c);
            }
        }
        list.add(new Computation(r.leaf(), expr));
        // An annotation decides whether an ordering term on its component can be NULL.
        return with(checkedPosition(spec.withComputations(list), "annotate(...)"));
    }

    /** The fetch policy for relations this query did not load; null inherits. */
    public Query<T> fetchPolicy(FetchPolicy policy) {
        return with(spec.withPolicy(policy));
    }

    // ---------------------------------------------------------------- running

    private QueryRunner runner() {
        if (runner == null) {
            throw new InvalidQueryException("this query is a prefetch sub-query and cannot run by itself; "
                    + "start queries with ferry.from(" + spec.model().name() + ".class)");
        }
        return runner;
    }

    /** All matching rows, with their joins and prefetches loaded. */
    public List<T> list() {
        return runner().list(spec);
    }

    /** The first row, if any. */
    public Optional<T> first() {
        List<T> rows = runner().list(spec.withLimit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The row with key {@code id}, if it matches this query. */
    public Optional<T> find(Object id) {
        id = coerceKey(id);
        Col<T, Object> key = new Col<>(spec.model().type(), List.of(spec.model().id().name()), Object.class);
        List<T> rows = runner().list(spec.withWhere(spec.where() == null ? key.eq(id) : Predicate.all(spec.where(), key.eq(id)))
                .withLimit(-1).withOffset(0).withAfter(null));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Integral keys given as another integral type ({@code get(42)} for a long key) are converted. */
    private Object coerceKey(Object id) {
        Class<?> keyType = Paths.boxed(spec.model().id().type());
        if (id instanceof Number n && !keyType.isInstance(id)
                && (id instanceof Integer || id instanceof Long || id instanceof Short || id instanceof Byte)) {
            if (keyType == Long.class) {
                return n.longValue();
            }
            if (keyType == Integer.class && n.longValue() == n.intValue()) {
                return n.intValue();
            }
        }
        return id;
    }

    /** The row with key {@code id}; throws {@link NoSuchRowException} when there is none. */
    public T get(Object id) {
        return find(id).orElseThrow(() -> new NoSuchRowException(spec.model().name() + " with "
                + spec.model().id().name() + " = " + id + " does not exist" + (spec.where() == null ? "" : " or does not match the query")));
    }

    /**
     * The rows of this query's window ({@code limit}/{@code offset}) and how many rows match without
     * it, in one statement: the total is an uncorrelated {@code (SELECT COUNT(*) ...)} beside the page. Only
     * a page past the last row, which carries no total, costs a second statement (a count). Without a
     * window the total is the number of rows.
     */
    public Page<T> page() {
        return page(Total.exact());
    }

    /**
     * {@link #page()} with the total found as {@code total} says: exact every time, reused for a bounded
     * time (with remembered positions that make deep pages cheap), capped, estimated, or none. The
     * page's rows are always exact; {@link Page#accuracy()} says what its total is.
     */
    public Page<T> page(Total total) {
        java.util.Objects.requireNonNull(total, "total");
        return runner().page(spec, total);
    }

    /** The number of matching rows (the window, if any, applies). */
    public long count() {
        return runner().count(spec);
    }

    /** Whether any row matches. */
    public boolean exists() {
        return runner().exists(spec);
    }

    /**
     * The largest value of {@code expr} over the matching rows, in one {@code SELECT MAX(...)}; empty when
     * no row matches or every value is NULL. An expression the model maintains reads its column, so an index
     * on it answers with one entry: e.g. the longest duration in a project, read to bound an interval search
     * (bound as a value, the planner estimates the search; as a subquery it could not).
     */
    public <V> Optional<V> max(Expr<T, V> expr) {
        return extreme(Aggregate.Fn.MAX, expr);
    }

    /** The smallest value of {@code expr} over the matching rows; see {@link #max(Expr)}. */
    public <V> Optional<V> min(Expr<T, V> expr) {
        return extreme(Aggregate.Fn.MIN, expr);
    }

    private <V> Optional<V> extreme(Aggregate.Fn fn, Expr<T, V> expr) {
        java.util.Objects.requireNonNull(expr, "expr");
        Check.expr(spec.model(), expr);
        if (spec.hasWindow()) {
            String name = fn.name().toLowerCase(java.util.Locale.ROOT);
            throw new InvalidQueryException(name + "() is over every matching row, and this query has a window (limit "
                    + "or offset): drop the window, or list its rows and take the " + name + " of those");
        }
        return Optional.ofNullable(runner().aggregate(spec, fn, expr));
    }

    /**
     * Streams the rows in chunks of {@code chunkSize}, prefetching each chunk's relations as it goes;
     * memory stays bounded by the chunk. Close the stream (try-with-resources) to free its connection.
     */
    public Stream<T> stream(int chunkSize) {
        if (chunkSize < 1) {
            throw new InvalidQueryException("chunkSize must be >= 1, was " + chunkSize);
        }
        return runner().stream(spec, chunkSize);
    }

    /** {@link #stream(int)} with chunks of 1,000. */
    public Stream<T> stream() {
        return stream(1000);
    }

    /** The SQL text of the root statement (with {@code ?} placeholders). */
    public String sql() {
        return runner().sql(spec);
    }

    /** One statement for the rows, plus one per prefetch level: what list() costs. */
    public int plannedStatements() {
        return spec.plannedStatements();
    }

    @Override
    public String toString() {
        return "Query[" + spec.model().name() + ", where=" + spec.where() + ", orders=" + spec.orders()
                + ", limit=" + spec.limit() + ", offset=" + spec.offset() + ", joins=" + spec.joins()
                + ", prefetches=" + spec.prefetches().stream().map(PrefetchSpec::label).toList() + "]";
    }
}
