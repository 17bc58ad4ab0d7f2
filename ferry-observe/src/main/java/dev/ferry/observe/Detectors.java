package dev.ferry.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The two N+1 rules of the issue, and a detector that reports nothing.
 *
 * <p>Both rules skip, before grouping:
 * <ul>
 *   <li>Ferry's planned prefetch statements ({@link StatementRecord#planned()}): they are the fix, not the problem;</li>
 *   <li>pagination, by a heuristic on the shape (see {@link #isPagination}): a loop over distinct pages repeats one
 *       shape with different parameters, exactly like an N+1, and the detector sees no values to tell them apart.</li>
 * </ul>
 * "Different parameters" means distinct (SQL text, parameter hash) pairs, so that repeating the very same lookup
 * is not an N+1 (a cache would fix it, not a prefetch), while statements with inlined literals (same shape,
 * different text, no parameters) still count as different.
 *
 * <p>Reports come ordered by total time, longest first, then by shape and call site, so output is deterministic.
 */
public final class Detectors {

    private static final Comparator<NPlusOneReport> ORDER = Comparator
            .comparingLong(NPlusOneReport::totalNanos).reversed()
            .thenComparing(NPlusOneReport::shape, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> String.valueOf(r.callSite()));

    private Detectors() {
    }

    /** Reports nothing (detection off). */
    public static Detector none() {
        return (scope, statements) -> List.of();
    }

    /** Sentry's production defaults: 5 different executions of one shape, 50 ms together. */
    public static Detector production() {
        return production(5, Duration.ofMillis(50));
    }

    /**
     * Per shape in the scope, from any call site: reported when it ran with at least {@code minRepeats} different
     * parameters and took at least {@code minTotal} together. The report's call site is the most frequent one.
     */
    public static Detector production(int minRepeats, Duration minTotal) {
        requireRepeats(minRepeats);
        long minNanos = Objects.requireNonNull(minTotal, "minTotal").toNanos();
        return (scope, statements) -> detect(scope, statements, StatementRecord::shape, minRepeats, minNanos,
                "production");
    }

    /** The test default: one shape from one call site with 2 different parameters. */
    public static Detector test() {
        return test(2);
    }

    /**
     * Per (shape, call site): reported when it ran with at least {@code minRepeats} different parameters. No time
     * threshold: tests run on small data, where an N+1 is fast but still an N+1. Records without a call site are
     * skipped, since the rule is about one place in the code.
     */
    public static Detector test(int minRepeats) {
        requireRepeats(minRepeats);
        return (scope, statements) -> detect(scope, statements, r -> r.callSite() == null ? null
                : new ShapeAt(r.shape(), r.callSite()), minRepeats, 0, "test");
    }

    /**
     * Heuristic: a shape ending in {@code LIMIT ?}, or holding {@code OFFSET ?} or {@code FETCH NEXT ? ROWS}/
     * {@code FETCH FIRST ? ROWS}, is a page, and a repeated page is a pagination loop (offset or keyset), not an
     * N+1. It costs a false negative: an N+1 whose per-row statement is itself limited (e.g. "the latest
     * classification of each detection", {@code ... ORDER BY ts DESC LIMIT ?}) is not reported.
     */
    static boolean isPagination(String shape) {
        if (shape == null) {
            return false;
        }
        String s = shape.toUpperCase(Locale.ROOT);
        return s.endsWith("LIMIT ?") || s.contains("OFFSET ?")
                || s.contains("FETCH NEXT ? ROWS") || s.contains("FETCH FIRST ? ROWS");
    }

    private record ShapeAt(String shape, StackTraceElement callSite) {
    }

    /** Per group, in first-seen order: the records, their distinct executions and their time. */
    private static final class Group {
        final String shape;
        final Set<Long> distinct = new HashSet<>();
        final Map<StackTraceElement, Integer> sites = new LinkedHashMap<>();
        int count;
        long nanos;
        String hint;

        Group(String shape) {
            this.shape = shape;
        }

        void add(StatementRecord r) {
            count++;
            nanos += r.nanos();
            distinct.add(((long) Objects.hashCode(r.sql()) << 32) | (r.parameterHash() & 0xffffffffL));
            if (r.callSite() != null) {
                sites.merge(r.callSite(), 1, Integer::sum);
            }
            if (hint == null) {
                hint = r.hint();
            }
        }

        /** The most frequent call site; on a tie the first seen, so the result does not depend on hashing. */
        StackTraceElement topSite() {
            StackTraceElement top = null;
            int best = 0;
            for (Map.Entry<StackTraceElement, Integer> e : sites.entrySet()) {
                if (e.getValue() > best) {
                    top = e.getKey();
                    best = e.getValue();
                }
            }
            return top;
        }
    }

    private static List<NPlusOneReport> detect(String scope, List<StatementRecord> statements,
                                               Function<StatementRecord, Object> key, int minRepeats,
                                               long minNanos, String rule) {
        if (statements.size() < minRepeats) {
            return List.of(); // the common request: too few statements to repeat anything
        }
        Map<Object, Group> groups = new LinkedHashMap<>();
        Map<String, Boolean> paging = new HashMap<>(); // one check per shape, not per record
        for (StatementRecord r : statements) {
            if (r.planned() || paging.computeIfAbsent(r.shape(), Detectors::isPagination)) {
                continue;
            }
            Object k = key.apply(r);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new Group(r.shape())).add(r);
            }
        }
        List<NPlusOneReport> reports = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.distinct.size() >= minRepeats && g.nanos >= minNanos) {
                reports.add(new NPlusOneReport(scope, g.shape, g.count, g.nanos, g.topSite(), rule, g.hint));
            }
        }
        reports.sort(ORDER);
        return reports;
    }

    private static void requireRepeats(int minRepeats) {
        if (minRepeats < 2) {
            throw new IllegalArgumentException("minRepeats must be at least 2 (one execution is never a repeat): "
                    + minRepeats);
        }
    }
}
