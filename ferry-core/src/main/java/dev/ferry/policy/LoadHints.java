package dev.ferry.policy;

/**
 * What Ferry tells tools that watch statements ({@code Observer.builder().hints(LoadHints::current)
 * .planned(LoadHints::planned)} in ferry-observe): while it loads a relation that a query did not (fetch
 * policy PEERS or ONE), the relation and the call that would have loaded it with the query; and whether a
 * statement is one of a query's planned prefetches.
 */
public final class LoadHints {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> PREFETCHING = new ThreadLocal<>();

    private LoadHints() {
    }

    /**
     * The hint of the load running on this thread, e.g. {@code Occurrence.detections: add
     * .prefetch("detections") to the query on Occurrence}; null outside such a load.
     */
    public static String current() {
        return CURRENT.get();
    }

    /** Sets the hint for the duration of a load; returns the previous one, for {@link #restore}. */
    public static String set(String hint) {
        String previous = CURRENT.get();
        CURRENT.set(hint);
        return previous;
    }

    /**
     * Whether the statement about to run on this thread is one of a query's planned prefetches: the fix, never an
     * N+1 ({@code Observer.builder().planned(LoadHints::planned)}). A lazy load's batch runs through the same
     * engine but carries a hint, so it is not planned.
     */
    public static boolean planned() {
        return PREFETCHING.get() != null && CURRENT.get() == null;
    }

    /** Marks this thread as running a prefetch statement; returns whether it already was, for {@link #endPrefetch}. */
    public static boolean beginPrefetch() {
        boolean already = PREFETCHING.get() != null;
        PREFETCHING.set(Boolean.TRUE);
        return already;
    }

    public static void endPrefetch(boolean already) {
        if (!already) {
            PREFETCHING.remove();
        }
    }

    public static void restore(String previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
