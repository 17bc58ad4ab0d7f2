package dev.ferry.antenna.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.antenna.api.ApiException;
import dev.ferry.antenna.testing.JsonAssert;
import dev.ferry.error.FerrySqlException;
import dev.ferry.observe.Observer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP layer under abuse (no database): HEAD, 405's Allow, Vary, the server's own errors as JSON, forged and
 * forwarded Host headers, documents larger than the memory buffer, slow request heads, and a stop with requests in
 * flight.
 */
class HttpHardeningTest {

    private static final Observer OBSERVER = Observer.builder().logReports(false).build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int BIG_ITEMS = 200_000; // about 3.5 MB of JSON
    private static AntennaServer server;

    @BeforeAll
    static void start() {
        server = AntennaServer.start(HttpSettings.of("localhost", 0).withBufferBytes(16 * 1024)
                .withHeaderTimeout(Duration.ofMillis(800)), OBSERVER, routes());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Route> routes() {
        return List.of(
                Route.list("/ok/", r -> json -> {
                    json.writeStartObject();
                    json.writeStringField("root", r.root());
                    json.writeStringField("padding", "x".repeat(3000)); // long enough to be compressed
                    json.writeEndObject();
                }),
                Route.list("/client-error/", r -> {
                    throw ApiException.badParameter("colour", "Not a colour.");
                }),
                Route.list("/not-found/", r -> {
                    throw ApiException.notFound();
                }),
                Route.list("/refused/", r -> {
                    throw new FerrySqlException("query", "SELECT 1", new SQLException("refused", "08001"));
                }),
                Route.list("/big/", r -> json -> {
                    json.writeStartArray();
                    for (int i = 0; i < BIG_ITEMS; i++) {
                        json.writeNumber(i);
                    }
                    json.writeEndArray();
                }),
                Route.list("/big-then-fails/", r -> json -> {
                    json.writeStartArray();
                    for (int i = 0; i < BIG_ITEMS; i++) {
                        json.writeNumber(i);
                    }
                    throw new IllegalStateException("failed after the buffer was sent");
                }));
    }

    private static String root(AntennaServer s) {
        return "http://localhost:" + s.port();
    }

    private static HttpResponse<byte[]> send(String method, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(root(server) + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---------------------------------------------------------------- HEAD, 405, Vary

    @ParameterizedTest
    @ValueSource(strings = {"/ok/", "/client-error/", "/not-found/", "/refused/", "/no/such/route/", "/big/"})
    void headAnswersTheStatusAndHeadersOfGetWithoutABody(String path) throws Exception {
        HttpResponse<byte[]> get = send("GET", path);
        HttpResponse<byte[]> head = send("HEAD", path);
        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"))
                .contains("application/json");
        assertThat(head.headers().firstValue("Retry-After")).isEqualTo(get.headers().firstValue("Retry-After"));
        assertThat(head.body()).isEmpty();
        assertThat(get.body()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethodsAre405WithAllow(String method) throws Exception {
        HttpResponse<byte[]> r = send(method, "/ok/");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"detail\":\"Method \\\"" + method
                + "\\\" not allowed.\"}");
    }

    @Test
    void compressedAnswersSayTheyVaryByEncoding() throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(root(server) + "/ok/"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(r.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        String body = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(JsonAssert.parse(body).get("root").asText()).isEqualTo(root(server));
        assertThat(send("GET", "/ok/").headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
    }

    // ---------------------------------------------------------------- the server's own errors

    @Test
    void errorsTheServerAnswersItselfAreJson() throws Exception {
        assertJsonError(raw(server, "GET /ok/?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414);
        assertJsonError(raw(server, "GET /ok/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"), 431);
        assertJsonError(raw(server, "GET /ok/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        assertJsonError(raw(server, "GET /ok/ HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\n\r\n"), 400);
        assertJsonError(raw(server, "GET /ok/ HTTP/7.0\r\nHost: localhost\r\n\r\n"), 505);
    }

    private static void assertJsonError(RawReply r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("content-type")).as(r.toString()).startsWith("application/json");
        assertThat(JsonAssert.parse(r.body()).get("detail").asText()).as(r.toString()).isNotBlank();
    }

    // ---------------------------------------------------------------- Host and X-Forwarded-*

    @Test
    void aForgedHostIsRefusedAndAnAllowedOneMakesTheLinks() throws Exception {
        int port = server.port();
        RawReply evil = raw(server, "GET /ok/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(evil.status()).isEqualTo(400);
        assertThat(evil.body()).isEqualTo("{\"detail\":\"Invalid Host header: 'evil.example'.\"}");
        assertThat(raw(server, "GET /ok/ HTTP/1.1\r\nHost: localhost.evil.example:" + port + "\r\n\r\n").status())
                .isEqualTo(400);
        assertThat(raw(server, "GET /ok/ HTTP/1.1\r\nHost: local host\r\n\r\n").status()).isEqualTo(400);
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST:" + port)) {
            RawReply ok = raw(server, "GET /ok/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertThat(ok.status()).as(host).isEqualTo(200);
            assertThat(JsonAssert.parse(ok.body()).get("root").asText()).isEqualTo("http://" + host.toLowerCase(Locale.ROOT));
        }
        // forwarded headers from an untrusted peer change nothing
        RawReply forwarded = raw(server, "GET /ok/ HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\n\r\n");
        assertThat(JsonAssert.parse(forwarded.body()).get("root").asText()).isEqualTo("http://localhost:" + port);
    }

    @Test
    void aTrustedProxysForwardedHeadersMakeTheLinks() throws Exception {
        AntennaServer proxied = AntennaServer.start(HttpSettings.of("localhost", 0)
                .withTrustedProxies(List.of("127.0.0.1", "::1"))
                .withAllowedHosts(List.of("api.example.org", "localhost")), OBSERVER, routes());
        try {
            RawReply r = raw(proxied, "GET /ok/ HTTP/1.1\r\nHost: localhost:" + proxied.port()
                    + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: api.example.org, 10.0.0.1\r\n\r\n");
            assertThat(JsonAssert.parse(r.body()).get("root").asText()).isEqualTo("https://api.example.org");
            RawReply forged = raw(proxied, "GET /ok/ HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: evil.example\r\n\r\n");
            assertThat(forged.status()).as("a forwarded host is checked like a Host").isEqualTo(400);
        } finally {
            proxied.close();
        }
    }

    @Test
    void aPublicUrlMakesEveryLinkWhateverTheHost() throws Exception {
        AntennaServer fixed = AntennaServer.start(HttpSettings.of("localhost", 0)
                .withPublicUrl(URI.create("https://moths.example.org/")), OBSERVER, routes());
        try {
            for (String host : List.of("evil.example", "localhost:" + fixed.port())) {
                RawReply r = raw(fixed, "GET /ok/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
                assertThat(r.status()).isEqualTo(200);
                assertThat(JsonAssert.parse(r.body()).get("root").asText()).isEqualTo("https://moths.example.org");
            }
        } finally {
            fixed.close();
        }
    }

    // ---------------------------------------------------------------- documents larger than the buffer

    @Test
    void aDocumentLargerThanTheBufferStreamsWhole() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/big/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Query-Count")).contains("0");
        JsonNode items = JsonAssert.parse(new String(r.body(), StandardCharsets.UTF_8));
        assertThat(items.size()).isEqualTo(BIG_ITEMS);
        assertThat(items.get(BIG_ITEMS - 1).asInt()).isEqualTo(BIG_ITEMS - 1);
    }

    @Test
    void aFailureAfterTheBufferFilledIsACleanErrorAndLeavesNoFile() throws Exception {
        long before = spillFiles();
        HttpResponse<byte[]> r = send("GET", "/big-then-fails/");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"detail\":\"Internal server error.\"}");
        assertThat(send("GET", "/big/").statusCode()).isEqualTo(200);
        assertThat(spillFiles()).as("temporary files deleted").isEqualTo(before);
    }

    private static long spillFiles() throws IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("antenna-")).count();
        }
    }

    // ---------------------------------------------------------------- slow heads

    @Test
    void aClientSendingItsHeadersSlowlyIsDisconnected() throws Exception {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            long started = System.nanoTime();
            out.write("GET /ok/ HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            for (int i = 0; i < 50 && !closed; i++) {
                Thread.sleep(200);
                try {
                    out.write(("X-Slow-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (SocketException e) {
                    closed = true;
                }
                if (!closed && s.getInputStream().available() == 0) {
                    closed = isClosed(s);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(closed).as("disconnected").isTrue();
            assertThat(seconds).as("after the 0.8 s deadline, within a sweep or two").isBetween(0.7, 4.0);
        }
        assertThat(TestServiceless.status("/ok/")).as("others are served meanwhile and after").isEqualTo(200);
    }

    /** Whether the peer closed: a read that ends (or fails) at once. */
    private static boolean isClosed(Socket s) throws IOException {
        int timeout = s.getSoTimeout();
        s.setSoTimeout(50);
        try {
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        } finally {
            s.setSoTimeout(timeout);
        }
    }

    // ---------------------------------------------------------------- stopping

    @Test
    void stoppingFinishesTheRequestsInFlightAndRefusesNewConnections() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AntennaServer s = AntennaServer.start(HttpSettings.of("localhost", 0).withShutdownTimeout(Duration.ofSeconds(10)),
                OBSERVER, List.of(Route.list("/slow/", r -> {
                    inFlight.incrementAndGet();
                    await(release);
                    return json -> json.writeString("done");
                })));
        String root = root(s);
        int port = s.port();
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(root + "/slow/")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inFlight.get() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(inFlight.get()).isEqualTo(5);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(s::close);
        Thread.sleep(300);
        assertThat(stopped).as("waits for the requests in flight").isNotDone();
        assertThatThrownBy(() -> new Socket("localhost", port).close()).as("no new connection")
                .isInstanceOf(ConnectException.class);
        release.countDown();
        for (CompletableFuture<HttpResponse<String>> r : requests) {
            HttpResponse<String> response = r.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("\"done\"");
        }
        stopped.get(10, TimeUnit.SECONDS);
    }

    @Test
    void stoppingGivesUpOnARequestAfterTheShutdownTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AntennaServer s = AntennaServer.start(HttpSettings.of("localhost", 0).withShutdownTimeout(Duration.ofMillis(500)),
                OBSERVER, List.of(Route.list("/stuck/", r -> {
                    inFlight.incrementAndGet();
                    await(never);
                    return json -> json.writeString("never");
                })));
        CompletableFuture<HttpResponse<String>> stuck = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(root(s) + "/stuck/")).build(), HttpResponse.BodyHandlers.ofString());
        while (inFlight.get() < 1) {
            Thread.sleep(10);
        }
        long started = System.nanoTime();
        s.close();
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(3.0);
        assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        never.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- raw HTTP

    /** A response read off a raw socket: what an HTTP client library would not let a test send. */
    record RawReply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} as is on a new connection and reads one response (Content-Length or until close). */
    static RawReply raw(AntennaServer s, String request) throws IOException {
        try (Socket socket = new Socket("localhost", s.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                    out.write(in.readNBytes(size));
                    line(in);
                }
                body = out.toByteArray();
            } else {
                body = in.readAllBytes();
            }
            return new RawReply(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** Plain GETs on the shared server. */
    private static final class TestServiceless {
        static int status(String path) throws Exception {
            return send("GET", path).statusCode();
        }
    }
}
