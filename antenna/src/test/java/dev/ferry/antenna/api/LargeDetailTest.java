package dev.ferry.antenna.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Detection_;
import dev.ferry.antenna.model.Entities;
import dev.ferry.antenna.model.Identification_;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Occurrence_;
import dev.ferry.antenna.model.Taxon_;
import dev.ferry.antenna.testing.TestPostgres;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An occurrence with more detections than a detail loads with it ({@link OccurrenceApi#INLINE_DETECTIONS}): the
 * detail reads them in chunks while it writes, and the document is the one the whole occurrence loaded at once
 * gives, predictions (each algorithm's top score, ties included, over every classification) and images included.
 */
class LargeDetailTest {

    private static final Observer OBSERVER = Observer.builder().logReports(false).build();
    private static final int DETECTIONS = OccurrenceApi.INLINE_DETECTIONS * 2 + 345;
    private static HikariDataSource pool;
    private static Ferry ferry;
    private static OccurrenceApi api;

    @BeforeAll
    static void start() throws Exception {
        pool = TestPostgres.pool(TestPostgres.freshDatabase("large_detail"), 2);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(TestService.resource("/occurrences/fixture.sql"));
            s.execute(TestService.resource("/occurrences/bulk.sql"));
            s.execute(TestService.resource("/occurrences/large.sql").replace("DETECTIONS", Integer.toString(DETECTIONS)));
            s.execute("ANALYZE");
        }
        ferry = Entities.register(Ferry.builder(OBSERVER.wrap(pool))).build();
        api = new OccurrenceApi(ferry, "https://media.example.org/");
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void aLargeOccurrencesDetailIsTheWholeOnesDocumentReadInChunks() {
        ApiRequest request = new ApiRequest("http://testserver", "/api/v2/occurrences/900000/", Map.of());
        JsonNode chunked;
        long statements;
        try (Scope scope = OBSERVER.scope("detail")) {
            chunked = OccurrenceApiTest.render(api.detail(request, 900000));
            statements = scope.count();
        }
        // The same document from the occurrence loaded whole (what the detail did before it read in chunks).
        Occurrence whole = ferry.from(Occurrence.class).where(Occurrence_.ID.eq(900000L))
                .annotate(Occurrence_.DETECTIONS_COUNT, dev.ferry.antenna.model.Maintained.DETECTIONS_COUNT)
                .annotate(Occurrence_.FIRST_APPEARANCE_TIMESTAMP, dev.ferry.antenna.model.Maintained.FIRST_APPEARANCE)
                .annotate(Occurrence_.LAST_APPEARANCE_TIMESTAMP, dev.ferry.antenna.model.Maintained.LAST_APPEARANCE)
                .annotate(Occurrence_.FIRST_APPEARANCE_TIME, dev.ferry.antenna.model.Maintained.FIRST_APPEARANCE_TIME)
                .join(Occurrence_.DETERMINATION.then(Taxon_.PARENT), Occurrence_.DEPLOYMENT, Occurrence_.EVENT)
                .prefetch(Occurrence_.DETECTIONS, d -> OccurrenceApi.detailDetections(d)
                        .prefetch(Detection_.CLASSIFICATIONS, OccurrenceApi.classifications()))
                .prefetch(Occurrence_.IDENTIFICATIONS, q -> q.orderBy(Identification_.CREATED_AT.desc(), Identification_.ID.desc())
                        .join(Identification_.TAXON.then(Taxon_.PARENT), Identification_.USER))
                .get(900000L);
        JsonNode expected = OccurrenceApiTest.render(json -> new OccurrenceJson(json,
                Links.of(request, "https://media.example.org/")).occurrence(whole, OccurrenceJson.loaded(whole)));

        assertThat(chunked.get("detections")).hasSize(DETECTIONS);
        assertThat(chunked.get("predictions").size()).as("ties at the top of each algorithm").isGreaterThan(2);
        assertThat(chunked.get("detection_images")).hasSize(OccurrenceJson.DETAIL_DETECTION_IMAGES);
        assertThat(chunked).isEqualTo(expected);
        // 4 for the first look (1,001 detections), then the predictions' pass and rows, the images, and the
        // detections: one cursor read in chunks of 1,000, and the classifications of each chunk
        int chunks = (DETECTIONS + OccurrenceApi.INLINE_DETECTIONS - 1) / OccurrenceApi.INLINE_DETECTIONS;
        assertThat(statements).isEqualTo(4 + 3 + 1 + chunks);
    }

    @Test
    void aSmallOccurrencesDetailStaysFourStatements() {
        ApiRequest request = new ApiRequest("http://testserver", "/api/v2/occurrences/101/", Map.of());
        try (Scope scope = OBSERVER.scope("detail")) {
            OccurrenceApiTest.render(api.detail(request, 101));
            assertThat(scope.count()).isEqualTo(4);
        }
    }
}
