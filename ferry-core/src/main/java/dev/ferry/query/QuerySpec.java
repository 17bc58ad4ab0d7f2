package dev.ferry.query;

import dev.ferry.model.EntityModel;
import dev.ferry.model.Relation;
import dev.ferry.policy.FetchPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a query, free of SQL: what {@link Query} builds and the planner reads.
 *
 * @param limit  -1 for none; in a prefetch, per parent
 * @param offset 0 for none; in a prefetch, per parent
 * @param after  keyset values, one per term of {@link #ordering()} (the key last); null for none
 * @param joins  to-one paths loaded in the same statement
 * @param policy null to inherit
 */
public record QuerySpec<T>(EntityModel<T> model, Predicate<T> where, List<Order<T>> orders, long limit, long offset,
                           List<Object> after, List<List<String>> joins, List<PrefetchSpec> prefetches,
                           List<Computation> computations, FetchPolicy policy) {

    public QuerySpec {
        orders = List.copyOf(orders);
        joins = List.copyOf(joins);
        prefetches = List.copyOf(prefetches);
        computations = List.copyOf(computations);
        after = after == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(after));
    }

    public static <T> QuerySpec<T> of(EntityModel<T> model) {
        return new QuerySpec<>(model, null, List.of(), -1, 0, null, List.of(), List.of(), List.of(), null);
    }

    QuerySpec<T> withWhere(Predicate<T> p) {
        return new QuerySpec<>(model, p, orders, limit, offset, after, joins, prefetches, computations, policy);
    }

    QuerySpec<T> withOrders(List<Order<T>> o) {
        return new QuerySpec<>(model, where, o, limit, offset, after, joins, prefetches, computations, policy);
    }

    public QuerySpec<T> withLimit(long l) {
        return new QuerySpec<>(model, where, orders, l, offset, after, joins, prefetches, computations, policy);
    }

    QuerySpec<T> withOffset(long o) {
        return new QuerySpec<>(model, where, orders, limit, o, after, joins, prefetches, computations, policy);
    }

    /** The same query without limit and offset (the keyset position stays). */
    public QuerySpec<T> withoutWindow() {
        return withLimit(-1).withOffset(0);
    }

    /**
     * This query from just after the row whose effective ordering values (the key last) are
     * {@code position}, skipping {@code offset} more rows: how a remembered position turns a deep
     * OFFSET into a seek.
     */
    public QuerySpec<T> seek(List<Object> position, long offset) {
        return withAfter(position).withOffset(offset);
    }

    QuerySpec<T> withAfter(List<Object> a) {
        return new QuerySpec<>(model, where, orders, limit, offset, a, joins, prefetches, computations, policy);
    }

    QuerySpec<T> withJoins(List<List<String>> j) {
        return new QuerySpec<>(model, where, orders, limit, offset, after, j, prefetches, computations, policy);
    }

    QuerySpec<T> withPrefetches(List<PrefetchSpec> p) {
        return new QuerySpec<>(model, where, orders, limit, offset, after, joins, p, computations, policy);
    }

    QuerySpec<T> withComputations(List<Computation> c) {
        return new QuerySpec<>(model, where, orders, limit, offset, after, joins, prefetches, c, policy);
    }

    QuerySpec<T> withPolicy(FetchPolicy p) {
        return new QuerySpec<>(model, where, orders, limit, offset, after, joins, prefetches, computations, p);
    }

    /**
     * The tables this query's rows depend on: the root's and every table its joins, conditions,
     * orderings and annotations reach (prefetches excluded: they do not change which rows match).
     */
    public java.util.Set<String> tables() {
        return Tables.of(this);
    }

    /** The ordering rows come in and keyset positions refer to: the orderBy terms, then the key unless present. */
    public Ordering ordering() {
        return Ordering.of(this);
    }

    /** Whether the statements of this query (and its prefetches) have a per-parent or overall window. */
    public boolean hasWindow() {
        return limit >= 0 || offset > 0;
    }

    /**
     * The statements a list() of this query issues: one for the rows, plus one per prefetch level,
     * less the levels that cost nothing (a to-one the query joins, or the back reference of a
     * one-to-many level, which is filled with the parent). A level whose parents are all empty
     * issues nothing, so this is exact when every level has rows and an upper bound otherwise.
     */
    public int plannedStatements() {
        return 1 + levels(this, null, List.of());
    }

    private static int levels(QuerySpec<?> q, Relation from, List<List<String>> joinedAbove) {
        List<List<String>> joins = new ArrayList<>(joinedAbove);
        for (List<String> j : q.joins()) {
            joins.add(canonical(q.model(), j));
        }
        int n = 0;
        for (PrefetchSpec p : q.prefetches()) {
            String name = p.relation().name();
            boolean joined = joins.stream().anyMatch(j -> j.get(0).equals(name));
            boolean backReference = from instanceof Relation.OneToMany o && o.backRef() == p.relation().property();
            List<List<String>> below = new ArrayList<>();
            for (List<String> j : joins) {
                if (j.size() > 1 && j.get(0).equals(name)) {
                    below.add(j.subList(1, j.size()));
                }
            }
            n += (p.name() == null && (joined || backReference) ? 0 : 1) + levels(p.query(), p.relation(), below);
        }
        return n;
    }

    /** A join path with component names (paths may use column names as aliases). */
    private static List<String> canonical(EntityModel<?> model, List<String> path) {
        List<String> out = new ArrayList<>(path.size());
        for (Relation r : Paths.relation(model, path).relations()) {
            out.add(r.name());
        }
        return out;
    }
}
