package dev.ferry.bench.incident;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser side: GETs on the service (loopback only), each timed from send to the last body
 * byte and recorded with the service's {@code X-Query-Count} and {@code Server-Timing} headers.
 */
final class Client implements AutoCloseable {

    private static final Pattern DB = Pattern.compile("(?:^|,)\\s*db;dur=([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(?:^|,)\\s*total;dur=([0-9.]+)");

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    Client(String base, Duration timeout) {
        URI uri = URI.create(base);
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("the load generator only targets loopback, not " + base);
        }
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** GETs {@code pathAndQuery} and records the outcome in {@code stats}; false when interrupted. */
    boolean get(String pathAndQuery, EndpointStats stats) {
        return exchange(pathAndQuery, stats, HttpResponse.BodyHandlers.discarding()) != null;
    }

    /**
     * What one timed request gave: its latency and status ({@link #TIMEOUT} and {@link #FAILED} when no
     * response came), and its body when it was kept.
     */
    record Outcome(long nanos, int status, byte[] body) {
    }

    static final int TIMEOUT = -1;
    static final int FAILED = -2;

    /**
     * As {@link #get}, but keeps the body (for a later check of what the service answered) and returns the
     * outcome; null when interrupted. Reading the body into an array costs microseconds, inside the timing.
     */
    Outcome getKeepingBody(String pathAndQuery, EndpointStats stats) {
        return exchange(pathAndQuery, stats, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> Outcome exchange(String pathAndQuery, EndpointStats stats, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout).GET().build();
        long started = System.nanoTime();
        try {
            HttpResponse<T> response = http.send(request, handler);
            long nanos = System.nanoTime() - started;
            String timing = response.headers().firstValue("Server-Timing").orElse("");
            stats.response(nanos, response.statusCode(),
                    response.headers().firstValueAsLong("X-Query-Count").orElse(-1),
                    number(DB, timing), number(TOTAL, timing));
            return new Outcome(nanos, response.statusCode(), response.body() instanceof byte[] b ? b : null);
        } catch (HttpTimeoutException e) {
            stats.timeout(timeout.toNanos());
            return new Outcome(timeout.toNanos(), TIMEOUT, null);
        } catch (IOException e) {
            stats.failure("io: " + e.getClass().getSimpleName());
            return new Outcome(System.nanoTime() - started, FAILED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** GETs {@code pathAndQuery} outside any measurement, for the set-up: the body, or an exception on non-200. */
    String fetch(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static double number(Pattern p, String header) {
        Matcher m = p.matcher(header);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Override
    public void close() {
        http.close();
    }
}
