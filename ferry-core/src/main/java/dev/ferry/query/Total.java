package dev.ferry.query;

import dev.ferry.error.InvalidQueryException;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Query#page(Total)} learns how many rows match without the window, and so how much a deep
 * page costs. An exact count is O(matching rows) in the database, and so is an OFFSET: on a million rows
 * both dominate a page whose own rows cost a millisecond. Pick per query:
 *
 * <ul>
 *   <li>{@link #exact()}: counted with every page, in the page's statement (the default);</li>
 *   <li>{@link #reused(Duration)}: counted once per query shape and values and reused for at most the
 *       given age; a deep page (offset of {@value #DEFAULT_SPACING} or more) seeks from a remembered
 *       position instead of skipping every row before it. Exact as of the time it was counted;</li>
 *   <li>{@link #atMost(long)}: counts up to a cap ("10,000+"), never more work than the cap;</li>
 *   <li>{@link #estimated()}: the planner's estimate, flagged as one (PostgreSQL; elsewhere exact);</li>
 *   <li>{@link #none()}: no total.</li>
 * </ul>
 *
 * The {@link Page} says which it got ({@link Page.Accuracy}), so an estimate is never shown as a count.
 */
public final class Total {

    /** Rows between two remembered positions of a reused result: a seek skips fewer than this many rows. */
    public static final int DEFAULT_SPACING = 1000;

    /**
     * A reused result known to have at most this many rows is read whole and sorted for a page, planned so (no
     * positions, no walk): sorting 10,000 rows takes a few milliseconds, and it spares the planner's guess of how
     * far into an ordering's index the first matching rows lie (a rare rank read a 700,000-row index to find none).
     */
    public static final long DEFAULT_SORT_WHOLE = 10_000;

    /** The strategy. */
    public enum Kind { EXACT, REUSED, CAPPED, ESTIMATED, NONE }

    private static final Total EXACT = new Total(Kind.EXACT, null, -1, DEFAULT_SPACING, DEFAULT_SORT_WHOLE);
    private static final Total ESTIMATED = new Total(Kind.ESTIMATED, null, -1, DEFAULT_SPACING, DEFAULT_SORT_WHOLE);
    private static final Total NONE = new Total(Kind.NONE, null, -1, DEFAULT_SPACING, DEFAULT_SORT_WHOLE);

    private final Kind kind;
    private final Duration maxAge;
    private final long cap;
    private final int spacing;
    private final long sortWhole;

    private Total(Kind kind, Duration maxAge, long cap, int spacing, long sortWhole) {
        this.kind = kind;
        this.maxAge = maxAge;
        this.cap = cap;
        this.spacing = spacing;
        this.sortWhole = sortWhole;
    }

    /** Counted with every page, in the same statement (an uncorrelated {@code (SELECT COUNT(*) ...)}). */
    public static Total exact() {
        return EXACT;
    }

    /**
     * Counted once per query shape and values (the SQL text and its parameters) and reused while at most
     * {@code maxAge} old, by every page of any ordering with the same conditions. With it, the positions of
     * every {@value #DEFAULT_SPACING}th row of each ordering are remembered as deep pages find them: a page at
     * an offset of {@value #DEFAULT_SPACING} or more walks from the furthest position known to its own (what
     * an OFFSET would read, and no more), and every later page up to there seeks from the nearest position
     * (keyset) and skips fewer than {@value #DEFAULT_SPACING} rows. A result known to be small is read whole
     * ({@link #sortWholeUpTo}). Concurrent requests for the same result wait for one computation instead of
     * each doing it, and a value past half its age is refreshed in the background while it is served. A
     * write by anyone becomes visible within {@code maxAge}; {@code Ferry.invalidate(...)} forgets at once
     * what a write of this process changed. Memory is bounded ({@code Ferry.Builder.resultCache}).
     */
    public static Total reused(Duration maxAge) {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new InvalidQueryException("Total.reused(" + maxAge + "): the age must be positive; use Total.exact() to count every time");
        }
        return new Total(Kind.REUSED, maxAge, -1, DEFAULT_SPACING, DEFAULT_SORT_WHOLE);
    }

    /** {@link #reused(Duration)} remembering every {@code rows}th position (more memory, shorter skips). */
    public Total positionsEvery(int rows) {
        if (kind != Kind.REUSED) {
            throw new InvalidQueryException("positionsEvery(...) applies to Total.reused(...) only");
        }
        if (rows < 2) {
            throw new InvalidQueryException("positionsEvery(" + rows + "): the spacing must be at least 2");
        }
        return new Total(kind, maxAge, cap, rows, sortWhole);
    }

    /**
     * {@link #reused(Duration)} reading a result of at most {@code rows} rows whole and sorting it for a page
     * ({@value #DEFAULT_SORT_WHOLE} by default; 0: never).
     */
    public Total sortWholeUpTo(long rows) {
        if (kind != Kind.REUSED) {
            throw new InvalidQueryException("sortWholeUpTo(...) applies to Total.reused(...) only");
        }
        if (rows < 0) {
            throw new InvalidQueryException("sortWholeUpTo(" + rows + "): the number of rows must not be negative");
        }
        return new Total(kind, maxAge, cap, spacing, rows);
    }

    /**
     * Counts at most {@code cap} rows: the page's total is exact up to {@code cap}, and {@code cap} with
     * {@link Page.Accuracy#AT_LEAST} beyond ("10,000+"). Costs at most {@code cap} rows of counting.
     */
    public static Total atMost(long cap) {
        if (cap < 1) {
            throw new InvalidQueryException("Total.atMost(" + cap + "): the cap must be at least 1");
        }
        return new Total(Kind.CAPPED, null, cap, DEFAULT_SPACING, DEFAULT_SORT_WHOLE);
    }

    /**
     * The database planner's estimate ({@link Page.Accuracy#ESTIMATE}): no counting, but it can be far off
     * (it is a guess from statistics). Where the dialect has no estimates the count is exact and said so.
     */
    public static Total estimated() {
        return ESTIMATED;
    }

    /** No total ({@link Page.Accuracy#UNKNOWN}, total -1): the page's rows only. */
    public static Total none() {
        return NONE;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link #reused}: the oldest a reused total or position may be. */
    public Duration maxAge() {
        return maxAge;
    }

    /** For {@link #atMost}: the cap. */
    public long cap() {
        return cap;
    }

    /** For {@link #reused}: rows between remembered positions. */
    public int spacing() {
        return spacing;
    }

    /** For {@link #reused}: the largest result read whole and sorted for a page. */
    public long sortWhole() {
        return sortWhole;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EXACT -> "Total.exact()";
            case REUSED -> "Total.reused(" + maxAge + ")" + (spacing == DEFAULT_SPACING ? "" : ".positionsEvery(" + spacing + ")")
                    + (sortWhole == DEFAULT_SORT_WHOLE ? "" : ".sortWholeUpTo(" + sortWhole + ")");
            case CAPPED -> "Total.atMost(" + cap + ")";
            case ESTIMATED -> "Total.estimated()";
            case NONE -> "Total.none()";
        };
    }
}
