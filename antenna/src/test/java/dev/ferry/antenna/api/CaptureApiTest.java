package dev.ferry.antenna.api;

import static dev.ferry.antenna.testing.JsonAssert.assertMatchesExpected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.antenna.testing.TestService.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/v2/captures/} over HTTP on the real service (resources/captures/fixture.sql), with
 * Ferry's fetch policy RAISE: a relation the endpoint forgot to load would fail the request.
 */
class CaptureApiTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start("capture_api", "/captures/fixture.sql");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @AfterEach
    void noConnectionLeft() {
        assertThat(service.activeConnections()).as("connections still lent by the pool").isZero();
    }

    private static Reply ok(String query) {
        Reply r = service.get("/api/v2/captures/?" + query);
        assertThat(r.status()).as("GET captures ?%s: %s", query, r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("results").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    // ---------------------------------------------------------------- documents

    @Test
    void pageIsTheSerializersDocument() {
        JsonNode page = ok("project_id=1&limit=3").json();
        assertMatchesExpected("/captures/expected/captures-project-1.json", withRoot(page));
    }

    @Test
    void detectionsAndCountsWhenAskedFor() {
        JsonNode page = ok("project_id=1&limit=2&with_detections=true&with_counts=true").json();
        assertMatchesExpected("/captures/expected/captures-with-detections-and-counts.json", withRoot(page));
    }

    @Test
    void countsFollowTheProjectsDefaultFilters() {
        // Capture 1000: occurrence 700 passes, 701 is a Noctuidae (excluded); capture 1001: 702 is under the threshold.
        JsonNode page = ok("project_id=1&limit=2&with_counts=1").json();
        assertThat(page.at("/results/0/occurrences_count").asInt()).isEqualTo(1);
        assertThat(page.at("/results/0/taxa_count").asInt()).isEqualTo(1);
        assertThat(page.at("/results/1/occurrences_count").asInt()).isEqualTo(1);
        JsonNode all = ok("project_id=1&limit=2&with_counts=true&apply_defaults=false").json();
        assertThat(all.at("/results/0/occurrences_count").asInt()).isEqualTo(2);
        assertThat(all.at("/results/0/taxa_count").asInt()).isEqualTo(2);
        assertThat(all.at("/results/1/occurrences_count").asInt()).isEqualTo(2);
        assertThat(all.at("/results/1/taxa_count").asInt()).isEqualTo(1);
        // without the flag, the counts are null and the detections empty
        JsonNode plain = ok("project_id=1&limit=1").json();
        assertThat(plain.at("/results/0/occurrences_count").isNull()).isTrue();
        assertThat(plain.at("/results/0/detections").size()).isZero();
    }

    @Test
    void detectionsSkipThePlaceholdersAndFlagTheOccurrencesThatPass() {
        JsonNode page = ok("project_id=1&limit=2&with_detections=true").json();
        JsonNode first = page.at("/results/0/detections");
        assertThat(first.size()).isEqualTo(2); // 5002 has no bbox
        assertThat(first.get(0).get("id").asLong()).isEqualTo(5000);
        assertThat(first.get(0).get("occurrence_meets_criteria").asBoolean()).isTrue();
        assertThat(first.get(1).get("occurrence_meets_criteria").asBoolean()).isFalse();
        JsonNode second = page.at("/results/1/detections");
        assertThat(second.get(0).get("occurrence_meets_criteria").asBoolean()).isFalse(); // score 0.3
        assertThat(second.get(1).get("occurrence_meets_criteria").asBoolean()).isTrue();
        JsonNode noDefaults = ok("project_id=1&limit=1&with_detections=true&apply_defaults=false").json();
        assertThat(noDefaults.at("/results/0/detections/1/occurrence_meets_criteria").asBoolean()).isTrue();
    }

    /** Replaces the test server's random port by a fixed root, so the expected documents are stable. */
    private static JsonNode withRoot(JsonNode node) {
        return dev.ferry.antenna.testing.JsonAssert.parse(node.toString().replace(service.root(), "http://testserver"));
    }

    // ---------------------------------------------------------------- ordering, filters, envelope

    @Test
    void defaultOrderIsTimestampWithNullsLastThenId() {
        assertThat(ids(ok("project_id=1").json())).containsExactly(1000L, 1001L, 1003L, 1002L, 1004L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-size            | 1004,1000,1001,1002,1003",
            "size             | 1002,1001,1000,1004,1003",
            "-timestamp       | 1002,1003,1001,1000,1004",
            "deployment__name,-timestamp | 1002,1001,1000,1004,1003",
            "-detections_count,id_ignored | ",
    })
    void orderingParameter(String ordering, String expected) {
        if (expected == null) {
            Reply r = service.get("/api/v2/captures/?project_id=1&ordering=" + ordering);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("ordering").get(0).asText()).contains("id_ignored");
            return;
        }
        List<Long> want = new ArrayList<>();
        for (String id : expected.split(",")) {
            want.add(Long.parseLong(id.trim()));
        }
        assertThat(ids(ok("project_id=1&ordering=" + ordering).json())).containsExactlyElementsOf(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "event=100              | 1000,1001",
            "deployment=11          | 1003",
            "deployment=10&event=101 | 1002",
            "has_detections=true    | 1000,1001",
            "has_detections=false   | 1003,1002,1004",
            "project=3              | ",
            "deployment__project=1&deployment=11 | 1003",
    })
    void filters(String filter, String expected) {
        List<Long> want = new ArrayList<>();
        if (expected != null) {
            for (String id : expected.split(",")) {
                want.add(Long.parseLong(id.trim()));
            }
        }
        JsonNode page = ok("project_id=1&" + filter).json();
        assertThat(ids(page)).containsExactlyElementsOf(want);
        assertThat(page.get("count").asLong()).isEqualTo(want.size());
    }

    @Test
    void envelopeLinksKeepTheOtherParametersSorted() {
        JsonNode page = ok("project_id=1&limit=2&offset=2&deployment=10").json();
        String root = service.root() + "/api/v2/captures/";
        assertThat(page.get("count").asLong()).isEqualTo(4);
        assertThat(ids(page)).containsExactly(1002L, 1004L);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).isEqualTo(root + "?deployment=10&limit=2&project_id=1");
        JsonNode first = ok("project_id=1&limit=2&deployment=10").json();
        assertThat(first.get("previous").isNull()).isTrue();
        assertThat(first.get("next").asText()).isEqualTo(root + "?deployment=10&limit=2&offset=2&project_id=1");
        JsonNode middle = ok("project_id=1&limit=1&offset=2").json();
        assertThat(middle.get("next").asText()).isEqualTo(root + "?limit=1&offset=3&project_id=1");
        assertThat(middle.get("previous").asText()).isEqualTo(root + "?limit=1&offset=1&project_id=1");
        assertThat(middle.get("user_permissions").size()).isZero();
    }

    @Test
    void aPagePastTheEndIsEmptyWithTheTotal() {
        JsonNode page = ok("project_id=1&offset=50").json();
        assertThat(page.get("count").asLong()).isEqualTo(5);
        assertThat(page.get("results").size()).isZero();
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).endsWith("?limit=10&offset=40&project_id=1");
    }

    @Test
    void aDraftProjectShowsNothingToAnonymousUsers() {
        JsonNode page = ok("project_id=2").json();
        assertThat(page.get("count").asLong()).isZero();
        assertThat(page.get("results").size()).isZero();
    }

    // ---------------------------------------------------------------- statements

    @ParameterizedTest
    @ValueSource(strings = {"", "&with_detections=true", "&with_counts=true", "&with_detections=true&with_counts=true"})
    void statementsDoNotGrowWithThePage(String flags) {
        List<Long> counts = new ArrayList<>();
        for (int limit : new int[] {1, 5, 25, 100}) {
            Reply r = ok("project_id=3&limit=" + limit + flags);
            assertThat(r.json().get("results").size()).isEqualTo(limit);
            counts.add(r.queries());
        }
        assertThat(counts).as("X-Query-Count for limit 1, 5, 25, 100").containsOnly(counts.get(0));
        long expected = 2 + (flags.contains("detections") ? 2 : 0) + (flags.contains("counts") ? 1 : 0);
        assertThat(counts.get(0)).isEqualTo(expected);
    }

    @Test
    void responsesCarryTheTimingHeaders() {
        Reply r = ok("project_id=1");
        assertThat(r.header("Server-Timing")).matches("db;dur=\\d+\\.\\d;desc=\"2 queries\", total;dur=\\d+\\.\\d");
        assertThat(r.queries()).isEqualTo(2);
        Reply bad = service.get("/api/v2/captures/?project_id=1&limit=5000");
        assertThat(bad.queries()).isZero();
        assertThat(bad.header("Server-Timing")).startsWith("db;dur=0.0;desc=\"0 queries\"");
    }

    @Test
    void pathWithoutTheTrailingSlashWorksToo() {
        Reply r = service.get("/api/v2/captures?project_id=1&limit=1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("count").asLong()).isEqualTo(5);
        assertThat(r.json().get("next").asText()).isEqualTo(service.root() + "/api/v2/captures/?limit=1&offset=1&project_id=1");
    }

    // ---------------------------------------------------------------- client errors

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "                           | project_id | This field is required.",
            "project_id=                | project_id | This field is required.",
            "project_id=abc             | project_id | A valid integer is required.",
            "project_id=1&limit=1001    | limit      | Ensure this value is less than or equal to 1000.",
            "project_id=1&limit=0       | limit      | Ensure this value is greater than or equal to 1.",
            "project_id=1&limit=x       | limit      | A valid integer is required.",
            "project_id=1&offset=-1     | offset     | Ensure this value is greater than or equal to 0.",
            "project_id=1&event=abc     | event      | A valid integer is required.",
            "project_id=1&event=999     | event      | Select a valid choice. That choice is not one of the available choices.",
            "project_id=1&deployment=99 | deployment | Select a valid choice. That choice is not one of the available choices.",
            "project_id=1&with_counts=maybe | with_counts | Must be a valid boolean.",
            "project_id=1&colour=red    | colour     | Unknown parameter.",
            "project_id=1&collection=3  | collection | This filter is not supported by this service.",
    })
    void badParametersAre400sNamingTheParameter(String query, String parameter, String message) {
        Reply r = service.get("/api/v2/captures/?" + (query == null ? "" : query));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get(parameter).get(0).asText()).isEqualTo(message);
    }

    @Test
    void anUnknownProjectIs404() {
        Reply r = service.get("/api/v2/captures/?project_id=999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }
}
