package dev.ferry.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False-positive cases covered (must NOT be reported): repeated identical lookups, Ferry's planned prefetch
 * batches, pagination loops (offset, keyset and FETCH NEXT), one shape from several call sites once each in the
 * test rule, and small or cheap repeats below the production thresholds.
 */
class DetectorsTest {

    private static final String SCOPE = "GET /api/v2/occurrences/";
    private static final String BY_ID = "SELECT t0.id, t0.name FROM main_taxon t0 WHERE t0.id = ?";
    private static final StackTraceElement LOOP = site("OccurrenceView", 42);
    private static final StackTraceElement OTHER = site("DetectionView", 7);

    private static StackTraceElement site(String cls, int line) {
        return new StackTraceElement("app." + cls, "list", cls + ".java", line);
    }

    private static StatementRecord rec(String sql, int paramHash, long millis, StackTraceElement site) {
        return rec(sql, paramHash, millis, site, false);
    }

    private static StatementRecord rec(String sql, int paramHash, long millis, StackTraceElement site, boolean planned) {
        return new StatementRecord(sql, SqlShapes.shapeOf(sql), 1, paramHash, Duration.ofMillis(millis).toNanos(), 1,
                site, SCOPE, planned, false, null);
    }

    /** {@code n} executions of {@code sql}, each with its own parameters, {@code millis} each. */
    private static List<StatementRecord> loop(String sql, int n, long millis, StackTraceElement site) {
        List<StatementRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rec(sql, 1000 + i, millis, site));
        }
        return out;
    }

    // --- production rule

    @Test
    void productionReportsFiveDistinctExecutionsOverFiftyMillis() {
        List<StatementRecord> log = new ArrayList<>(loop(BY_ID, 4, 12, LOOP));
        log.add(rec(BY_ID, 9999, 12, OTHER)); // one more from elsewhere: same shape, counted, not the top site
        List<NPlusOneReport> reports = Detectors.production().detect(SCOPE, log);
        assertThat(reports).containsExactly(new NPlusOneReport(SCOPE, SqlShapes.shapeOf(BY_ID), 5,
                Duration.ofMillis(60).toNanos(), LOOP, "production", null));
    }

    @Test
    void productionIgnoresFourRepeats() {
        assertThat(Detectors.production().detect(SCOPE, loop(BY_ID, 4, 100, LOOP))).isEmpty();
    }

    @Test
    void productionIgnoresFiveRepeatsUnderFiftyMillis() {
        assertThat(Detectors.production().detect(SCOPE, loop(BY_ID, 5, 8, LOOP))).isEmpty(); // 40 ms
    }

    @Test
    void productionCountsLiteralsInlinedInTheTextAsDifferentParameters() {
        List<StatementRecord> log = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            log.add(rec("SELECT * FROM main_taxon WHERE id = " + i, 0, 20, LOOP)); // no parameters: same hash
        }
        assertThat(Detectors.production().detect(SCOPE, log)).singleElement()
                .satisfies(r -> assertThat(r.shape()).isEqualTo("SELECT * FROM main_taxon WHERE id = ?"));
    }

    @Test
    void productionThresholdsAreConfigurable() {
        assertThat(Detectors.production(3, Duration.ofMillis(1)).detect(SCOPE, loop(BY_ID, 3, 1, LOOP))).hasSize(1);
        assertThatThrownBy(() -> Detectors.production(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- false positives, both rules

    @Test
    void repeatedIdenticalLookupsAreNotReported() {
        // false positive case: repeated identical lookups (same SQL, same parameters): a cache fixes it, not a prefetch
        List<StatementRecord> log = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            log.add(rec(BY_ID, 77, 20, LOOP));
        }
        assertThat(Detectors.production().detect(SCOPE, log)).isEmpty();
        assertThat(Detectors.test().detect(SCOPE, log)).isEmpty();
    }

    @Test
    void paginationLoopsAreNotReported() {
        // false positive case: a loop over distinct pages repeats one shape with different parameters
        for (String page : List.of(
                "SELECT * FROM main_occurrence ORDER BY id LIMIT ? OFFSET ?",
                "SELECT * FROM main_occurrence ORDER BY id LIMIT 25 OFFSET 50",
                "SELECT * FROM main_occurrence WHERE id > ? ORDER BY id LIMIT ?",
                "SELECT * FROM main_occurrence ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            List<StatementRecord> log = loop(page, 3, 30, LOOP);
            assertThat(Detectors.test().detect(SCOPE, log)).as(page).isEmpty();
            assertThat(Detectors.production(2, Duration.ZERO).detect(SCOPE, log)).as(page).isEmpty();
        }
        assertThat(Detectors.isPagination("select * from t order by id limit ?")).isTrue();
        assertThat(Detectors.isPagination(SqlShapes.shapeOf(BY_ID))).isFalse();
    }

    @Test
    void plannedPrefetchStatementsAreNeverReported() {
        // false positive case: Ferry's own batched prefetch, one statement per level, repeated across chunks
        String prefetch = "SELECT t0.id, t0.occurrence_id FROM main_detection t0 WHERE t0.occurrence_id = ANY(?)";
        List<StatementRecord> log = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            log.add(rec(prefetch, i, 20, LOOP, true));
        }
        assertThat(Detectors.production().detect(SCOPE, log)).isEmpty();
        assertThat(Detectors.test().detect(SCOPE, log)).isEmpty();
    }

    // --- test rule

    @Test
    void testRuleIgnoresOneShapeFromTwoCallSitesOnceEach() {
        List<StatementRecord> log = List.of(rec(BY_ID, 1, 1, LOOP), rec(BY_ID, 2, 1, OTHER));
        assertThat(Detectors.test().detect(SCOPE, log)).isEmpty();
    }

    @Test
    void testRuleReportsOneCallSiteTwiceWithDifferentParameters() {
        List<StatementRecord> log = List.of(rec(BY_ID, 1, 1, LOOP), rec(BY_ID, 2, 2, LOOP));
        assertThat(Detectors.test().detect(SCOPE, log)).containsExactly(new NPlusOneReport(SCOPE,
                SqlShapes.shapeOf(BY_ID), 2, Duration.ofMillis(3).toNanos(), LOOP, "test", null));
    }

    @Test
    void testRuleSkipsRecordsWithoutCallSite() {
        List<StatementRecord> log = List.of(rec(BY_ID, 1, 1, null), rec(BY_ID, 2, 1, null));
        assertThat(Detectors.test().detect(SCOPE, log)).isEmpty();
    }

    @Test
    void reportsAreOrderedByTotalTimeThenShape() {
        String a = "SELECT * FROM a WHERE id = ?";
        String b = "SELECT * FROM b WHERE id = ?";
        String c = "SELECT * FROM c WHERE id = ?";
        List<StatementRecord> log = new ArrayList<>();
        log.addAll(loop(c, 2, 5, LOOP));
        log.addAll(loop(b, 2, 5, LOOP));
        log.addAll(loop(a, 2, 1, LOOP));
        assertThat(Detectors.test().detect(SCOPE, log)).extracting(NPlusOneReport::shape)
                .containsExactly(b, c, a);
    }

    @Test
    void noneReportsNothing() {
        assertThat(Detectors.none().detect(SCOPE, loop(BY_ID, 100, 100, LOOP))).isEmpty();
    }
}
