package dev.ferry.query;

import java.util.List;

/**
 * One page of a query and the number of rows of the whole query, from {@link Query#page()}.
 *
 * @param rows     the page's rows, with their joins and prefetches loaded
 * @param total    how many rows match without the window; see {@code accuracy} (-1 when UNKNOWN)
 * @param accuracy what {@code total} is: a count, a lower bound, an estimate, or nothing
 */
public record Page<T>(List<T> rows, long total, Accuracy accuracy) {

    /** What a page's total is; only {@link #EXACT} is a count of the matching rows. */
    public enum Accuracy {
        /** The number of matching rows (for {@link Total#reused}, as of when it was counted). */
        EXACT,
        /** At least this many rows match ({@link Total#atMost}: the cap was reached). */
        AT_LEAST,
        /** The planner's estimate ({@link Total#estimated}). */
        ESTIMATE,
        /** Not known ({@link Total#none}); the total is -1. */
        UNKNOWN
    }

    public Page {
        rows = List.copyOf(rows);
    }

    /** A page with an exact total. */
    public Page(List<T> rows, long total) {
        this(rows, total, Accuracy.EXACT);
    }

    public boolean isExact() {
        return accuracy == Accuracy.EXACT;
    }
}
