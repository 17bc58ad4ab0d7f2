package dev.ferry.antenna.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.Antenna;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.db.DatabaseSettings;
import dev.ferry.policy.FetchPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The real service for a test: a fresh database in the shared embedded PostgreSQL, filled by SQL
 * scripts from the test resources, served over HTTP on a free port with a real pool, and a client.
 * Ferry's fetch policy is RAISE, so a relation an endpoint forgot to load fails the request (500).
 */
public final class TestService implements AutoCloseable {

    private final Antenna antenna;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestService(Antenna antenna) {
        this.antenna = antenna;
    }

    /** Database {@code name}, created fresh, migrated, and filled by {@code scripts} (resource paths). */
    public static TestService start(String name, String... scripts) {
        String url = TestPostgres.freshDatabase(name);
        Database db = Database.open(DatabaseSettings.external(url, null, null).withFetchPolicy(FetchPolicy.RAISE));
        try (HikariDataSource writer = db.openWriter(); Connection c = writer.getConnection();
             Statement s = c.createStatement()) {
            for (String script : scripts) {
                s.execute(resource(script));
            }
            s.execute("ANALYZE");
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("loading the fixture of " + name, e);
        }
        return new TestService(Antenna.start(db, "localhost", 0, "https://media.example.org/"));
    }

    public static String resource(String path) {
        try (InputStream in = TestService.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Antenna antenna() {
        return antenna;
    }

    /** {@code http://localhost:<port>}, the root of every absolute link in the documents. */
    public String root() {
        return "http://localhost:" + antenna.port();
    }

    /** Connections the request pool has lent and not got back. */
    public int activeConnections() {
        return antenna.database().pool().getHikariPoolMXBean().getActiveConnections();
    }

    public Reply get(String pathAndQuery) {
        return get(client, root(), pathAndQuery);
    }

    public static Reply get(HttpClient client, String root, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        antenna.close();
    }

    /** One HTTP response. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JsonAssert.parse(body);
        }

        /** The statements the request ran, from {@code X-Query-Count}. */
        public long queries() {
            return Long.parseLong(headers.firstValue("X-Query-Count").orElseThrow(
                    () -> new AssertionError("no X-Query-Count header; status " + status + ", body " + body)));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
