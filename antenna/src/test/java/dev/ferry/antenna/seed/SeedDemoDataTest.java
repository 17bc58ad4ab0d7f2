package dev.ferry.antenna.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Entities;
import dev.ferry.antenna.testing.TestPostgres;
import dev.ferry.maintain.Maintenance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One 2,000-occurrence seed, checked for shape, ratios and internal consistency in SQL. */
class SeedDemoDataTest {

    static final int N = 2_000;
    static HikariDataSource ds;
    static DemoData.Summary summary;
    static final List<String> phases = new ArrayList<>();
    static long stepped;

    @BeforeAll
    static void seed() throws SQLException {
        ds = TestPostgres.pool(TestPostgres.freshDatabase("seed_demo_data"), 2);
        summary = DemoData.seed(ds, new DemoData.Options(7, N, false), new Progress() {
            @Override
            public void start(String phase, long total) {
                phases.add(phase);
            }

            @Override
            public void step(long n) {
                stepped += n;
            }

            @Override
            public void done() {
            }
        });
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void summaryCountsTheRowsInEveryTable() throws SQLException {
        assertThat(summary.rows().keySet()).containsExactlyElementsOf(DemoData.TABLES);
        for (String table : DemoData.TABLES) {
            assertThat(summary.rows(table)).as(table).isEqualTo(q("SELECT count(*) FROM " + table)).isPositive();
        }
        assertThat(summary.rows("main_occurrence")).isEqualTo(N);
        assertThat(summary.elapsed()).isPositive();
        assertThat(phases).contains("analyze").hasSizeGreaterThanOrEqualTo(4);
        assertThat(stepped).isGreaterThanOrEqualTo(N);
    }

    @Test
    void smallTablesHaveTheIntendedShape() throws SQLException {
        assertThat(q("SELECT count(*) FROM users_user")).isEqualTo(25);
        assertThat(q("SELECT count(*) FROM users_user WHERE is_superuser")).isEqualTo(1);
        assertThat(q("SELECT count(*) FROM main_project")).isEqualTo(3);
        assertThat(q("SELECT count(*) FROM main_project WHERE draft")).isEqualTo(1);
        assertThat(q("SELECT count(*) FROM main_project WHERE default_filters_score_threshold = 0.5")).isEqualTo(3);
        // project 2 includes one family, project 1 excludes taxa
        assertThat(q("SELECT count(*) FROM main_project_default_filters_include_taxa i JOIN main_taxon t "
                + "ON t.id = i.taxon_id WHERE i.project_id = 2 AND t.rank = 'FAMILY'")).isEqualTo(1);
        assertThat(q("SELECT count(*) FROM main_project_default_filters_exclude_taxa WHERE project_id = 1"))
                .isPositive();
        assertThat(q("SELECT count(*) FROM main_deployment")).isEqualTo(3);
        assertThat(q("SELECT count(*) FROM main_deployment WHERE name ~ '^[A-Z][a-z]+ Station [0-9]+$' "
                + "AND latitude IS NOT NULL AND longitude IS NOT NULL AND data_source_id IS NOT NULL "
                + "AND research_site_id IS NOT NULL AND device_id IS NOT NULL")).isEqualTo(3);
        // most occurrences belong to project 1
        assertThat(q("SELECT count(*) FROM main_occurrence WHERE project_id = 1")).isBetween(1_300L, 1_500L);
        assertThat(q("SELECT count(DISTINCT task_type) FROM ml_algorithm")).isEqualTo(2);
        assertThat(q("SELECT count(*) FROM ml_algorithm WHERE key = 'quebec-vermont-species-classifier'"))
                .isEqualTo(1);
        assertThat(q("SELECT count(*) FROM jobs_job WHERE status NOT IN ('SUCCESS', 'FAILURE', 'STARTED')"))
                .isZero();
        assertThat(q("SELECT count(DISTINCT deployment_id) FROM jobs_job")).isEqualTo(3);
        // every membership's user can log in as a member of that project, owners included
        assertThat(q("SELECT count(*) FROM main_project p WHERE NOT EXISTS (SELECT 1 FROM "
                + "main_userprojectmembership m WHERE m.project_id = p.id AND m.user_id = p.owner_id)")).isZero();
    }

    @Test
    void taxaFormATreeWithCachedParents() throws SQLException {
        assertThat(q("SELECT count(*) FROM main_taxon WHERE rank = 'SPECIES'")).isEqualTo(1_000);
        assertThat(q("SELECT count(DISTINCT rank) FROM main_taxon WHERE rank IN "
                + "('CLASS', 'ORDER', 'FAMILY', 'SUBFAMILY', 'TRIBE', 'GENUS', 'SPECIES')")).isEqualTo(7);
        assertThat(q("SELECT count(*) FROM main_taxon WHERE parent_id IS NULL")).isEqualTo(1);
        assertThat(q("SELECT count(*) FROM main_taxon WHERE gbif_taxon_key IS NOT NULL")).isPositive();
        assertThat(q("SELECT count(*) FROM main_taxon WHERE inat_taxon_id IS NOT NULL")).isPositive();
        // species hang under genera, genera under tribes, subfamilies or families
        assertThat(q("SELECT count(*) FROM main_taxon s JOIN main_taxon g ON g.id = s.parent_id "
                + "WHERE s.rank = 'SPECIES' AND g.rank <> 'GENUS'")).isZero();
        assertThat(q("SELECT count(*) FROM main_taxon g JOIN main_taxon p ON p.id = g.parent_id "
                + "WHERE g.rank = 'GENUS' AND p.rank NOT IN ('TRIBE', 'SUBFAMILY', 'FAMILY')")).isZero();
        // parents_json is exactly the chain of parent_id, root first
        assertThat(q("""
                WITH RECURSIVE chain AS (
                    SELECT t.id AS taxon_id, t.parent_id AS ancestor_id, 1 AS depth
                    FROM main_taxon t WHERE t.parent_id IS NOT NULL
                    UNION ALL
                    SELECT c.taxon_id, a.parent_id, c.depth + 1
                    FROM chain c JOIN main_taxon a ON a.id = c.ancestor_id WHERE a.parent_id IS NOT NULL
                ), expected AS (
                    SELECT t.id, coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'rank', a.rank)
                               ORDER BY c.depth DESC) FILTER (WHERE a.id IS NOT NULL), '[]'::jsonb) AS parents
                    FROM main_taxon t
                    LEFT JOIN chain c ON c.taxon_id = t.id
                    LEFT JOIN main_taxon a ON a.id = c.ancestor_id
                    GROUP BY t.id
                )
                SELECT count(*) FROM main_taxon t JOIN expected e ON e.id = t.id WHERE t.parents_json <> e.parents
                """)).isZero();
        assertThat(q("SELECT min(jsonb_array_length(parents_json)) FROM main_taxon WHERE rank = 'SPECIES'"))
                .isGreaterThanOrEqualTo(4);
        // the descendant filter the API uses finds the species of the included family
        assertThat(q("SELECT count(*) FROM main_taxon t, main_project_default_filters_include_taxa i "
                + "WHERE i.project_id = 2 AND t.rank = 'SPECIES' "
                + "AND t.parents_json @> jsonb_build_array(jsonb_build_object('id', i.taxon_id))")).isPositive();
    }

    @Test
    void occurrencesHaveDetectionsOnConsecutiveCapturesOfTheirNight() throws SQLException {
        assertThat(q("SELECT count(*) FROM main_occurrence o WHERE NOT EXISTS "
                + "(SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id)")).isZero();
        assertThat(q("SELECT count(*) FROM main_detection WHERE occurrence_id IS NULL")).isZero();
        // the occurrence's event, deployment and project are its detections' capture's
        assertThat(q("SELECT count(*) FROM main_detection d JOIN main_sourceimage s ON s.id = d.source_image_id "
                + "JOIN main_occurrence o ON o.id = d.occurrence_id WHERE s.event_id <> o.event_id "
                + "OR s.deployment_id <> o.deployment_id OR s.project_id <> o.project_id "
                + "OR d.timestamp <> s.timestamp")).isZero();
        assertThat(q("SELECT count(*) FROM (SELECT occurrence_id FROM main_detection GROUP BY occurrence_id "
                + "HAVING max(frame_num) - min(frame_num) + 1 <> count(*) OR count(DISTINCT source_image_id) "
                + "<> count(*)) x")).isZero();
        double perOccurrence = (double) q("SELECT count(*) FROM main_detection") / N;
        assertThat(perOccurrence).isBetween(1.12, 1.40);
        long multi = q("SELECT count(*) FROM (SELECT 1 FROM main_detection GROUP BY occurrence_id "
                + "HAVING count(*) > 1) x");
        assertThat(multi).isBetween(120L, 280L); // ~10%
        assertThat(q("SELECT max(n) FROM (SELECT count(*) n FROM main_detection GROUP BY occurrence_id) x"))
                .isBetween(2L, 5L);
        // crop paths: ~95% set, shaped like the platform's
        long withPath = q("SELECT count(*) FROM main_detection WHERE path IS NOT NULL");
        long detections = q("SELECT count(*) FROM main_detection");
        assertThat((double) withPath / detections).isBetween(0.91, 0.99);
        assertThat(q("SELECT count(*) FROM main_detection WHERE path !~ "
                + "'^detections/[a-z]+-station-[0-9]+/[0-9]{14}-det-[0-9]+\\.jpg$'")).isZero();
        assertThat(q("SELECT count(*) FROM main_detection WHERE jsonb_array_length(bbox) <> 4 "
                + "OR (bbox->>0)::int >= (bbox->>2)::int OR (bbox->>1)::int >= (bbox->>3)::int "
                + "OR (bbox->>2)::int > 4096 OR (bbox->>3)::int > 2160 OR detection_algorithm_id IS NULL "
                + "OR detection_score NOT BETWEEN 0 AND 1")).isZero();
    }

    @Test
    void capturesAndNightsLookLikeTheirOriginals() throws SQLException {
        assertThat(q("SELECT count(*) FROM main_sourceimage WHERE path !~ "
                + "'^[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9]{14}-snapshot\\.jpg$' OR width <> 4096 OR height <> 2160 "
                + "OR to_char(timestamp, 'YYYYMMDDHH24MISS') <> substring(path from 12 for 14)")).isZero();
        assertThat(q("SELECT count(DISTINCT size) FROM main_sourceimage")).isGreaterThan(1_000);
        // nights start in the evening and end the next morning
        assertThat(q("SELECT count(*) FROM main_event WHERE start::time NOT BETWEEN '20:00' AND '22:00' "
                + "OR \"end\"::time NOT BETWEEN '04:30' AND '06:00' OR \"end\"::date <> start::date + 1 "
                + "OR group_by <> to_char(start, 'YYYY-MM-DD')")).isZero();
        assertThat(q("SELECT count(*) FROM main_sourceimage s JOIN main_event e ON e.id = s.event_id "
                + "WHERE s.timestamp NOT BETWEEN e.start AND e.\"end\" OR s.deployment_id <> e.deployment_id "
                + "OR s.project_id <> e.project_id")).isZero();
        long captures = q("SELECT count(*) FROM main_sourceimage");
        assertThat((double) captures / N).isBetween(0.8, 2.5);
    }

    @Test
    void classificationsFollowThePipeline() throws SQLException {
        long detections = q("SELECT count(*) FROM main_detection");
        double perDetection = (double) q("SELECT count(*) FROM main_classification") / detections;
        assertThat(perDetection).isBetween(1.85, 2.15);
        // the binary classifier is never terminal, the species classifiers always are
        assertThat(q("SELECT count(*) FROM main_classification c JOIN ml_algorithm a ON a.id = c.algorithm_id "
                + "WHERE c.terminal <> (a.key <> 'moth-nonmoth-classifier') OR c.category_map_id <> "
                + "a.category_map_id")).isZero();
        // ~10% of detections have a third classification by the second species classifier
        long reprocessed = q("SELECT count(*) FROM main_classification c JOIN ml_algorithm a "
                + "ON a.id = c.algorithm_id WHERE a.key = 'global-moth-species-classifier'");
        assertThat((double) reprocessed / detections).isBetween(0.06, 0.14);
        // ~2% of occurrences have no classification and no determination
        long unclassified = q("SELECT count(*) FROM main_occurrence o WHERE NOT EXISTS (SELECT 1 FROM "
                + "main_classification c JOIN main_detection d ON d.id = c.detection_id WHERE d.occurrence_id = o.id)");
        assertThat(unclassified).isBetween(15L, 70L);
        assertThat(q("SELECT count(*) FROM main_occurrence WHERE determination_id IS NULL")).isEqualTo(unclassified);
        assertThat(q("SELECT count(*) FROM main_occurrence WHERE (determination_id IS NULL) "
                + "<> (determination_score IS NULL)")).isZero();
        assertThat(q("SELECT count(*) FROM main_classification c JOIN main_detection d ON d.id = c.detection_id "
                + "WHERE c.timestamp <= d.created_at OR c.created_at < c.timestamp")).isZero();
        assertThat(q("SELECT count(*) FROM main_classification WHERE score NOT BETWEEN 0 AND 1")).isZero();
        // only the binary classifier stores its (two-class) arrays
        assertThat(q("SELECT count(*) FROM main_classification WHERE (scores IS NULL) <> terminal "
                + "OR (scores IS NOT NULL AND (cardinality(scores) <> 2 OR cardinality(logits) <> 2 "
                + "OR abs(scores[1] + scores[2] - 1) > 1e-9))")).isZero();
        // the default 0.5 score filter has work to do
        long low = q("SELECT count(*) FROM main_occurrence WHERE determination_score < 0.5");
        assertThat((double) low / N).isBetween(0.08, 0.5);
    }

    @Test
    void identificationsAreRareAndSomeAreWithdrawn() throws SQLException {
        long identified = q("SELECT count(DISTINCT occurrence_id) FROM main_identification");
        assertThat((double) identified / N).isBetween(0.03, 0.075);
        assertThat(q("SELECT count(*) FROM main_identification WHERE withdrawn")).isPositive();
        assertThat(q("SELECT count(*) FROM main_identification WHERE comment = ''"))
                .isGreaterThan(q("SELECT count(*) FROM main_identification") / 2);
        // a withdrawn identification is older than the same person's current one
        assertThat(q("SELECT count(*) FROM main_identification w JOIN main_identification c "
                + "ON c.occurrence_id = w.occurrence_id AND c.user_id = w.user_id AND NOT c.withdrawn "
                + "WHERE w.withdrawn AND w.created_at >= c.created_at")).isZero();
        // identifiers are members of the occurrence's project, and come after the machine
        assertThat(q("SELECT count(*) FROM main_identification i JOIN main_occurrence o ON o.id = i.occurrence_id "
                + "WHERE i.created_at <= o.created_at OR NOT EXISTS (SELECT 1 FROM main_userprojectmembership m "
                + "WHERE m.user_id = i.user_id AND m.project_id = o.project_id)")).isZero();
        assertThat(q("SELECT count(*) FROM main_identification WHERE agreed_with_prediction_id IS NOT NULL"))
                .isPositive();
        assertThat(q("SELECT count(*) FROM main_identification i JOIN main_classification c "
                + "ON c.id = i.agreed_with_prediction_id WHERE c.taxon_id <> i.taxon_id")).isZero();
        assertThat(q("SELECT count(*) FROM main_identification i JOIN main_identification a "
                + "ON a.id = i.agreed_with_identification_id WHERE a.taxon_id <> i.taxon_id "
                + "OR a.occurrence_id <> i.occurrence_id")).isZero();
    }

    @Test
    void commentsSurviveCopyEscaping() throws SQLException {
        List<String> stored = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT comment FROM main_identification WHERE comment <> ''")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        assertThat(stored).isNotEmpty().isSubsetOf(NightWriter.COMMENTS);
        assertThat(q("SELECT count(*) FROM users_user WHERE name = 'Noah Bergström' "
                + "AND email = 'noah.bergstrom@example.org'")).isEqualTo(1);
    }

    @Test
    void determinationFollowsThePlatformsRule() throws SQLException {
        // latest non-withdrawn identification (score 1.0), else the best prediction: among each
        // algorithm's top-scoring classifications, terminal first, then score, then id.
        assertThat(q("""
                WITH maxes AS (
                    SELECT d.occurrence_id, c.algorithm_id, max(c.score) AS m
                    FROM main_classification c JOIN main_detection d ON d.id = c.detection_id
                    WHERE c.score IS NOT NULL GROUP BY 1, 2
                ), best_prediction AS (
                    SELECT DISTINCT ON (d.occurrence_id) d.occurrence_id, c.taxon_id, c.score
                    FROM main_classification c JOIN main_detection d ON d.id = c.detection_id
                    JOIN maxes x ON x.occurrence_id = d.occurrence_id AND x.algorithm_id = c.algorithm_id
                        AND x.m = c.score
                    ORDER BY d.occurrence_id, c.terminal DESC, c.score DESC, c.id DESC
                ), best_identification AS (
                    SELECT DISTINCT ON (occurrence_id) occurrence_id, taxon_id
                    FROM main_identification WHERE NOT withdrawn
                    ORDER BY occurrence_id, created_at DESC, id DESC
                )
                SELECT count(*) FROM main_occurrence o
                LEFT JOIN best_identification i ON i.occurrence_id = o.id
                LEFT JOIN best_prediction p ON p.occurrence_id = o.id
                WHERE o.determination_id IS DISTINCT FROM coalesce(i.taxon_id, p.taxon_id)
                   OR o.determination_score IS DISTINCT FROM
                      (CASE WHEN i.occurrence_id IS NOT NULL THEN 1.0 ELSE p.score END)
                """)).isZero();
        // both branches occur: verified occurrences, and some whose only identification was withdrawn
        assertThat(q("SELECT count(*) FROM main_occurrence WHERE determination_score = 1.0")).isPositive();
        assertThat(q("SELECT count(*) FROM main_occurrence o WHERE o.determination_score = 1.0 AND NOT EXISTS "
                + "(SELECT 1 FROM main_identification i WHERE i.occurrence_id = o.id AND NOT i.withdrawn)")).isZero();
        // non-moths are determined by the (non-terminal) binary classifier
        assertThat(q("SELECT count(*) FROM main_occurrence o JOIN main_taxon t ON t.id = o.determination_id "
                + "WHERE t.name = 'Not Lepidoptera'")).isPositive();
        assertThat(q("SELECT count(*) FROM main_occurrence WHERE updated_at < created_at")).isZero();
    }

    @Test
    void countersMatchTheRows() throws SQLException {
        assertThat(q("""
                SELECT count(*) FROM main_sourceimage s
                WHERE s.detections_count <> (SELECT count(*) FROM main_detection d WHERE d.source_image_id = s.id)
                """)).isZero();
        assertThat(q("""
                SELECT count(*) FROM main_event e
                WHERE e.captures_count <> (SELECT count(*) FROM main_sourceimage s WHERE s.event_id = e.id)
                   OR e.detections_count <> (SELECT count(*) FROM main_detection d
                                             JOIN main_sourceimage s ON s.id = d.source_image_id
                                             WHERE s.event_id = e.id)
                   OR e.occurrences_count <> (SELECT count(*) FROM main_occurrence o WHERE o.event_id = e.id)
                   OR e.start <> (SELECT min(timestamp) FROM main_sourceimage s WHERE s.event_id = e.id)
                   OR e."end" <> (SELECT max(timestamp) FROM main_sourceimage s WHERE s.event_id = e.id)
                   OR e.calculated_fields_updated_at IS NULL
                """)).isZero();
        assertThat(q("""
                SELECT count(*) FROM main_deployment dep
                WHERE dep.events_count IS DISTINCT FROM (SELECT count(*) FROM main_event e WHERE e.deployment_id = dep.id)
                   OR dep.captures_count IS DISTINCT FROM
                      (SELECT count(*) FROM main_sourceimage s WHERE s.deployment_id = dep.id)
                   OR dep.detections_count IS DISTINCT FROM (SELECT count(*) FROM main_detection d
                        JOIN main_sourceimage s ON s.id = d.source_image_id WHERE s.deployment_id = dep.id)
                   OR dep.occurrences_count IS DISTINCT FROM
                      (SELECT count(*) FROM main_occurrence o WHERE o.deployment_id = dep.id)
                   OR dep.taxa_count IS DISTINCT FROM (SELECT count(DISTINCT o.determination_id)
                        FROM main_occurrence o WHERE o.deployment_id = dep.id)
                   OR dep.first_capture_timestamp IS DISTINCT FROM
                      (SELECT min(timestamp) FROM main_sourceimage s WHERE s.deployment_id = dep.id)
                   OR dep.last_capture_timestamp IS DISTINCT FROM
                      (SELECT max(timestamp) FROM main_sourceimage s WHERE s.deployment_id = dep.id)
                """)).isZero();
    }

    @Test
    void identitySequencesContinueAfterTheLoadedIds() throws SQLException {
        for (String table : DemoData.TABLES) {
            assertThat(q("SELECT last_value FROM " + seq(table))).as(table)
                    .isEqualTo(q("SELECT max(id) FROM " + table));
        }
    }

    @Test
    void indexesAndForeignKeysAreRebuiltAsMigrated() throws SQLException {
        try (HikariDataSource migrated = TestPostgres.pool(TestPostgres.freshDatabase("seed_demo_schema"), 1)) {
            String indexes = "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'";
            String constraints = "SELECT conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) "
                    + "FROM pg_constraint WHERE connamespace = 'public'::regnamespace";
            assertThat(strings(ds, indexes)).hasSizeGreaterThan(50).isEqualTo(strings(migrated, indexes));
            assertThat(strings(ds, constraints)).hasSizeGreaterThan(50).isEqualTo(strings(migrated, constraints));
        }
    }

    @Test
    void theMaintainedColumnsHoldWhatFerryComputes() throws SQLException {
        // The seeder writes them itself (its triggers are off during the load): Ferry's own computation is the oracle.
        Maintenance maintenance = Entities.register(Ferry.builder(ds)).build().maintenance();
        Maintenance.Verification v = maintenance.verify(5);
        assertThat(v.rows()).as("rows whose maintained columns differ: %s", v.examples()).isZero();
        assertThat(q("SELECT count(*) FROM main_occurrence WHERE detections_count > 1")).as("some occurrences span captures")
                .isPositive();
        assertThat(q("SELECT count(*) FROM main_occurrence WHERE identifications_count > 0")).isPositive();
        assertThat(q("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'ferry%' AND tgenabled = 'O'"))
                .as("the triggers are on again after the load").isPositive();
    }

    @Test
    void bigTablesAreLoadedFrozenAndAnalysed() throws SQLException {
        // COPY FREEZE marks every page it fills all-visible (otherwise only a vacuum would); the
        // pages it leaves out are the empty ones a COPY's bulk file extension over-allocates
        for (String table : List.of("main_occurrence", "main_detection", "main_classification")) {
            long pagesWithRows = q("SELECT count(DISTINCT (ctid::text::point)[0]) FROM " + table);
            assertThat(q("SELECT relallvisible FROM pg_class WHERE relname = '" + table + "'")).as(table)
                    .isEqualTo(pagesWithRows);
            assertThat(q("SELECT reltuples::bigint FROM pg_class WHERE relname = '" + table + "'")).as(table)
                    .isEqualTo(q("SELECT count(*) FROM " + table));
        }
    }

    private static java.util.Set<String> strings(javax.sql.DataSource source, String sql) throws SQLException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String seq(String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_get_serial_sequence('" + table + "', 'id')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long q(String sql) throws SQLException {
        return q(ds, sql);
    }

    static long q(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
