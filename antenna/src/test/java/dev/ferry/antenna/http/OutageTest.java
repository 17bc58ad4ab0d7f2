package dev.ferry.antenna.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.Antenna;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.db.DatabaseSettings;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.antenna.testing.TestService.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database stops under the running service and comes back: while it is down every request is a
 * quick 503 with the JSON body and {@code Retry-After}, no connection stays lent, and once it is back
 * the service answers 200 again by itself. A PostgreSQL of its own (not the shared test server), kept
 * in target/ so it can be stopped and started again on the same data and port.
 */
class OutageTest {

    private static final Path DATA = Path.of("target", "outage-pg");
    private static final String CAPTURES = "/api/v2/captures/?project_id=1";
    private final HttpClient client = HttpClient.newHttpClient();
    private EmbeddedPostgres postgres;
    private Antenna antenna;

    @AfterEach
    void stop() throws IOException {
        if (antenna != null) {
            antenna.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(DATA.toFile()).setCleanDataDirectory(false).setPort(port).start();
    }

    private Reply get() {
        return TestService.get(client, "http://localhost:" + antenna.port(), CAPTURES);
    }

    private int active() {
        return antenna.database().pool().getHikariPoolMXBean().getActiveConnections();
    }

    @Test
    void aDatabaseOutageIsQuick503sThenHealsByItself() throws Exception {
        deleteRecursively(DATA);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        postgres = startPostgres(port);
        Database db = Database.open(DatabaseSettings.external(postgres.getJdbcUrl("postgres", "postgres"), null, null)
                .withConnectionTimeout(Duration.ofSeconds(1)));
        try (HikariDataSource writer = db.openWriter(); Connection c = writer.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO main_project (id, created_at, updated_at, name) VALUES (1, now(), now(), 'P')");
            s.execute("INSERT INTO main_sourceimage (id, created_at, updated_at, path, timestamp, project_id)"
                    + " VALUES (1, now(), now(), 'a.jpg', now(), 1)");
        }
        antenna = Antenna.start(db, "localhost", 0, null);
        assertThat(get().status()).isEqualTo(200);

        postgres.close();
        postgres = null;

        long started = System.nanoTime();
        Reply down = get();
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"detail\":\"The database is unavailable; try again shortly.\"}");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.header("Content-Type")).isEqualTo("application/json");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        // More requests at once than the pool has connections: every one fails fast, none hangs.
        List<CompletableFuture<Reply>> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(CompletableFuture.supplyAsync(this::get));
        }
        for (CompletableFuture<Reply> r : burst) {
            assertThat(r.get().status()).isEqualTo(503);
        }
        assertThat(active()).as("connections lent during the outage").isZero();

        postgres = startPostgres(port);
        Reply back = get();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (back.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            back = get();
        }
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("count").asLong()).isEqualTo(1);
        assertThat(active()).isZero();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
