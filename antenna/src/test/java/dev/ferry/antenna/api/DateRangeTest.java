package dev.ferry.antenna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Entities;
import dev.ferry.antenna.testing.TestPostgres;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The list's date filter ({@code date_start}, {@code date_end}: some detection's date in the range) answered from
 * the maintained first and last appearance, checked against the plain definition (an EXISTS over the detections)
 * for every range of a fortnight: occurrences of one detection and of several, spanning up to nine days with gaps
 * (a range inside a gap matches nothing, a range around a detection inside the span matches), detections without a
 * timestamp, and writes that make an occurrence longer than any before (the bound of the index search moves).
 */
class DateRangeTest {

    private static final Observer OBSERVER = Observer.builder().logReports(false).build();
    private static final LocalDate FIRST = LocalDate.of(2023, 7, 30);
    private static final int DAYS = 14;
    private static HikariDataSource pool;
    private static OccurrenceApi api;

    @BeforeAll
    static void start() throws Exception {
        pool = TestPostgres.pool(TestPostgres.freshDatabase("date_range"), 2);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO main_project (id, created_at, updated_at, name, draft, default_filters_score_threshold)
                    VALUES (7, '2023-01-01', '2023-01-01', 'Spans', false, 0);
                    INSERT INTO main_deployment (id, created_at, updated_at, name, project_id)
                    VALUES (70, '2023-01-01', '2023-01-01', 'Spans Station', 7);
                    INSERT INTO main_sourceimage (id, created_at, updated_at, path, timestamp, project_id, deployment_id)
                    VALUES (70, '2023-08-01', '2023-08-01', 'spans.jpg', '2023-08-01 22:00:00', 7, 70);
                    INSERT INTO main_occurrence (id, created_at, updated_at, determination_score, deployment_id, project_id)
                    SELECT g, '2023-08-01', '2023-08-01', 0.9, 70, 7 FROM generate_series(1, 300) g;
                    -- 1 to 4 detections per occurrence, hours to days apart (up to 9 days from the first), some
                    -- at the very start or end of a day, one in 17 without a timestamp
                    INSERT INTO main_detection (id, created_at, updated_at, source_image_id, timestamp, occurrence_id)
                    SELECT g * 10 + k, '2023-08-01', '2023-08-01', 70,
                           CASE WHEN (g * 7 + k) % 17 = 0 THEN NULL
                                ELSE timestamp '2023-07-31 00:00:00' + ((g * 37) % 11) * interval '1 day'
                                     + (k * k * ((g % 5) + 1) * 9 + (g % 3) * 7) * interval '1 hour'
                                     - CASE WHEN g % 13 = 0 THEN interval '1 microsecond' ELSE interval '0' END
                           END, g
                    FROM generate_series(1, 300) g, generate_series(0, 3) k
                    WHERE k <= g % 4;
                    ANALYZE;
                    """);
        }
        api = new OccurrenceApi(Entities.register(Ferry.builder(OBSERVER.wrap(pool))).build(), "https://media.example.org/");
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void everyRangeMatchesWhatTheDetectionsSay() throws SQLException {
        int nonEmpty = 0;
        for (int a = 0; a < DAYS; a++) {
            LocalDate start = FIRST.plusDays(a);
            for (int b = a; b < DAYS; b++) {
                LocalDate end = FIRST.plusDays(b);
                nonEmpty += assertSame("&date_start=" + start + "&date_end=" + end, start, end) ? 1 : 0;
            }
            assertSame("&date_start=" + start, start, null);
            assertSame("&date_end=" + start, null, start);
        }
        assertThat(nonEmpty).as("most ranges match some occurrences").isGreaterThan(DAYS * DAYS / 4);
    }

    @Test
    void aRangeInsideTheGapOfASpanningOccurrenceMissesItAndOneAroundADetectionFindsIt() throws SQLException {
        // Occurrence 1000: detections on Aug 1 and Aug 9 only.
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO main_occurrence (id, created_at, updated_at, determination_score, deployment_id, project_id)
                    VALUES (1000, '2023-08-01', '2023-08-01', 0.9, 70, 7);
                    INSERT INTO main_detection (id, created_at, updated_at, source_image_id, timestamp, occurrence_id)
                    VALUES (100001, '2023-08-01', '2023-08-01', 70, '2023-08-01 23:00:00', 1000),
                           (100002, '2023-08-01', '2023-08-01', 70, '2023-08-09 01:00:00', 1000);
                    """);
        }
        try {
            assertThat(ids("&date_start=2023-08-03&date_end=2023-08-06")).doesNotContain(1000L);
            assertSame("&date_start=2023-08-03&date_end=2023-08-06", LocalDate.of(2023, 8, 3), LocalDate.of(2023, 8, 6));
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // a detection inside the gap: now only the probe of main_detection can tell
                s.execute("INSERT INTO main_detection (id, created_at, updated_at, source_image_id, timestamp, occurrence_id)"
                        + " VALUES (100003, '2023-08-01', '2023-08-01', 70, '2023-08-05 02:00:00', 1000)");
            }
            assertThat(ids("&date_start=2023-08-03&date_end=2023-08-06")).contains(1000L);
            assertSame("&date_start=2023-08-03&date_end=2023-08-06", LocalDate.of(2023, 8, 3), LocalDate.of(2023, 8, 6));
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // longer than any occurrence before: the bound of the index search must follow at once
                s.execute("INSERT INTO main_detection (id, created_at, updated_at, source_image_id, timestamp, occurrence_id)"
                        + " VALUES (100004, '2023-08-01', '2023-08-01', 70, '2023-06-01 02:00:00', 1000)");
            }
            for (String range : List.of("2023-06-01", "2023-08-05", "2023-08-09")) {
                LocalDate day = LocalDate.parse(range);
                assertThat(ids("&date_start=" + range)).as("from " + range).contains(1000L);
                assertSame("&date_start=" + range, day, null);
                assertSame("&date_start=" + range + "&date_end=" + range, day, day);
            }
        } finally {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM main_detection WHERE occurrence_id = 1000; DELETE FROM main_occurrence WHERE id = 1000");
            }
        }
    }

    @Test
    void aDateFilterCostsOneStatementMoreThanTheList() {
        long without = statements("");
        assertThat(statements("&date_start=2023-08-02&date_end=2023-08-04")).isEqualTo(without + 1);
        assertThat(statements("&date_end=2023-08-04")).isEqualTo(without + 1);
    }

    /** Asserts the API's ids and count for {@code filter} equal the plain definition's; true when some match. */
    private static boolean assertSame(String filter, LocalDate start, LocalDate end) throws SQLException {
        JsonNode page = list(filter);
        List<Long> want = oracle(start, end);
        assertThat(ids(page)).as(filter).isEqualTo(want);
        assertThat(page.get("count").asLong()).as(filter).isEqualTo(want.size());
        return !want.isEmpty();
    }

    /** The ids with a detection dated within [start, end] (either end open when null), by id descending: the order
     * of {@code -created_at}, which every row shares, ties broken by the id in the same direction. */
    private static List<Long> oracle(LocalDate start, LocalDate end) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT o.id FROM main_occurrence o"
                + " WHERE o.project_id = 7 AND EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id"
                + " AND d.timestamp::date >= coalesce(?::date, '-infinity') AND d.timestamp::date <= coalesce(?::date, 'infinity'))"
                + " ORDER BY o.id DESC")) {
            ps.setObject(1, start);
            ps.setObject(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static List<Long> ids(String filter) {
        return ids(list(filter));
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("results").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static JsonNode list(String filter) {
        return OccurrenceApiTest.render(api.list(request(filter)));
    }

    private static long statements(String filter) {
        try (Scope scope = OBSERVER.scope("list")) {
            api.list(request(filter));
            return scope.count();
        }
    }

    private static ApiRequest request(String filter) {
        return new ApiRequest("http://testserver", "/api/v2/occurrences/",
                OccurrenceApiTest.params("project_id=7&ordering=-created_at&limit=1000" + filter));
    }
}
