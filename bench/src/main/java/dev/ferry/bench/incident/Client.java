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
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout).GET().build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long nanos = System.nanoTime() - started;
            String timing = response.headers().firstValue("Server-Timing").orElse("");
            stats.response(nanos, response.statusCode(),
                    response.headers().firstValueAsLong("X-Query-Count").orElse(-1),
                    number(DB, timing), number(TOTAL, timing));
        } catch (HttpTimeoutException e) {
            stats.timeout(timeout.toNanos());
        } catch (IOException e) {
            stats.failure("io: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
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
