package dev.ferry.query;

import dev.ferry.model.EntityModel;
import dev.ferry.policy.FetchPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a query, free of SQL: what {@link Query} builds and the planner reads.
 *
 * @param limit  -1 for none; in a prefetch, per parent
 * @param offset 0 for none; in a prefetch, per parent
 * @param after  keyset values, one per order term; null for none
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

    QuerySpec<T> withLimit(long l) {
        return new QuerySpec<>(model, where, orders, l, offset, after, joins, prefetches, computations, policy);
    }

    QuerySpec<T> withOffset(long o) {
        return new QuerySpec<>(model, where, orders, limit, o, after, joins, prefetches, computations, policy);
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

    /** Whether the statements of this query (and its prefetches) have a per-parent or overall window. */
    public boolean hasWindow() {
        return limit >= 0 || offset > 0;
    }

    /** The number of statements a list() of this query issues: one, plus one per prefetch level. */
    public int plannedStatements() {
        int n = 1;
        for (PrefetchSpec p : prefetches) {
            n += p.query().plannedStatements();
        }
        return n;
    }
}
