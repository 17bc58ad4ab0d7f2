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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The occurrence list's count cache: a total is reused for the same project and filters during its time to live
 * (the page is then read without the count), never across different filters, and not at all when it is zero.
 */
class CountCacheTest {

    private static final Observer OBSERVER = Observer.builder().logReports(false).build();
    private static final String TOTAL = "(SELECT COUNT(*) FROM main_occurrence";
    private static HikariDataSource pool;
    private static Ferry ferry;
    private static long nextId = 900_000;

    @BeforeAll
    static void start() throws Exception {
        pool = TestPostgres.pool(TestPostgres.freshDatabase("count_cache"), 2);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(script("/occurrences/fixture.sql"));
            s.execute(script("/occurrences/bulk.sql"));
            s.execute("ANALYZE");
        }
        ferry = Ferry.builder(OBSERVER.wrap(pool))
                .entities(Entities.TYPES.toArray(Class<?>[]::new))
                .metamodels(Entities.METAMODELS.toArray(Class<?>[]::new))
                .build();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    /** The count and the statements of one list request. */
    private record Listed(long count, List<StatementRecord> statements) {
        boolean counted() {
            return statements.stream().anyMatch(r -> r.sql().contains(TOTAL));
        }
    }

    private static Listed list(OccurrenceApi api, String query) {
        ApiRequest request = new ApiRequest("http://testserver", "/api/v2/occurrences/", OccurrenceApiTest.params(query));
        try (Scope scope = OBSERVER.scope("list")) {
            long count = OccurrenceApiTest.render(api.list(request)).get("count").asLong();
            return new Listed(count, scope.statements());
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
        OccurrenceApi api = new OccurrenceApi(ferry, null, OccurrenceApi.Loading.PREFETCH, Duration.ofMinutes(10));
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
    void anExpiredTotalIsCountedAgain() throws Exception {
        OccurrenceApi api = new OccurrenceApi(ferry, null, OccurrenceApi.Loading.PREFETCH, Duration.ofMillis(200));
        long before = list(api, "project_id=4&deployment=40").count();
        addOccurrence();
        Thread.sleep(400);
        Listed after = list(api, "project_id=4&deployment=40");
        assertThat(after.counted()).isTrue();
        assertThat(after.count()).isEqualTo(before + 1);
    }

    @Test
    void withoutACacheEveryPageCounts() throws SQLException {
        OccurrenceApi api = new OccurrenceApi(ferry, null, OccurrenceApi.Loading.PREFETCH, Duration.ZERO);
        long before = list(api, "project_id=4&limit=3").count();
        addOccurrence();
        Listed after = list(api, "project_id=4&limit=3");
        assertThat(after.counted()).isTrue();
        assertThat(after.count()).isEqualTo(before + 1);
        assertThatThrownBy(() -> new OccurrenceApi(ferry, null, OccurrenceApi.Loading.PREFETCH, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("countCache must not be negative");
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = CountCacheTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
