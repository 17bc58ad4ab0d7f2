package dev.ferry.bench.incident;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the load generator saw of one endpoint in one run: every request's latency (client side,
 * send to last body byte), its status, and the service's own counts from the response headers.
 * Thread-safe; a sorted array of longs is all the percentiles need at these volumes.
 */
final class EndpointStats {

    private final Endpoint endpoint;
    private long[] latencies = new long[256];
    private int n;
    private long ok;
    private final Map<String, Long> errors = new TreeMap<>(); // "503", "timeout", "io: ConnectException"
    private long timeouts;
    private long queries;        // sum of X-Query-Count over 200 responses
    private long withQueries;
    private double dbMillis;     // sum of Server-Timing db;dur over 200 responses
    private double serverMillis; // sum of Server-Timing total;dur over 200 responses
    private long withTiming;

    EndpointStats(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * A response arrived.
     *
     * @param queryCount   X-Query-Count, or -1 when absent
     * @param dbMs         Server-Timing {@code db;dur}, or NaN when absent
     * @param serverMs     Server-Timing {@code total;dur}, or NaN when absent
     */
    synchronized void response(long nanos, int status, long queryCount, double dbMs, double serverMs) {
        add(nanos);
        if (status != 200) {
            errors.merge(Integer.toString(status), 1L, Long::sum);
            return;
        }
        ok++;
        if (queryCount >= 0) {
            queries += queryCount;
            withQueries++;
        }
        if (!Double.isNaN(dbMs) && !Double.isNaN(serverMs)) {
            dbMillis += dbMs;
            serverMillis += serverMs;
            withTiming++;
        }
    }

    /** The client gave up after {@code timeoutNanos}: counted at that latency, a lower bound of the real one. */
    synchronized void timeout(long timeoutNanos) {
        add(timeoutNanos);
        timeouts++;
        errors.merge("timeout", 1L, Long::sum);
    }

    /** No response at all (connection refused or reset): an error, without a latency. */
    synchronized void failure(String kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    private void add(long nanos) {
        if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
        }
        latencies[n++] = nanos;
    }

    /** The numbers for the report; {@code seconds} is the scenario's wall time, for the rate. */
    synchronized Summary summary(double seconds) {
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        long failures = errors.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(endpoint.route, ok + failures, ok, seconds > 0 ? ok / seconds : 0,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 95)), millis(percentile(sorted, 99)),
                millis(n == 0 ? -1 : sorted[n - 1]), Map.copyOf(errors), timeouts,
                withQueries == 0 ? Double.NaN : (double) queries / withQueries,
                withTiming == 0 ? Double.NaN : dbMillis / withTiming,
                withTiming == 0 ? Double.NaN : serverMillis / withTiming);
    }

    /** Nearest-rank percentile ({@code p} in 0..100] of a sorted array; -1 when it is empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double millis(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }

    /**
     * One row of the report. Latencies in milliseconds over every request that ended (a timeout
     * counts at the client timeout); the means of the service's headers over the 200 responses.
     *
     * @param requests   requests that ended: responses of any status, timeouts and connection errors
     * @param okPerSecond 200 responses per second of the scenario
     * @param errors     count per kind: HTTP status, "timeout", or "io: ExceptionName"
     * @param timeouts   how many latencies are the client timeout, not a measured time
     */
    record Summary(String endpoint, long requests, long ok, double okPerSecond, double p50, double p95, double p99,
                   double max, Map<String, Long> errors, long timeouts, double meanQueries, double meanDbMs,
                   double meanServerMs) {

        long errorCount() {
            return requests - ok;
        }
    }
}
