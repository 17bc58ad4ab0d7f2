package dev.ferry.antenna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.Antenna;
import dev.ferry.antenna.Main;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.antenna.testing.TestService.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code antenna serve | seed}: parsing, usage errors, and {@code serve} on an embedded data folder. */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheCommandsAndTheirOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: antenna", "serve", "seed");
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--port=PORT", "--data-dir=DIR", "--database-url=JDBC_URL", "--pool-size=N",
                "--statement-timeout=DURATION", "--fetch-policy=POLICY", "PEERS, RAISE, ONE", "--media-url=URL",
                "--count-cache=DURATION");
        assertThat(run("seed", "--help")).isZero();
        assertThat(out.toString()).contains("--occurrences=N", "--reset");
    }

    @Test
    void usageErrorsNameTheProblemAndExit2() {
        assertThat(run("serve", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'", "Usage: antenna serve");
    }

    @Test
    void aMissingCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command: serve or seed");
    }

    @Test
    void badValuesAreUsageErrorsBeforeAnythingStarts() {
        assertThat(run("serve", "--statement-timeout", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
        assertThat(run("serve", "--data-dir", "x", "--database-url", "jdbc:postgresql://localhost/antenna")).isEqualTo(2);
        assertThat(err.toString()).contains("Give --data-dir (embedded PostgreSQL) or --database-url, not both");
        assertThat(run("serve", "--pool-size", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("the pool size must be at least 1, was 0");
        assertThat(run("seed", "--database-url", "jdbc:mysql://localhost/antenna")).isEqualTo(2);
        assertThat(err.toString()).contains("must start with jdbc:postgresql:");
        assertThat(run("serve", "--db-user", "me")).isEqualTo(2);
        assertThat(err.toString()).contains("--db-user and --db-password go with --database-url");
        assertThat(run("serve", "--count-cache=-1s")).isEqualTo(2);
        assertThat(err.toString()).contains("--count-cache must not be negative");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.convert("7")).isEqualTo(Duration.ofSeconds(7));
    }

    private static ServeCommand serve(String... args) {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
        return (ServeCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void serveCreatesTheEmbeddedDatabaseOnceAndReusesIt() throws Exception {
        Path dir = Path.of("target", "serve-test-pg");
        deleteRecursively(dir);
        HttpClient client = HttpClient.newHttpClient();
        String[] args = {"serve", "--port", "0", "--data-dir", dir.toString(), "--no-seed"};

        try (Antenna first = serve(args).start()) {
            assertThat(first.database().embedded().created()).isTrue();
            Reply landing = TestService.get(client, first.baseUrl(), "/");
            assertThat(landing.status()).isEqualTo(200);
            assertThat(TestService.get(client, first.baseUrl(), "/api/v2/captures/?project_id=1").status()).isEqualTo(404);
            try (HikariDataSource writer = first.database().openWriter(); Connection c = writer.getConnection();
                 Statement s = c.createStatement()) {
                s.execute("INSERT INTO main_project (id, created_at, updated_at, name) VALUES (1, now(), now(), 'Kept')");
            }
        }
        assertThat(dir.resolve("PG_VERSION")).exists();

        long started = System.nanoTime();
        try (Antenna second = serve(args).start()) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            assertThat(second.database().embedded().created()).isFalse();
            assertThat(startup).as("a second start reuses the data").isLessThan(Duration.ofSeconds(15));
            Reply kept = TestService.get(client, second.baseUrl(), "/api/v2/captures/?project_id=1");
            assertThat(kept.status()).as(kept.body()).isEqualTo(200);
            assertThat(kept.json().get("count").asLong()).isZero();
        }
    }

    @Test
    void serveSeedsAnEmptyDatabase() throws Exception {
        Path dir = Path.of("target", "serve-seed-pg");
        deleteRecursively(dir);
        HttpClient client = HttpClient.newHttpClient();
        try (Antenna antenna = serve("serve", "--port", "0", "--data-dir", dir.toString(), "--occurrences", "200",
                "--seed", "7").start()) {
            long project = antenna.exampleIds().orElseThrow()[0];
            Reply page = TestService.get(client, antenna.baseUrl(), "/api/v2/occurrences/?project_id=" + project);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("count").asLong()).isPositive();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
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
