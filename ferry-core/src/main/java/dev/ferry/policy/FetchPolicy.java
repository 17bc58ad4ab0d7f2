package dev.ferry.policy;

import java.util.function.Supplier;

/**
 * What happens when code reads a relation that its query did not load.
 *
 * <p>The effective policy of a read is, first found: the query's own ({@code query.fetchPolicy(...)}),
 * the current thread's override ({@link #override(FetchPolicy)}, e.g. set per test), the database default.
 */
public enum FetchPolicy {
    /** Load the relation for every row of the same result in one query (Django FETCH_PEERS). The default. */
    PEERS,
    /** Throw, naming the relation and the prefetch/join call that loads it (Django FETCH_RAISE). */
    RAISE,
    /** Load it for this row only: one query per row, the classic N+1. For comparison and detection. */
    ONE;

    private static final ThreadLocal<FetchPolicy> OVERRIDE = new ThreadLocal<>();

    /**
     * Overrides the database default on this thread until the returned scope closes
     * ({@code try (var s = FetchPolicy.override(RAISE)) { ... }}). Scopes nest.
     */
    public static Scope override(FetchPolicy policy) {
        FetchPolicy previous = OVERRIDE.get();
        OVERRIDE.set(policy);
        return () -> {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        };
    }

    /** Runs {@code work} with {@code policy} as this thread's override. */
    public static <R> R with(FetchPolicy policy, Supplier<R> work) {
        Scope scope = override(policy);
        try {
            return work.get();
        } finally {
            scope.close();
        }
    }

    /** This thread's override, or null. */
    public static FetchPolicy current() {
        return OVERRIDE.get();
    }

    /** Resolves the effective policy: the query's, else the thread's override, else the default. */
    public static FetchPolicy effective(FetchPolicy ofQuery, FetchPolicy ofDatabase) {
        if (ofQuery != null) {
            return ofQuery;
        }
        FetchPolicy o = OVERRIDE.get();
        return o != null ? o : ofDatabase;
    }

    /** A policy override that ends when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
