package dev.ferry.engine;

import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ManyToMany(targetColumn)}: an occurrence's classifications through its detections
 * ({@link OccurrenceView#classifications()}), two one-to-many steps in one prefetch statement, in
 * EXISTS conditions and in aggregates; each result checked against a hand-written JOIN on the same data.
 */
abstract class TargetColumnCases extends SeededDatabase {

    /** The relation by hand: classification c of occurrence d.occurrence_id (detections first: H2 keeps outer joins' order). */
    private static final String THROUGH = "main_detection d JOIN main_classification c ON c.detection_id = d.id";

    TargetColumnCases(DataSource raw) {
        super(raw);
    }

    private Query<OccurrenceView> views() {
        return ferry.from(OccurrenceView.class);
    }

    /** parent id -> child ids in the order of the SQL. */
    private Map<Long, List<Long>> children(String sql) {
        Map<Long, List<Long>> out = new HashMap<>();
        for (Object[] row : rows(sql)) {
            out.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(((Number) row[1]).longValue());
        }
        return out;
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private List<Long> viewIds(Query<OccurrenceView> q) {
        return idsOf(q.list(), OccurrenceView::id);
    }

    private void assertSameIds(Query<OccurrenceView> q, String sqlWhere) {
        assertThat(viewIds(q)).as("rows of %s", sqlWhere)
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o WHERE " + sqlWhere + " ORDER BY o.id"));
    }

    // ---------------------------------------------------------------- prefetch

    @ParameterizedTest
    @ValueSource(ints = {7, 60, 600})
    void prefetchReachesRowsTwoStepsAwayInOneStatement(int limit) {
        Query<OccurrenceView> q = views().orderBy(OccurrenceView_.DETERMINATION_SCORE.desc()).offset(3).limit(limit)
                .prefetch(OccurrenceView_.CLASSIFICATIONS);
        assertThat(q.plannedStatements()).isEqualTo(2);
        List<OccurrenceView> rows = q.list();
        assertStatements(2);
        assertThat(log.statements().get(1)).as("one statement through the intermediate table")
                .contains("main_classification").contains("main_detection");
        assertThat(idsOf(rows, OccurrenceView::id)).isEqualTo(ids("SELECT id FROM main_occurrence "
                + "ORDER BY determination_score DESC NULLS FIRST, id DESC LIMIT " + limit + " OFFSET 3"));

        Map<Long, List<Long>> expected = children("SELECT d.occurrence_id, c.id FROM " + THROUGH + " ORDER BY c.id");
        Map<Long, Object[]> byId = new HashMap<>();
        for (Object[] r : rows("SELECT c.id, c.detection_id, c.taxon_id, c.algorithm_id, c.score, c.terminal, c.timestamp, "
                + "c.created_at FROM main_classification c")) {
            byId.put(((Number) r[0]).longValue(), r);
        }
        int empty = 0;
        int full = 0;
        for (OccurrenceView o : rows) {
            assertThat(o.classifications().isLoaded()).isTrue();
            List<Long> want = expected.getOrDefault(o.id(), List.of());
            assertThat(idsOf(o.classifications().get(), Classification::id)).as("occurrence %d", o.id()).isEqualTo(want);
            assertThat(want.size()).as("two per detection").isEqualTo(2 * Seeder.detectionsOf(o.id()));
            if (want.isEmpty()) {
                empty++;
            } else {
                full++;
            }
            for (Classification c : o.classifications()) {
                Object[] e = byId.get(c.id());
                assertThat((Long) c.detection().id()).isEqualTo(longOrNull(e[1]));
                assertThat(c.detection().isLoaded()).as("not a back reference: the parent is an occurrence").isFalse();
                assertThat((Long) c.taxon().id()).isEqualTo(longOrNull(e[2]));
                assertThat((Long) c.algorithm().id()).isEqualTo(longOrNull(e[3]));
                assertThat(c.score()).isEqualTo(e[4] == null ? null : ((Number) e[4]).doubleValue());
                assertThat(c.terminal()).isEqualTo(e[5]);
                assertThat(c.timestamp()).isEqualTo(((Timestamp) e[6]).toLocalDateTime());
                assertThat(c.createdAt()).isEqualTo(((Timestamp) e[7]).toLocalDateTime());
            }
        }
        assertThat(empty).as("occurrences without detections get an empty list").isPositive();
        assertThat(full).isPositive();
        assertStatements(2);
    }

    @Test
    void nestedLevelsJoinsAndCustomOrderingWorkBelowIt() {
        List<OccurrenceView> rows = views().where(OccurrenceView_.ID.le(80L))
                .prefetch(OccurrenceView_.CLASSIFICATIONS, q -> q.join(Classification_.ALGORITHM)
                        .orderBy(Classification_.SCORE.desc().nullsLast(), Classification_.ID.desc()))
                .prefetch(OccurrenceView_.CLASSIFICATIONS.then(Classification_.TAXON).then(Taxon_.PARENT))
                .list();
        assertStatements(4); // occurrences, classifications (+ algorithm joined), taxa, their parents
        Map<Long, List<Long>> expected = children("SELECT d.occurrence_id, c.id FROM " + THROUGH
                + " ORDER BY c.score DESC NULLS LAST, c.id DESC");
        Map<Long, Object[]> names = new HashMap<>();
        for (Object[] r : rows("SELECT c.id, a.\"key\", t.name, p.name FROM main_classification c "
                + "JOIN ml_algorithm a ON a.id = c.algorithm_id "
                + "LEFT JOIN main_taxon t ON t.id = c.taxon_id LEFT JOIN main_taxon p ON p.id = t.parent_id")) {
            names.put(((Number) r[0]).longValue(), r);
        }
        assertThat(rows).hasSize(80);
        int withoutTaxon = 0;
        for (OccurrenceView o : rows) {
            assertThat(idsOf(o.classifications().get(), Classification::id)).as("occurrence %d", o.id())
                    .isEqualTo(expected.getOrDefault(o.id(), List.of()));
            for (Classification c : o.classifications()) {
                Object[] e = names.get(c.id());
                assertThat(c.algorithm().isLoaded()).isTrue();
                assertThat(c.algorithm().get().key()).isEqualTo(e[1]);
                assertThat(c.taxon().isLoaded()).isTrue();
                if (e[2] == null) {
                    assertThat(c.taxon().get()).isNull();
                    withoutTaxon++;
                } else {
                    assertThat(c.taxon().get().name()).isEqualTo(e[2]);
                    assertThat(c.taxon().get().parent().get().name()).isEqualTo(e[3]);
                }
            }
        }
        assertThat(withoutTaxon).as("determination-less occurrences: terminal classifications without taxon").isPositive();
        assertStatements(4);
    }

    @Test
    void perParentWindowsAndFiltersAreCutInSql() {
        List<OccurrenceView> rows = views().where(OccurrenceView_.PROJECT.idEq(2L))
                .prefetch(OccurrenceView_.CLASSIFICATIONS, q -> q.where(Classification_.TERMINAL.eq(false))
                        .orderBy(Classification_.SCORE.desc()).limit(2))
                .list();
        assertStatements(2);
        assertThat(log.statements().get(1)).contains("ROW_NUMBER() OVER (PARTITION BY");
        // The two best binary classifications of each occurrence, by hand.
        Map<Long, List<Long>> expected = new LinkedHashMap<>();
        List<Object[]> all = rows("SELECT d.occurrence_id, c.id FROM " + THROUGH + " JOIN main_occurrence o ON o.id = d.occurrence_id "
                + "WHERE o.project_id = 2 AND NOT c.terminal ORDER BY d.occurrence_id, c.score DESC NULLS FIRST, c.id");
        for (Object[] r : all) {
            List<Long> top = expected.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>());
            if (top.size() < 2) {
                top.add(((Number) r[1]).longValue());
            }
        }
        assertThat(rows).hasSize(600);
        for (OccurrenceView o : rows) {
            assertThat(idsOf(o.classifications().get(), Classification::id)).as("occurrence %d", o.id())
                    .isEqualTo(expected.getOrDefault(o.id(), List.of()));
        }
    }

    @Test
    void prefetchOrderedByAToOnePath() {
        List<OccurrenceView> rows = views().where(OccurrenceView_.ID.le(120L))
                .prefetch(OccurrenceView_.CLASSIFICATIONS, q -> q.orderBy(Classification_.TAXON.then(Taxon_.NAME).asc(),
                        Classification_.ALGORITHM.then(Algorithm_.KEY).desc()))
                .list();
        assertStatements(2);
        Map<Long, List<Long>> expected = children("SELECT d.occurrence_id, c.id FROM " + THROUGH + " LEFT JOIN main_taxon t "
                + "ON t.id = c.taxon_id JOIN ml_algorithm a ON a.id = c.algorithm_id ORDER BY t.name ASC NULLS LAST, a.\"key\" DESC, c.id DESC");
        for (OccurrenceView o : rows) {
            assertThat(idsOf(o.classifications().get(), Classification::id)).as("occurrence %d", o.id())
                    .isEqualTo(expected.getOrDefault(o.id(), List.of()));
            o.classifications().get().stream().filter(c -> c.taxon().id() != null)
                    .forEach(c -> assertThat(c.taxon().isLoaded()).as("ordered by, not joined").isFalse());
        }
        // The same for a one-to-many prefetch (the ordering's join must reach the FROM clause).
        List<Occurrence> occurrences = ferry.from(Occurrence.class).where(Occurrence_.ID.le(120L))
                .prefetch(Occurrence_.DETECTIONS, q -> q.orderBy(Detection_.SOURCE_IMAGE.then(SourceImage_.PATH).desc()))
                .list();
        Map<Long, List<Long>> detections = children("SELECT d.occurrence_id, d.id FROM main_detection d JOIN main_sourceimage i "
                + "ON i.id = d.source_image_id ORDER BY i.path DESC, d.id DESC");
        occurrences.forEach(o -> assertThat(idsOf(o.detections().get(), Detection::id))
                .isEqualTo(detections.getOrDefault(o.id(), List.of())));
        assertStatements(4);
    }

    @Test
    void anUnloadedRelationLoadsForAllPeersInOneStatement() {
        List<OccurrenceView> rows = views().where(OccurrenceView_.ID.between(100L, 140L)).list();
        assertStatements(1);
        assertThat(rows.get(3).classifications().size()).isEqualTo(2 * Seeder.detectionsOf(rows.get(3).id()));
        assertStatements(2);
        Map<Long, List<Long>> expected = children("SELECT d.occurrence_id, c.id FROM " + THROUGH + " ORDER BY c.id");
        for (OccurrenceView o : rows) {
            assertThat(idsOf(o.classifications().get(), Classification::id)).isEqualTo(expected.getOrDefault(o.id(), List.of()));
        }
        assertStatements(2);
    }

    // ---------------------------------------------------------------- conditions (EXISTS)

    @Test
    void conditionsThroughItAreExists() {
        Query<OccurrenceView> family = views().where(
                OccurrenceView_.CLASSIFICATIONS.then(Classification_.TAXON).then(Taxon_.NAME).eq("Erebidae"));
        String sql = family.sql();
        assertThat(sql.substring(0, sql.indexOf(" WHERE "))).as("nothing joined to the root: %s", sql).doesNotContain("JOIN");
        assertThat(viewIds(family)).doesNotHaveDuplicates();
        assertSameIds(family, "EXISTS (SELECT 1 FROM " + THROUGH + " JOIN main_taxon t ON t.id = c.taxon_id "
                + "WHERE d.occurrence_id = o.id AND t.name = 'Erebidae')");
        // any(...): one classification meets every condition.
        assertSameIds(views().where(OccurrenceView_.CLASSIFICATIONS.any(Classification_.TERMINAL.eq(false)
                        .and(Classification_.SCORE.ge(0.9)).and(Classification_.ALGORITHM.then(Algorithm_.KEY).eq("binary")))),
                "EXISTS (SELECT 1 FROM " + THROUGH + " JOIN ml_algorithm a ON a.id = c.algorithm_id "
                        + "WHERE d.occurrence_id = o.id AND NOT c.terminal AND c.score >= 0.9 AND a.\"key\" = 'binary')");
        assertSameIds(views().where(OccurrenceView_.CLASSIFICATIONS.isEmpty()),
                "NOT EXISTS (SELECT 1 FROM " + THROUGH + " WHERE d.occurrence_id = o.id)");
        assertSameIds(views().where(OccurrenceView_.CLASSIFICATIONS.none(Classification_.TAXON.isNull()))
                        .where(OccurrenceView_.CLASSIFICATIONS.isNotEmpty()),
                "NOT EXISTS (SELECT 1 FROM " + THROUGH + " WHERE d.occurrence_id = o.id AND c.taxon_id IS NULL) "
                        + "AND EXISTS (SELECT 1 FROM " + THROUGH + " WHERE d.occurrence_id = o.id)");
    }

    @Test
    void conditionsReachItBehindAToOneAndAfterAnotherToMany() {
        // To-one first (the detection's occurrence), then the relation as the first to-many step.
        assertThat(idsOf(ferry.from(DetectionView.class).where(DetectionView_.OCCURRENCE.then(OccurrenceView_.CLASSIFICATIONS)
                        .any(Classification_.SCORE.gt(0.95).and(Classification_.TERMINAL.eq(false)))).list(), DetectionView::id))
                .isEqualTo(ids("SELECT x.id FROM main_detection x WHERE EXISTS (SELECT 1 FROM " + THROUGH
                        + " WHERE d.occurrence_id = x.occurrence_id AND c.score > 0.95 AND NOT c.terminal) ORDER BY x.id"));
        // A one-to-many first (event -> occurrences), then the relation as a later step, then a to-one.
        assertThat(idsOf(ferry.from(EventView.class).where(EventView_.OCCURRENCES.then(OccurrenceView_.CLASSIFICATIONS)
                        .then(Classification_.TAXON).then(Taxon_.NAME).eq("Arctia caja")).list(), EventView::id))
                .isEqualTo(ids("SELECT e.id FROM main_event e WHERE EXISTS (SELECT 1 FROM main_occurrence o JOIN main_detection d "
                        + "ON d.occurrence_id = o.id JOIN main_classification c ON c.detection_id = d.id JOIN main_taxon t "
                        + "ON t.id = c.taxon_id WHERE o.event_id = e.id AND t.name = 'Arctia caja') ORDER BY e.id"))
                .isNotEmpty();
        assertThat(idsOf(ferry.from(EventView.class).where(EventView_.OCCURRENCES.then(OccurrenceView_.CLASSIFICATIONS)
                        .any(Classification_.SCORE.ge(0.99))).list(), EventView::id))
                .isEqualTo(ids("SELECT e.id FROM main_event e WHERE EXISTS (SELECT 1 FROM main_occurrence o JOIN main_detection d "
                        + "ON d.occurrence_id = o.id JOIN main_classification c ON c.detection_id = d.id "
                        + "WHERE o.event_id = e.id AND c.score >= 0.99) ORDER BY e.id"));
    }

    // ---------------------------------------------------------------- aggregates

    @Test
    void aggregatesThroughItMatchSql() {
        List<OccurrenceView> rows = views().where(OccurrenceView_.ID.le(200L))
                .annotate(OccurrenceView_.CLASSIFICATIONS_COUNT, Agg.count(OccurrenceView_.CLASSIFICATIONS))
                .annotate(OccurrenceView_.TOP_SCORE, Agg.max(OccurrenceView_.CLASSIFICATIONS, Classification_.SCORE,
                        Classification_.TERMINAL.eq(false)))
                .list();
        assertStatements(1);
        List<Object[]> expected = rows("SELECT o.id, (SELECT COUNT(*) FROM " + THROUGH + " WHERE d.occurrence_id = o.id), "
                + "(SELECT MAX(c.score) FROM " + THROUGH + " WHERE d.occurrence_id = o.id AND NOT c.terminal) "
                + "FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id");
        assertThat(rows).hasSize(200);
        for (int i = 0; i < rows.size(); i++) {
            OccurrenceView o = rows.get(i);
            Object[] e = expected.get(i);
            assertThat(o.id()).isEqualTo(((Number) e[0]).longValue());
            assertThat(o.classificationsCount()).isEqualTo(((Number) e[1]).longValue());
            assertThat(o.topScore()).isEqualTo(e[2] == null ? null : ((Number) e[2]).doubleValue());
        }

        // The same numbers as the two one-to-many steps of Occurrence, which reach the same rows.
        List<Occurrence> twoSteps = ferry.from(Occurrence.class).where(Occurrence_.ID.le(200L))
                .annotate(Occurrence_.DETECTIONS_COUNT, Agg.count(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS)))
                .annotate(Occurrence_.DURATION_SECONDS, Agg.max(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS),
                        Classification_.SCORE, Classification_.TERMINAL.eq(false)))
                .list();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).classificationsCount()).isEqualTo(twoSteps.get(i).detectionsCount());
            assertThat(rows.get(i).topScore()).isEqualTo(twoSteps.get(i).durationSeconds());
        }

        // Filter and order on a count through it.
        var terminalWithTaxon = Agg.count(OccurrenceView_.CLASSIFICATIONS,
                Classification_.TERMINAL.eq(true).and(Classification_.TAXON.isNotNull()));
        assertSameIds(views().where(terminalWithTaxon.ge(2L)),
                "(SELECT COUNT(*) FROM " + THROUGH + " WHERE d.occurrence_id = o.id AND c.terminal AND c.taxon_id IS NOT NULL) >= 2");
        assertThat(viewIds(views().annotate(OccurrenceView_.CLASSIFICATIONS_COUNT, Agg.count(OccurrenceView_.CLASSIFICATIONS))
                .orderBy(OccurrenceView_.CLASSIFICATIONS_COUNT.desc(), OccurrenceView_.ID.desc()).limit(15)))
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o ORDER BY (SELECT COUNT(*) FROM " + THROUGH
                        + " WHERE d.occurrence_id = o.id) DESC, o.id DESC LIMIT 15"));

        // After another to-many: classifications per event, as an ordering.
        assertThat(idsOf(ferry.from(EventView.class)
                .orderBy(Agg.count(EventView_.OCCURRENCES.then(OccurrenceView_.CLASSIFICATIONS), Classification_.SCORE.gt(0.5)).desc(),
                        EventView_.ID.asc()).list(), EventView::id))
                .isEqualTo(ids("SELECT e.id FROM main_event e ORDER BY (SELECT COUNT(*) FROM main_occurrence o JOIN main_detection d "
                        + "ON d.occurrence_id = o.id JOIN main_classification c ON c.detection_id = d.id "
                        + "WHERE o.event_id = e.id AND c.score > 0.5) DESC, e.id"));
    }
}
