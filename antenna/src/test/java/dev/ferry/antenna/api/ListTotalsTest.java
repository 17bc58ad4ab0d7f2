package dev.ferry.antenna.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Entities;
import dev.ferry.antenna.testing.TestPostgres;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.observe.StatementRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists' reused totals ({@code --count-cache}): a total is reused for the same project and filters while younger
 * than the age (the page is then read without the count), never across different filters, and not at all when the
 * age is zero; a deep page seeks from a remembered position and answers what an exact COUNT and OFFSET answer.
 */
class ListTotalsTest {

    private static final Observer OBSERVER = Observer.builder().logReports(false).build();
    private static final String TOTAL = "(SELECT COUNT(*) FROM main_occurrence";
    private static HikariDataSource pool;
    private static long nextId = 900_000;

    @BeforeAll
    static void start() throws Exception {
        pool = TestPostgres.pool(TestPostgres.freshDatabase("count_cache"), 2);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(script("/occurrences/fixture.sql"));
            s.execute(script("/occurrences/bulk.sql"));
            s.execute("ANALYZE");
        }
    }

    /** A Ferry of its own: each test starts with an empty result cache. */
    private static Ferry ferry() {
        return Entities.register(Ferry.builder(OBSERVER.wrap(pool)))
                .build();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    /** The count, the result ids and the statements of one list request. */
    private record Listed(long count, List<Long> ids, List<StatementRecord> statements) {
        boolean counted() {
            return statements.stream().anyMatch(r -> r.sql().contains(TOTAL));
        }

        boolean passed() {
            return statements.stream().anyMatch(r -> r.sql().contains("ROW_NUMBER() OVER"));
        }
    }

    private static Listed list(OccurrenceApi api, String query) {
        return list(api::list, "/api/v2/occurrences/", query);
    }

    private static Listed list(java.util.function.Function<ApiRequest, JsonBody> endpoint, String path, String query) {
        ApiRequest request = new ApiRequest("http://testserver", path, OccurrenceApiTest.params(query));
        try (Scope scope = OBSERVER.scope("list")) {
            JsonNode doc = OccurrenceApiTest.render(endpoint.apply(request));
            List<Long> ids = new ArrayList<>();
            doc.get("results").forEach(r -> ids.add(r.get("id").asLong()));
            return new Listed(doc.get("count").asLong(), ids, scope.statements());
        }
    }

    /** A new occurrence of project 4 that passes its default filters (score 0.9, one detection). */
    private static void addOccurrence() throws SQLException {
        long id = nextId++;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score,"
                    + " event_id, deployment_id, project_id) VALUES (" + id + ", now(), now(), 5, 0.9, 40, 40, 4)");
            s.execute("INSERT INTO main_detection (id, created_at, updated_at, source_image_id, bbox, timestamp, path,"
                    + " occurrence_id, frame_num) VALUES (" + id + ", now(), now(), 100001, '[1, 2, 3, 4]', now(),"
                    + " 'x.jpg', " + id + ", 0)");
        }
    }

    @Test
    void aTotalIsReusedForTheSameFiltersOnly() throws SQLException {
        OccurrenceApi api = new OccurrenceApi(ferry(), null, OccurrenceApi.Loading.PREFETCH, Duration.ofMinutes(10));
        Listed first = list(api, "project_id=4&limit=5");
        assertThat(first.counted()).isTrue();
        assertThat(first.statements()).hasSize(4);

        // Another page and ordering of the same filters: the page alone, the same total, still 4 statements.
        Listed again = list(api, "project_id=4&limit=7&offset=30&ordering=-updated_at");
        assertThat(again.counted()).isFalse();
        assertThat(again.count()).isEqualTo(first.count());
        assertThat(again.statements()).hasSize(4);

        // A write is not seen until the total expires: the documented staleness.
        addOccurrence();
        assertThat(list(api, "project_id=4&limit=5").count()).isEqualTo(first.count());

        // Other filters are another total, counted afresh.
        Listed filtered = list(api, "project_id=4&limit=5&event=40");
        assertThat(filtered.counted()).isTrue();
        assertThat(filtered.count()).isEqualTo(first.count() + 1);
        Listed unfiltered = list(api, "project_id=4&limit=5&apply_defaults=false");
        assertThat(unfiltered.counted()).isTrue();
    }

    @Test
    void aDeepPageMatchesAnExactCountAndOffset() {
        OccurrenceApi reused = new OccurrenceApi(ferry(), null, OccurrenceApi.Loading.PREFETCH, Duration.ofMinutes(10));
        OccurrenceApi exact = new OccurrenceApi(ferry(), null, OccurrenceApi.Loading.PREFETCH, Duration.ZERO);
        assertThat(list(reused, "project_id=4&apply_defaults=false&limit=1").counted()).as("the total, once").isTrue();
        for (String ordering : List.of("-determination_score", "determination_score", "-updated_at", "created_at",
                "-detections_count", "first_appearance_time", "-duration", "determination__name", "-event__start")) {
            for (int offset : new int[] {1000, 1003, 1150, 1199, 1200, 1500}) {
                String query = "project_id=4&apply_defaults=false&limit=7&offset=" + offset + "&ordering=" + ordering;
                Listed seek = list(reused, query);
                Listed oracle = list(exact, query);
                assertThat(seek.ids()).as(query).isEqualTo(oracle.ids());
                assertThat(seek.count()).as(query).isEqualTo(oracle.count()).isGreaterThan(1000);
                assertThat(oracle.passed()).isFalse();
                if (offset < seek.count()) {
                    // 1,200 rows, known: small enough to be read whole and sorted (Total.DEFAULT_SORT_WHOLE), so no walk
                    // to a position; walks and seeks are Ferry's tests (TotalCases) and the bench's exactness check at 1M.
                    assertThat(seek.passed()).isFalse();
                    assertThat(seek.statements()).hasSize(4);
                }
            }
        }
    }

    @Test
    void theCapturesListReusesItsTotal() {
        CaptureApi captures = new CaptureApi(ferry(), null, Duration.ofMinutes(10));
        CaptureApi exact = new CaptureApi(ferry(), null, Duration.ZERO);
        Listed first = list(captures::list, "/api/v2/captures/", "project_id=4&limit=5");
        assertThat(first.statements().stream().filter(r -> r.sql().contains("COUNT(*)")).count()).isEqualTo(1);
        for (String query : List.of("project_id=4&limit=5&offset=20", "project_id=4&limit=9&offset=1100&ordering=-timestamp",
                "project_id=4&limit=9&offset=1195&ordering=path")) {
            Listed again = list(captures::list, "/api/v2/captures/", query);
            Listed oracle = list(exact::list, "/api/v2/captures/", query);
            assertThat(again.ids()).as(query).isEqualTo(oracle.ids());
            assertThat(again.count()).isEqualTo(oracle.count()).isEqualTo(first.count());
            assertThat(again.statements()).noneMatch(r -> r.sql().contains("COUNT(*)"));
        }
    }

    @Test
    void anExpiredTotalIsCountedAgain() throws Exception {
        OccurrenceApi api = new OccurrenceApi(ferry(), null, OccurrenceApi.Loading.PREFETCH, Duration.ofMillis(200));
        long before = list(api, "project_id=4&deployment=40").count();
        addOccurrence();
        Thread.sleep(400);
        Listed after = list(api, "project_id=4&deployment=40");
        assertThat(after.counted()).isTrue();
        assertThat(after.count()).isEqualTo(before + 1);
    }

    @Test
    void withoutACacheEveryPageCounts() throws SQLException {
        OccurrenceApi api = new OccurrenceApi(ferry(), null, OccurrenceApi.Loading.PREFETCH, Duration.ZERO);
        long before = list(api, "project_id=4&limit=3").count();
        addOccurrence();
        Listed after = list(api, "project_id=4&limit=3");
        assertThat(after.counted()).isTrue();
        assertThat(after.count()).isEqualTo(before + 1);
        assertThatThrownBy(() -> new OccurrenceApi(ferry(), null, OccurrenceApi.Loading.PREFETCH, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("countCache must not be negative");
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = ListTotalsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
