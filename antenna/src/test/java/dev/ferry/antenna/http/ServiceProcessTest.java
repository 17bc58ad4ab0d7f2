package dev.ferry.antenna.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.testing.JsonAssert;
import dev.ferry.antenna.testing.ServiceProcess;
import dev.ferry.antenna.testing.TestPostgres;
import dev.ferry.antenna.testing.TestService;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service in a JVM of its own, as it is run: stopped by SIGTERM while requests are in flight, and serving an
 * occurrence whose detail is a 100 MB document from a small heap while other clients keep being served.
 */
class ServiceProcessTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** As the tester made by hand: 20,000 detections, about 47,000 classifications. */
    private static final int DETECTIONS = 20_000;
    private static String url;
    private static HikariDataSource pool;

    @BeforeAll
    static void database() throws Exception {
        url = TestPostgres.freshDatabase("service_process");
        pool = TestPostgres.pool(url, 2);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(TestService.resource("/occurrences/fixture.sql"));
            s.execute(TestService.resource("/occurrences/bulk.sql"));
            s.execute(TestService.resource("/occurrences/large.sql").replace("DETECTIONS", Integer.toString(DETECTIONS)));
            s.execute("ANALYZE");
        }
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void sigtermAnswersEveryRequestInFlightThenExits() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(url, List.of("-Xmx256m"), "--shutdown-timeout", "10s");
             Connection locker = pool.getConnection(); Statement s = locker.createStatement()) {
            // Requests that cannot finish yet: the occurrences table is locked until the test lets go.
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE main_occurrence IN ACCESS EXCLUSIVE MODE");
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            // three filters, so three statements wait (one filter's requests would share one count)
            for (String filter : List.of("", "&event=40", "&deployment=40")) {
                inFlight.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(service.root()
                        + "/api/v2/occurrences/?project_id=4&limit=100" + filter)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            try {
                awaitWaitingOnTheLock(3);
            } catch (AssertionError e) {
                StringBuilder answers = new StringBuilder();
                for (var f : inFlight) {
                    answers.append('\n').append(f.isDone() ? f.get().statusCode() + " " + f.get().body() : "pending");
                }
                throw new AssertionError(e.getMessage() + "\nanswers:" + answers + "\noutput:\n" + service.output(), e);
            }
            service.terminate();
            Thread.sleep(500);
            assertThat(service.process().isAlive()).as("waiting for its requests").isTrue();
            assertThatThrownBy(() -> new Socket("localhost", service.port()).close()).as("no new connection")
                    .isInstanceOf(ConnectException.class);
            locker.rollback();
            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                HttpResponse<String> r = f.get(20, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(JsonAssert.parse(r.body()).get("results")).hasSize(100);
            }
            assertThat(service.process().waitFor(15, TimeUnit.SECONDS)).as("exits once they are answered").isTrue();
            assertThat(service.process().exitValue()).as(service.output()).isIn(0, 143);
        }
    }

    /** Waits until {@code n} of the service's statements wait for the lock. */
    private static void awaitWaitingOnTheLock(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getInt(1) >= n) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        StringBuilder seen = new StringBuilder();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, wait_event_type, wait_event, left(query, 80) FROM pg_stat_activity"
                     + " WHERE datname = current_database()")) {
            while (rs.next()) {
                seen.append('\n').append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
                        .append(rs.getString(3)).append(' ').append(rs.getString(4));
            }
        }
        throw new AssertionError(n + " requests never waited on the lock; sessions:" + seen);
    }

    @Test
    void aHundredMegabyteDetailFromASmallHeapLeavesOtherClientsServed() throws Exception {
        Path gcLog = Files.createTempFile("antenna-gc", ".log");
        try (ServiceProcess service = ServiceProcess.start(url, List.of("-Xmx128m", "-Xlog:gc:file=" + gcLog))) {
            AtomicBoolean busy = new AtomicBoolean(true);
            List<Long> smallMillis = new ArrayList<>();
            List<Integer> smallStatuses = new ArrayList<>();
            CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
                while (busy.get()) {
                    long started = System.nanoTime();
                    HttpResponse<String> r = get(service, "/api/v2/occurrences/?project_id=4&limit=20");
                    smallMillis.add((System.nanoTime() - started) / 1_000_000);
                    smallStatuses.add(r.statusCode());
                }
            });
            List<CompletableFuture<String[]>> details = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                details.add(CompletableFuture.supplyAsync(() -> digest(service, "/api/v2/occurrences/900000/")));
            }
            List<String[]> documents = new ArrayList<>();
            for (CompletableFuture<String[]> d : details) {
                documents.add(d.get(180, TimeUnit.SECONDS));
            }
            busy.set(false);
            others.get(30, TimeUnit.SECONDS);

            long bytes = Long.parseLong(documents.get(0)[1]);
            assertThat(bytes).as("a document far larger than the heap").isGreaterThan(60_000_000L);
            assertThat(documents).allSatisfy(d -> {
                assertThat(d[0]).as("status").isEqualTo("200");
                assertThat(d[2]).as("the same document").isEqualTo(documents.get(0)[2]);
            });
            assertThat(smallStatuses).as("other clients").isNotEmpty().containsOnly(200);
            long slowest = smallMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(slowest).as("no client stalled (slowest small page, ms)").isLessThan(5_000);
            assertThat(service.output()).doesNotContain("OutOfMemoryError");
            System.out.printf("detail: %,d bytes x 3 concurrent from -Xmx128m; %d small pages meanwhile, slowest %d ms;"
                    + " most heap after a GC: %d MB%n", bytes, smallMillis.size(), slowest, maxHeapAfterGc(gcLog));
        } finally {
            Files.deleteIfExists(gcLog);
        }
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(service.root() + path)).timeout(Duration.ofSeconds(60))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** Status, length and SHA-256 of a response body, read without keeping it. */
    private static String[] digest(ServiceProcess service, String path) {
        try {
            HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(URI.create(service.root() + path))
                    .timeout(Duration.ofSeconds(170)).build(), HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long n = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = r.body()) {
                for (int k = in.read(buffer); k >= 0; k = in.read(buffer)) {
                    sha.update(buffer, 0, k);
                    n += k;
                }
            }
            return new String[] {Integer.toString(r.statusCode()), Long.toString(n), HexFormat.of().formatHex(sha.digest())};
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** The largest heap occupancy after a collection in a {@code -Xlog:gc} file ({@code 45M->12M(128M)}), in MB. */
    private static long maxHeapAfterGc(Path log) throws Exception {
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(Files.readString(log));
        long max = 0;
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(2)));
        }
        return max;
    }
}
