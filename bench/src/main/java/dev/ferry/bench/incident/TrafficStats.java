package dev.ferry.bench.incident;

import dev.ferry.bench.incident.UiTraffic.FilterKind;
import dev.ferry.bench.incident.UiTraffic.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the ui-traffic clients saw: every request with its latency, status and whether it was the first of
 * its (project, filter), broken down afterwards by page kind, filter kind, ordering and first/repeat; and a
 * uniform sample of the 200 answers (reservoir sampling) for the exactness check. Thread-safe.
 */
final class TrafficStats {

    /** One request. {@code status} is the HTTP status, or {@link Client#TIMEOUT} / {@link Client#FAILED}. */
    record Sample(Request request, boolean first, long nanos, int status) {
        boolean hasLatency() {
            return status != Client.FAILED; // a timeout counts at the client timeout, as in EndpointStats
        }
    }

    /** A request and the service's answer to it, kept for the exactness check. */
    record Answer(Request request, byte[] body) {
    }

    /** One row of the breakdown: latencies in ms over the group's requests that have one. */
    record Row(String group, String value, long requests, long non200, double p50, double p90, double p95, double p99,
               double max) {
    }

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Sample> samples = new ArrayList<>();
    private final int keep;
    private final SplittableRandom reservoirRandom;
    private final List<Answer> reservoir = new ArrayList<>();
    private long answers;

    /** @param keep how many 200 answers to keep for the exactness check */
    TrafficStats(int keep, long seed) {
        this.keep = keep;
        this.reservoirRandom = new SplittableRandom(seed);
    }

    /**
     * Called as a request is sent: true for the first request of its (project, filter) in this run, the one
     * that finds the service's count cache cold. Concurrent duplicates sent before its answer count as repeats.
     */
    boolean firstOf(Request request) {
        return seen.add(request.projectAndFilter());
    }

    synchronized void add(Request request, boolean first, Client.Outcome outcome) {
        samples.add(new Sample(request, first, outcome.nanos(), outcome.status()));
        if (outcome.status() == 200 && outcome.body() != null && keep > 0) {
            // Algorithm R: every 200 answer has the same chance to be among the kept
            answers++;
            if (reservoir.size() < keep) {
                reservoir.add(new Answer(request, outcome.body()));
            } else {
                long j = reservoirRandom.nextLong(answers);
                if (j < keep) {
                    reservoir.set((int) j, new Answer(request, outcome.body()));
                }
            }
        }
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized List<Answer> kept() {
        return List.copyOf(reservoir);
    }

    /**
     * The breakdown: all requests, then by page kind, filter kind, ordering family, first/repeat, first/repeat per
     * filter kind, ordering.
     */
    synchronized List<Row> breakdown() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("all", "all", samples));
        group(rows, "page", Comparator.comparing(s -> s.request().page()), s -> s.request().page().label);
        group(rows, "filter", Comparator.comparing(s -> s.request().filter().kind()), s -> s.request().filter().kind().label);
        group(rows, "ordering family", Comparator.comparing(s -> s.request().family()), s -> s.request().family().label);
        group(rows, "request", Comparator.comparing(s -> !s.first()),
                s -> s.first() ? "first of its (project, filter)" : "repeat");
        // first against repeat within each filter kind: the kinds differ in cost and in how often they repeat
        group(rows, "filter, request", Comparator.<Sample, FilterKind>comparing(s -> s.request().filter().kind())
                .thenComparing(s -> !s.first()), s -> s.request().filter().kind().label + ", " + (s.first() ? "first" : "repeat"));
        group(rows, "ordering", Comparator.comparing(s -> s.request().ordering()), s -> s.request().ordering());
        return rows;
    }

    /** A row per value of {@code key}, in the order {@code order} sorts the values. */
    private void group(List<Row> rows, String name, Comparator<Sample> order, Function<Sample, String> key) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(order);
        Map<String, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : sorted) {
            groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        }
        groups.forEach((value, list) -> rows.add(row(name, value, list)));
    }

    static Row row(String group, String value, List<Sample> samples) {
        long[] sorted = samples.stream().filter(Sample::hasLatency).mapToLong(Sample::nanos).sorted().toArray();
        long non200 = samples.stream().filter(s -> s.status() != 200).count();
        return new Row(group, value, samples.size(), non200, ms(sorted, 50), ms(sorted, 90), ms(sorted, 95),
                ms(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double p) {
        long v = EndpointStats.percentile(sorted, p);
        return v < 0 ? Double.NaN : v / 1e6;
    }
}
