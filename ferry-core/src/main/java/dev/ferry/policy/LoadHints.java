package dev.ferry.policy;

/**
 * While Ferry loads a relation that a query did not (fetch policy PEERS or ONE), the relation and the
 * call that would have loaded it with the query, for tools that watch statements
 * ({@code Observer.builder().hints(LoadHints::current)} in ferry-observe).
 */
public final class LoadHints {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

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

    public static void restore(String previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
