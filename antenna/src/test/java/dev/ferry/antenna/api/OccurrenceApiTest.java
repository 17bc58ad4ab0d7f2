package dev.ferry.antenna.api;

import static dev.ferry.antenna.testing.JsonAssert.assertMatchesExpected;
import static dev.ferry.antenna.testing.JsonAssert.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Entities;
import dev.ferry.antenna.testing.TestPostgres;
import dev.ferry.observe.Detectors;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.test.FerryExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The occurrence endpoints on a hand-made fixture (resources/occurrences/fixture.sql) in an embedded
 * PostgreSQL: documents compared key by key, every filter, the statement budget, every client error.
 * Fetch policy RAISE (ferry-test's default): a relation the endpoint forgot to load fails the test.
 */
class OccurrenceApiTest {

    private static final Observer OBSERVER = Observer.builder().detector(Detectors.test()).logReports(false).build();
    @RegisterExtension
    static final FerryExtension FERRY = FerryExtension.of(OBSERVER);
    private static final String ROOT = "http://testserver";
    private static final JsonFactory JSON = new JsonFactory();

    private static HikariDataSource pool;
    private static OccurrenceApi api;

    @BeforeAll
    static void start() throws Exception {
        pool = TestPostgres.pool(TestPostgres.freshDatabase("occurrence_api"), 2);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(script("/occurrences/fixture.sql"));
            s.execute(script("/occurrences/bulk.sql"));
            s.execute("ANALYZE");
        }
        Ferry ferry = Entities.register(Ferry.builder(OBSERVER.wrap(pool)))
                .build();
        api = new OccurrenceApi(ferry, "https://media.example.org/");
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    // ---------------------------------------------------------------- documents

    @Test
    void listIsTheSerializersDocument() {
        // 102 (verified) and 104 (a withdrawn and a current identification) tie on score 1.0: the id breaks it, in the
        // ordering's direction (descending), as Ferry orders ties.
        assertMatchesExpected("/occurrences/expected/list-project-1.json", list("project_id=1"));
    }

    @Test
    void detailIsTheSerializersDocument() {
        assertMatchesExpected("/occurrences/expected/detail-101.json", detail(101));
    }

    @Test
    void detailOfAnOccurrenceWithoutClassification() {
        assertMatchesExpected("/occurrences/expected/detail-103.json", detail(103));
    }

    @Test
    void verifiedOccurrenceShowsItsIdentificationAndNoPrediction() {
        JsonNode o = detail(102);
        JsonNode details = o.get("determination_details");
        assertThat(details.get("identification").get("id").asLong()).isEqualTo(201);
        assertThat(details.get("prediction").isNull()).isTrue();
        assertThat(details.get("score").asDouble()).isEqualTo(1.0);
        // the machine's best guess is shown all the same
        assertThat(o.get("best_machine_prediction").get("taxon").get("id").asLong()).isEqualTo(7);
    }

    @Test
    void withdrawnIdentificationsAreListedButNeverBest() {
        JsonNode o = detail(104);
        assertThat(ids(o.get("identifications"))).containsExactly(203L, 202L);
        assertThat(o.get("identifications").get(1).get("withdrawn").asBoolean()).isTrue();
        assertThat(o.get("determination_details").get("identification").get("id").asLong()).isEqualTo(203);
    }

    @Test
    void bestPredictionIsTerminalFirstAmongEachAlgorithmsTopScore() {
        // 101: the binary classifier's 0.99 (not terminal) loses to the species classifier's top 0.87;
        // the species classifier's 0.6 is not its top score, so it is no prediction at all.
        JsonNode o = detail(101);
        assertThat(o.get("best_machine_prediction").get("score").asDouble()).isEqualTo(0.87);
        assertThat(ids(o.get("predictions"))).containsExactly(5002L, 5001L);
    }

    // ---------------------------------------------------------------- filters and ordering

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "project_id=1                                          | 104,102,101",
            "project_id=1&apply_defaults=false                     | 104,102,101,107,103",
            "project_id=1&event=1                                  | 104,101",
            "project_id=1&deployment=2&apply_defaults=false        | 102,107,103",
            "project_id=1&determination__rank=SPECIES              | 104,102,101",
            "project_id=1&taxon=3                                  | 104,101",
            "project_id=1&determination=6                          | 102",
            "project_id=1&taxon=1&apply_defaults=false             | 104,102,101,107",
            "project_id=1&detections__source_image=11              | 104,101",
            "project_id=1&algorithm=1                              | 101",
            "project_id=1&algorithm=1&algorithm=2                  | 104,102,101",
            "project_id=1&not_algorithm=1                          | 104,102",
            "project_id=1&verified=true                            | 104,102",
            "project_id=1&verified=false&apply_defaults=false      | 101,107,103",
            "project_id=1&date_start=2023-08-03&apply_defaults=false | 102,107,103",
            "project_id=1&date_end=2023-08-02                      | 104,101",
            "project_id=1&date_start=2023-08-02&date_end=2023-08-02 | 104,101",
            "project_id=3                                          | 108",
            "project_id=3&apply_defaults=false                     | 110,109,108",
            "project_id=3&apply_defaults=0                         | 110,109,108",
            "project_id=2                                          | ''",
            "project_id=1&ordering=determination__name             | 102,101,104",
            "project_id=1&ordering=-detections_count,id_unused_guard | ERROR",
            "project_id=1&ordering=-detections_count               | 101,104,102",
            "project_id=1&ordering=created_at                      | 102,101,104",
            "project_id=1&ordering=-updated_at                     | 104,102,101",
            "project_id=1&ordering=first_appearance_timestamp      | 101,104,102",
            "project_id=1&ordering=-first_appearance_time          | 102,104,101",
            "project_id=1&ordering=-duration                       | 101,104,102",
            "project_id=1&ordering=deployment,-determination_score | 104,101,102",
            "project_id=1&ordering=event__start                    | 101,104,102",
            "project_id=1&ordering=event                           | 101,104,102",
            "project_id=1&ordering=-determination                  | 102,104,101",
            "project_id=1&ordering=determination_score&apply_defaults=false | 107,101,102,104,103",
    })
    void filtersAndOrderings(String query, String expected) {
        if (expected.equals("ERROR")) {
            assertThatThrownBy(() -> list(query)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).body()).containsKey("ordering"));
            return;
        }
        JsonNode page = list(query);
        List<Long> want = expected.isEmpty() ? List.of() : java.util.Arrays.stream(expected.split(",")).map(Long::valueOf).toList();
        assertThat(ids(page.get("results"))).containsExactlyElementsOf(want);
        assertThat(page.get("count").asLong()).isEqualTo(want.size());
    }

    @Test
    void envelopeLinksKeepTheOtherParametersSorted() {
        JsonNode page = list("project_id=1&ordering=-updated_at&limit=1&offset=1");
        assertThat(page.get("count").asLong()).isEqualTo(3);
        assertThat(page.get("next").asText())
                .isEqualTo(ROOT + "/api/v2/occurrences/?limit=1&offset=2&ordering=-updated_at&project_id=1");
        assertThat(page.get("previous").asText())
                .isEqualTo(ROOT + "/api/v2/occurrences/?limit=1&ordering=-updated_at&project_id=1");
        JsonNode last = list("project_id=1&limit=2&offset=2");
        assertThat(last.get("next").isNull()).isTrue();
        assertThat(last.get("previous").asText()).isEqualTo(ROOT + "/api/v2/occurrences/?limit=2&project_id=1");
        JsonNode past = list("project_id=1&limit=2&offset=10");
        assertThat(past.get("count").asLong()).isEqualTo(3);
        assertThat(past.get("results")).isEmpty();
    }

    // ---------------------------------------------------------------- statements

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(ints = {1, 5, 25, 100, 1000})
    void listCostsFourStatementsForAnyLimit(int limit) {
        long[] statements = new long[1];
        JsonNode page = list("project_id=4&limit=" + limit, statements);
        assertThat(page.get("results")).hasSize(limit);
        assertThat(page.get("count").asLong()).isEqualTo(1200);
        // project and lookups, the page with its count, identifications, classifications
        assertThat(statements[0]).isEqualTo(4);
    }

    @Test
    void listWithEveryFilterStillCostsFourStatementsAndADateRangeOneMore() {
        long[] statements = new long[1];
        String filters = "project_id=1&event=1&deployment=1&taxon=3&detections__source_image=11&algorithm=2&not_algorithm=1"
                + "&verified=true&determination__rank=SPECIES&ordering=-duration";
        list(filters, statements);
        assertThat(statements[0]).isEqualTo(4);
        // the project's longest occurrence, which bounds the date filter's index search (DateRangeTest)
        list(filters + "&date_start=2023-08-01&date_end=2023-08-03", statements);
        assertThat(statements[0]).isEqualTo(5);
    }

    @Test
    void detailCostsFourStatements() {
        long[] statements = new long[1];
        detail(101, statements);
        assertThat(statements[0]).isEqualTo(4);
    }

    // ---------------------------------------------------------------- client errors

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                      | project_id",
            "project_id=abc                          | project_id",
            "project_id=1&limit=1001                 | limit",
            "project_id=1&limit=0                    | limit",
            "project_id=1&limit=-5                   | limit",
            "project_id=1&limit=ten                  | limit",
            "project_id=1&offset=-1                  | offset",
            "project_id=1&ordering=name              | ordering",
            "project_id=1&ordering=-determination_score;drop | ordering",
            "project_id=1&date_start=2023-08-05&date_end=2023-08-01 | date_start",
            "project_id=1&date_start=yesterday       | date_start",
            "project_id=1&taxon=999                  | taxon",
            "project_id=1&taxon=x                    | taxon",
            "project_id=1&event=999                  | event",
            "project_id=1&deployment=999             | deployment",
            "project_id=1&detections__source_image=999 | detections__source_image",
            "project_id=1&algorithm=999              | algorithm",
            "project_id=1&not_algorithm=999          | not_algorithm",
            "project_id=1&algorithm=1,x              | algorithm",
            "project_id=1&determination__rank=species | determination__rank",
            "project_id=1&verified=maybe             | verified",
            "project_id=1&apply_defaults=perhaps     | apply_defaults",
            "project_id=1&colour=red                 | colour",
            "project_id=1&collection_id=3            | collection_id",
            "project_id=1&deployment=%00             | deployment",
            "project_id=1&deployment=%20             | deployment",
            "project_id=1&deployment=%001            | deployment",
            "project_id=1&event=1%20                 | event",
            "project_id=1&taxon=%091                 | taxon",
            "project_id=1&algorithm=1,%202           | algorithm",
            "project_id=1&limit=%00                  | limit",
            "project_id=1&offset=%205                | offset",
            "project_id=%201                         | project_id",
            "project_id=1&date_start=%202023-08-01   | date_start",
            "project_id=1&verified=true%00           | verified",
            "project_id=1&determination__rank=SPECIES%20 | determination__rank",
    })
    void badParametersAre400sNamingTheParameter(String query, String parameter) {
        assertThatThrownBy(() -> list(query))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).containsOnlyKeys(parameter);
                });
    }

    @Test
    void theLargestOffsetIsAnEmptyPageWithoutNext() {
        JsonNode page = list("project_id=1&limit=2&offset=" + Long.MAX_VALUE);
        assertThat(page.get("count").asLong()).isEqualTo(3);
        assertThat(page.get("results")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText())
                .isEqualTo(ROOT + "/api/v2/occurrences/?limit=2&offset=" + (Long.MAX_VALUE - 2) + "&project_id=1");
    }

    /** As the original answers an anonymous user (see OccurrenceApi.list): the draft project exists, its rows are hidden. */
    @Test
    void draftProjectsListIsEmpty() {
        JsonNode page = list("project_id=2");
        assertThat(page.get("count").asLong()).isZero();
        assertThat(page.get("results")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void unknownProjectIs404() {
        assertThatThrownBy(() -> list("project_id=999"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @ParameterizedTest(name = "occurrence {0}")
    @ValueSource(longs = {105 /* no detection */, 106 /* draft project */, 999 /* none */})
    void hiddenOrMissingOccurrenceIs404(long id) {
        assertThatThrownBy(() -> detail(id))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.body()).containsEntry("detail", "Not found.");
                });
    }

    // ---------------------------------------------------------------- plumbing

    static JsonNode list(String query) {
        return list(query, new long[1]);
    }

    static JsonNode list(String query, long[] statements) {
        ApiRequest request = new ApiRequest(ROOT, "/api/v2/occurrences/", params(query));
        try (Scope scope = OBSERVER.scope("GET /api/v2/occurrences/")) {
            JsonNode out = render(api.list(request));
            statements[0] = scope.count();
            return out;
        }
    }

    static JsonNode detail(long id) {
        return detail(id, new long[1]);
    }

    static JsonNode detail(long id, long[] statements) {
        ApiRequest request = new ApiRequest(ROOT, "/api/v2/occurrences/" + id + "/", Map.of());
        try (Scope scope = OBSERVER.scope("GET /api/v2/occurrences/{id}/")) {
            JsonNode out = render(api.detail(request, id));
            statements[0] = scope.count();
            return out;
        }
    }

    static JsonNode render(JsonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(out.toString());
    }

    static Map<String, List<String>> params(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = OccurrenceApiTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
