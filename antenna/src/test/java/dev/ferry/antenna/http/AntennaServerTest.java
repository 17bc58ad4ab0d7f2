package dev.ferry.antenna.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.antenna.api.ApiException;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.antenna.testing.TestService.Reply;
import dev.ferry.error.FerrySqlException;
import dev.ferry.observe.Observer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP layer alone (no database): routing, headers, and how each kind of failure is answered. */
class AntennaServerTest {

    private static final String UNAVAILABLE = "{\"detail\":\"The database is unavailable; try again shortly.\"}";
    private static final String INTERNAL = "{\"detail\":\"Internal server error.\"}";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static AntennaServer server;
    private static String root;

    @BeforeAll
    static void start() {
        Observer observer = Observer.builder().logReports(false).build();
        server = AntennaServer.start("localhost", 0, observer, List.of(
                Route.list("/ok/", r -> json -> {
                    json.writeStartObject();
                    json.writeStringField("path", r.path());
                    json.writeStringField("root", r.root());
                    json.writeStringField("q", r.query().string("q").orElse(null));
                    json.writeEndObject();
                }),
                Route.detail("/things/{id}/", (r, id) -> json -> json.writeNumber(id)),
                Route.list("/client-error/", r -> {
                    throw ApiException.badParameter("colour", "Not a colour.");
                }),
                Route.list("/not-found/", r -> {
                    throw ApiException.notFound();
                }),
                Route.list("/bug/", r -> {
                    throw new IllegalStateException("a bug");
                }),
                Route.list("/half/", r -> json -> {
                    json.writeStartObject();
                    json.writeStringField("started", "yes");
                    throw new IllegalStateException("failed while rendering");
                }),
                Route.list("/refused/", r -> {
                    throw new FerrySqlException("query", "SELECT 1", new SQLException("Connection to localhost:5432 refused", "08001",
                            new ConnectException("Connection refused")));
                }),
                Route.list("/pool-timeout/", r -> {
                    throw new FerrySqlException("getting a connection", null, new SQLTransientConnectionException(
                            "antenna - Connection is not available, request timed out after 2000ms"));
                }),
                Route.list("/statement-timeout/", r -> {
                    throw new FerrySqlException("query", "SELECT pg_sleep(60)",
                            new SQLException("canceling statement due to statement timeout", "57014"));
                }),
                Route.list("/shutting-down/", r -> {
                    throw new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"));
                }),
                Route.list("/sql-bug/", r -> {
                    throw new FerrySqlException("query", "SELECT * FROM nowhere",
                            new SQLException("relation \"nowhere\" does not exist", "42P01"));
                })));
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply get(String path) {
        return TestService.get(CLIENT, root, path);
    }

    @Test
    void aRouteAnswersJsonWithTheTimingHeaders() {
        Reply r = get("/ok/?q=moth");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"path\":\"/ok/\",\"root\":\"" + root + "\",\"q\":\"moth\"}");
        assertThat(r.header("X-Query-Count")).isEqualTo("0");
        assertThat(r.header("Server-Timing")).matches("db;dur=0\\.0;desc=\"0 queries\", total;dur=\\d+\\.\\d");
    }

    @Test
    void theTrailingSlashIsOptional() {
        Reply bare = get("/ok");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.json().get("path").asText()).as("the handler sees the route's spelling").isEqualTo("/ok/");
        assertThat(get("/things/42").body()).isEqualTo("42");
        assertThat(get("/things/42/").body()).isEqualTo("42");
    }

    @Test
    void aNonIntegerIdIs400NamingIt() {
        Reply r = get("/things/forty-two/");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"id\":[\"A valid integer is required.\"]}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/client-error/      | 400 | {\"colour\":[\"Not a colour.\"]}",
            "/not-found/         | 404 | {\"detail\":\"Not found.\"}",
            "/no/such/route/     | 404 | {\"detail\":\"Not found.\"}",
            "/bug/               | 500 | " + INTERNAL,
            "/sql-bug/           | 500 | " + INTERNAL,
            "/half/              | 500 | " + INTERNAL,
            "/refused/           | 503 | " + UNAVAILABLE,
            "/pool-timeout/      | 503 | " + UNAVAILABLE,
            "/statement-timeout/ | 503 | " + UNAVAILABLE,
            "/shutting-down/     | 503 | " + UNAVAILABLE,
    })
    void failuresMapToDrfShapedJson(String path, int status, String body) {
        Reply r = get(path);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).as("never half a document").isEqualTo(body);
        assertThat(r.header("Retry-After")).isEqualTo(status == 503 ? "5" : null);
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(root + "/ok/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Method \\\"POST\\\" not allowed.\"}");
    }

    @Test
    void theLandingDocumentListsTheEndpoints() {
        Reply r = get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("endpoints").get(0).asText()).isEqualTo(root + "/ok/");
        assertThat(get("/api/v2/").status()).isEqualTo(200);
    }

    @Test
    void outagesAreToldApartFromBugsThroughAnyWrapping() {
        assertThat(Failures.databaseUnavailable(new RuntimeException(new RuntimeException(new ConnectException())))).isTrue();
        assertThat(Failures.databaseUnavailable(new SQLException("closed", "08003"))).isTrue();
        assertThat(Failures.databaseUnavailable(new SQLException("syntax", "42601"))).isFalse();
        assertThat(Failures.databaseUnavailable(new SQLException("no state"))).isFalse();
        assertThat(Failures.databaseUnavailable(new NullPointerException())).isFalse();
    }
}
