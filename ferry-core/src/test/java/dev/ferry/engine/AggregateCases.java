package dev.ferry.engine;

import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.query.Expr;
import dev.ferry.query.Query;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code Agg.first} (the value of the first related row in an ordering), {@code Agg.min/max} over
 * expressions, and {@code Expr.timeOfDay}: each value checked row by row against hand-written SQL,
 * including the rows without related rows (NULL).
 */
abstract class AggregateCases extends SeededDatabase {

    AggregateCases(DataSource raw) {
        super(raw);
    }

    private Query<OccurrenceView> views() {
        return ferry.from(OccurrenceView.class);
    }

    /** The first 200 occurrences: every detection count (i%4) and determination-less ones (i%10 == 0). */
    private Query<OccurrenceView> first200() {
        return views().where(OccurrenceView_.ID.le(200L));
    }

    private static String text(Object o) {
        return (String) o;
    }

    private static LocalDateTime timestamp(Object o) {
        return o == null ? null : ((Timestamp) o).toLocalDateTime();
    }

    private static LocalTime time(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof LocalTime t ? t : ((Time) o).toLocalTime();
    }

    /**
     * Asserts that {@code actual} of each row equals the second column of {@code sql} (a query of
     * {@code o.id, value} over main_occurrence o ... ORDER BY o.id) converted by {@code convert}.
     */
    private <V> void assertPerRow(List<OccurrenceView> rows, Function<OccurrenceView, V> actual, String sql,
                                  Function<Object, V> convert) {
        List<Object[]> expected = rows(sql);
        assertThat(rows).hasSize(expected.size());
        int nulls = 0;
        for (int i = 0; i < rows.size(); i++) {
            OccurrenceView o = rows.get(i);
            assertThat(o.id()).isEqualTo(((Number) expected.get(i)[0]).longValue());
            V want = convert.apply(expected.get(i)[1]);
            assertThat(actual.apply(o)).as("occurrence %d: %s", o.id(), sql).isEqualTo(want);
            nulls += want == null ? 1 : 0;
        }
        assertThat(nulls).as("some rows have no value: %s", sql).isBetween(1, rows.size() - 1);
    }

    // ---------------------------------------------------------------- Agg.first

    @Test
    void firstIsTheValueOfTheFirstRelatedRowInTheOrdering() {
        List<OccurrenceView> rows = first200()
                .annotate(OccurrenceView_.FIRST_PATH, Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.PATH,
                        DetectionView_.PATH.isNotNull(), DetectionView_.FRAME_NUM.asc(), DetectionView_.TIMESTAMP.asc()))
                .annotate(OccurrenceView_.FIRST_SEEN, Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.TIMESTAMP, null,
                        DetectionView_.DETECTION_SCORE.desc()))
                .list();
        assertStatements(1);
        assertPerRow(rows, OccurrenceView::firstPath, "SELECT o.id, (SELECT d.path FROM main_detection d WHERE d.occurrence_id = o.id "
                + "AND d.path IS NOT NULL ORDER BY d.frame_num ASC NULLS LAST, d.timestamp ASC NULLS LAST, d.id LIMIT 1) "
                + "FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id", AggregateCases::text);
        assertPerRow(rows, OccurrenceView::firstSeen, "SELECT o.id, (SELECT d.timestamp FROM main_detection d WHERE d.occurrence_id = o.id "
                + "ORDER BY d.detection_score DESC NULLS FIRST, d.id LIMIT 1) "
                + "FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id", AggregateCases::timestamp);
    }

    @Test
    void firstWithoutAFilterMayBeNullForARowThatExists() {
        // The last frame: frame 1 has no path, so occurrences with exactly 2 detections get NULL.
        List<OccurrenceView> rows = first200()
                .annotate(OccurrenceView_.FIRST_PATH, Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.PATH, null,
                        DetectionView_.FRAME_NUM.desc()))
                .list();
        assertPerRow(rows, OccurrenceView::firstPath, "SELECT o.id, (SELECT d.path FROM main_detection d WHERE d.occurrence_id = o.id "
                + "ORDER BY d.frame_num DESC NULLS FIRST, d.id LIMIT 1) FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id",
                AggregateCases::text);
        assertThat(rows.stream().filter(o -> o.id() % 4 == 2)).allSatisfy(o -> assertThat(o.firstPath()).isNull());
        assertThat(rows.stream().filter(o -> o.id() % 4 == 3)).allSatisfy(o -> assertThat(o.firstPath()).isNotNull());
        // No ordering at all: the row key decides.
        List<OccurrenceView> byKey = first200()
                .annotate(OccurrenceView_.FIRST_SEEN, Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.TIMESTAMP, null))
                .list();
        assertPerRow(byKey, OccurrenceView::firstSeen, "SELECT o.id, (SELECT d.timestamp FROM main_detection d "
                + "WHERE d.occurrence_id = o.id ORDER BY d.id LIMIT 1) FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id",
                AggregateCases::timestamp);
    }

    @Test
    void firstOrdersAndReadsThroughToOnePaths() {
        List<OccurrenceView> rows = first200()
                .annotate(OccurrenceView_.FIRST_PATH, Agg.first(OccurrenceView_.DETECTIONS,
                        DetectionView_.SOURCE_IMAGE.then(SourceImage_.PATH), DetectionView_.PATH.isNull().negate(),
                        DetectionView_.SOURCE_IMAGE.then(SourceImage_.PATH).desc()))
                .list();
        assertPerRow(rows, OccurrenceView::firstPath, "SELECT o.id, (SELECT i.path FROM main_detection d JOIN main_sourceimage i "
                + "ON i.id = d.source_image_id WHERE d.occurrence_id = o.id AND d.path IS NOT NULL "
                + "ORDER BY i.path DESC NULLS FIRST, d.id LIMIT 1) FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id",
                AggregateCases::text);

        // Through the targetColumn relation, ordered by a to-one path whose NULLs come first: the
        // name of the first classification's taxon, the unnamed ones (no taxon) first.
        List<OccurrenceView> named = first200()
                .annotate(OccurrenceView_.FIRST_PATH, Agg.first(OccurrenceView_.CLASSIFICATIONS,
                        Classification_.TAXON.then(Taxon_.NAME), Classification_.TERMINAL.eq(true),
                        Classification_.TAXON.then(Taxon_.NAME).asc().nullsFirst(), Classification_.SCORE.desc()))
                .annotate(OccurrenceView_.TOP_SCORE, Agg.first(OccurrenceView_.CLASSIFICATIONS, Classification_.SCORE, null,
                        Classification_.ALGORITHM.then(Algorithm_.KEY).asc(), Classification_.SCORE.desc()))
                .list();
        assertStatements(2);
        String through = "FROM main_detection d JOIN main_classification c ON c.detection_id = d.id ";
        assertPerRow(named, OccurrenceView::firstPath, "SELECT o.id, (SELECT t.name " + through
                + "LEFT JOIN main_taxon t ON t.id = c.taxon_id WHERE d.occurrence_id = o.id AND c.terminal "
                + "ORDER BY t.name ASC NULLS FIRST, c.score DESC NULLS FIRST, c.id LIMIT 1) "
                + "FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id", AggregateCases::text);
        assertPerRow(named, OccurrenceView::topScore, "SELECT o.id, (SELECT c.score " + through
                + "JOIN ml_algorithm a ON a.id = c.algorithm_id WHERE d.occurrence_id = o.id "
                + "ORDER BY a.\"key\" ASC NULLS LAST, c.score DESC NULLS FIRST, c.id LIMIT 1) "
                + "FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id", o -> o == null ? null : ((Number) o).doubleValue());
    }

    @Test
    void firstFiltersAndOrdersTheRoot() {
        var lastFramePath = Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.PATH, null, DetectionView_.FRAME_NUM.desc());
        String byHand = "(SELECT d.path FROM main_detection d WHERE d.occurrence_id = o.id "
                + "ORDER BY d.frame_num DESC NULLS FIRST, d.id LIMIT 1)";
        assertThat(idsOf(first200().where(lastFramePath.isNull()).list(), OccurrenceView::id))
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o WHERE o.id <= 200 AND " + byHand + " IS NULL ORDER BY o.id"))
                .isNotEmpty();
        assertThat(idsOf(views().where(lastFramePath.like("detections/1%")).list(), OccurrenceView::id))
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o WHERE " + byHand + " LIKE 'detections/1%' ORDER BY o.id"))
                .isNotEmpty();
        // As an ordering term, directly and through the annotation, with a window (the page is cut first).
        assertThat(idsOf(views().orderBy(lastFramePath.asc(), OccurrenceView_.ID.desc()).offset(290).limit(30).list(), OccurrenceView::id))
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o ORDER BY " + byHand + " ASC NULLS LAST, o.id DESC LIMIT 30 OFFSET 290"));
        List<OccurrenceView> annotated = views().annotate(OccurrenceView_.FIRST_PATH, lastFramePath)
                .join(OccurrenceView_.DETERMINATION)
                .orderBy(OccurrenceView_.FIRST_PATH.desc(), OccurrenceView_.ID.asc()).limit(25).offset(880).list();
        List<Object[]> expected = rows("SELECT o.id, " + byHand + " FROM main_occurrence o ORDER BY 2 DESC NULLS FIRST, o.id "
                + "LIMIT 25 OFFSET 880");
        assertThat(annotated).hasSize(25);
        for (int i = 0; i < annotated.size(); i++) {
            assertThat(annotated.get(i).id()).isEqualTo(((Number) expected.get(i)[0]).longValue());
            assertThat(annotated.get(i).firstPath()).isEqualTo(expected.get(i)[1]);
            assertThat(annotated.get(i).determination().isLoaded()).isTrue();
        }
    }

    // ---------------------------------------------------------------- min/max over expressions, timeOfDay

    @Test
    void minAndMaxTakeExpressions() {
        List<OccurrenceView> rows = first200()
                .annotate(OccurrenceView_.TOP_SCORE, Agg.max(OccurrenceView_.DETECTIONS,
                        DetectionView_.DETECTION_SCORE.times(Expr.value(100.0, Double.class)).plus(DetectionView_.DETECTION_SCORE)))
                .annotate(OccurrenceView_.FIRST_SEEN, Agg.min(OccurrenceView_.DETECTIONS,
                        DetectionView_.SOURCE_IMAGE.then(SourceImage_.TIMESTAMP), DetectionView_.FRAME_NUM.ge(1)))
                .list();
        List<Object[]> expected = rows("SELECT o.id, (SELECT MAX(d.detection_score * 100 + d.detection_score) FROM main_detection d "
                + "WHERE d.occurrence_id = o.id), (SELECT MIN(i.timestamp) FROM main_detection d JOIN main_sourceimage i "
                + "ON i.id = d.source_image_id WHERE d.occurrence_id = o.id AND d.frame_num >= 1) "
                + "FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id");
        assertThat(rows).hasSize(200);
        for (int i = 0; i < rows.size(); i++) {
            Object[] e = expected.get(i);
            OccurrenceView o = rows.get(i);
            if (e[1] == null) {
                assertThat(o.topScore()).isNull();
            } else {
                assertThat(o.topScore()).isCloseTo(((Number) e[1]).doubleValue(), within(1e-9));
            }
            assertThat(o.firstSeen()).isEqualTo(timestamp(e[2]));
        }
    }

    @Test
    void minAndMaxTakeAggregatesOfTheRelatedRows() {
        // Events whose least-documented occurrence has no detection with a crop (half of project 2's
        // events: an event's occurrences are 20 ids apart, so they all have i%4 == 0, or all 2).
        var leastCrops = Agg.min(EventView_.OCCURRENCES, Agg.count(OccurrenceView_.DETECTIONS, DetectionView_.PATH.isNotNull()));
        assertThat(idsOf(ferry.from(EventView.class).where(leastCrops.eq(0L)).list(), EventView::id))
                .isEqualTo(ids("SELECT e.id FROM main_event e WHERE (SELECT MIN((SELECT COUNT(*) FROM main_detection d "
                        + "WHERE d.occurrence_id = o.id AND d.path IS NOT NULL)) FROM main_occurrence o WHERE o.event_id = e.id) = 0 "
                        + "ORDER BY e.id"))
                .hasSize(Seeder.EVENTS_PER_PROJECT / 2);
        // The latest first-frame crop of an event's occurrences, as an ordering.
        var latestFirstCrop = Agg.max(EventView_.OCCURRENCES, Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.PATH,
                DetectionView_.PATH.isNotNull(), DetectionView_.FRAME_NUM.asc()));
        assertThat(idsOf(ferry.from(EventView.class).orderBy(latestFirstCrop.desc(), EventView_.ID.asc()).list(), EventView::id))
                .isEqualTo(ids("SELECT e.id FROM main_event e ORDER BY (SELECT MAX((SELECT d.path FROM main_detection d "
                        + "WHERE d.occurrence_id = o.id AND d.path IS NOT NULL ORDER BY d.frame_num, d.id LIMIT 1)) "
                        + "FROM main_occurrence o WHERE o.event_id = e.id) DESC NULLS FIRST, e.id"));
    }

    @Test
    void timeOfDayOfAnAggregateIsReadAsLocalTime() {
        List<OccurrenceView> rows = first200()
                .annotate(OccurrenceView_.EARLIEST_TIME, Agg.min(OccurrenceView_.DETECTIONS, Expr.timeOfDay(DetectionView_.TIMESTAMP)))
                .list();
        assertStatements(1);
        assertPerRow(rows, OccurrenceView::earliestTime, "SELECT o.id, (SELECT MIN(CAST(d.timestamp AS TIME)) FROM main_detection d "
                + "WHERE d.occurrence_id = o.id) FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id", AggregateCases::time);
        rows.stream().filter(o -> o.earliestTime() != null).forEach(o ->
                assertThat(o.earliestTime()).as("detection 0 comes at the occurrence's creation")
                        .isEqualTo(Seeder.createdAtOf(o.id()).toLocalTime()));

        // Latest time of day of a filtered aggregate, through a to-one inside it.
        List<OccurrenceView> latest = first200()
                .annotate(OccurrenceView_.EARLIEST_TIME, Agg.max(OccurrenceView_.DETECTIONS,
                        Expr.timeOfDay(DetectionView_.SOURCE_IMAGE.then(SourceImage_.TIMESTAMP)), DetectionView_.PATH.isNotNull()))
                .list();
        assertPerRow(latest, OccurrenceView::earliestTime, "SELECT o.id, (SELECT MAX(CAST(i.timestamp AS TIME)) FROM main_detection d "
                + "JOIN main_sourceimage i ON i.id = d.source_image_id WHERE d.occurrence_id = o.id AND d.path IS NOT NULL) "
                + "FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id", AggregateCases::time);

        // The time of day of an aggregate (of the latest detection).
        List<OccurrenceView> ofMax = first200()
                .annotate(OccurrenceView_.EARLIEST_TIME, Expr.timeOfDay(Agg.max(OccurrenceView_.DETECTIONS, DetectionView_.TIMESTAMP)))
                .list();
        assertPerRow(ofMax, OccurrenceView::earliestTime, "SELECT o.id, CAST((SELECT MAX(d.timestamp) FROM main_detection d "
                + "WHERE d.occurrence_id = o.id) AS TIME) FROM main_occurrence o WHERE o.id <= 200 ORDER BY o.id", AggregateCases::time);
    }

    @Test
    void timeOfDayOfAColumnFiltersOrdersAndAnnotates() {
        var time = Expr.timeOfDay(OccurrenceView_.CREATED_AT);
        // Every row: a window with a join cuts the page first, then annotates.
        List<OccurrenceView> rows = views().annotate(OccurrenceView_.EARLIEST_TIME, time).join(OccurrenceView_.EVENT)
                .limit(OCCURRENCES).list();
        assertThat(rows).hasSize(OCCURRENCES)
                .allSatisfy(o -> assertThat(o.earliestTime()).isEqualTo(o.createdAt().toLocalTime()));
        // Created before 06:00 on any day (ids 1..359 are before 06:00, on days that cycle).
        assertThat(idsOf(views().where(time.lt(LocalTime.of(6, 0))).list(), OccurrenceView::id))
                .isEqualTo(ids("SELECT id FROM main_occurrence WHERE CAST(created_at AS TIME) < TIME '06:00:00' ORDER BY id"))
                .hasSize(359);
        assertThat(idsOf(views().where(time.between(LocalTime.of(12, 0), LocalTime.of(12, 30))).list(), OccurrenceView::id))
                .isEqualTo(ids("SELECT id FROM main_occurrence WHERE CAST(created_at AS TIME) BETWEEN TIME '12:00:00' AND TIME '12:30:00' "
                        + "ORDER BY id"));
        // Ordering by time of day is not ordering by timestamp: the days differ.
        List<Long> ordered = idsOf(views().orderBy(time.desc(), OccurrenceView_.CREATED_AT.asc(), OccurrenceView_.ID.asc())
                .limit(40).list(), OccurrenceView::id);
        assertThat(ordered).isEqualTo(ids("SELECT id FROM main_occurrence ORDER BY CAST(created_at AS TIME) DESC, created_at, id "
                + "LIMIT 40"));
        assertThat(ordered).isNotEqualTo(ids("SELECT id FROM main_occurrence ORDER BY created_at DESC, id LIMIT 40"));
        assertThat(idsOf(views().where(time.in(List.of(LocalTime.of(0, 1), LocalTime.of(0, 3), LocalTime.of(0, 4, 30)))).list(),
                OccurrenceView::id)).containsExactly(1L, 3L);
        // Keyset pages on a time of day: LocalTime values bound as parameters.
        var byTime = views().orderBy(time.asc(), OccurrenceView_.ID.asc());
        List<Long> expected = ids("SELECT id FROM main_occurrence ORDER BY CAST(created_at AS TIME), id");
        List<Long> walked = new java.util.ArrayList<>();
        List<OccurrenceView> page = byTime.limit(250).list();
        while (!page.isEmpty()) {
            page.forEach(o -> walked.add(o.id()));
            OccurrenceView last = page.get(page.size() - 1);
            page = byTime.after(last.createdAt().toLocalTime(), last.id()).limit(250).list();
        }
        assertThat(walked).isEqualTo(expected);
        // On aggregates through the targetColumn relation, in a where.
        var earliestClassified = Agg.min(OccurrenceView_.CLASSIFICATIONS, Expr.timeOfDay(Classification_.CREATED_AT));
        assertThat(idsOf(views().where(earliestClassified.ge(LocalTime.of(19, 0))).list(), OccurrenceView::id))
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o WHERE (SELECT MIN(CAST(c.created_at AS TIME)) "
                        + "FROM main_classification c "
                        + "JOIN main_detection d ON d.id = c.detection_id WHERE d.occurrence_id = o.id) >= TIME '19:00:00' ORDER BY o.id"))
                .isNotEmpty();
    }
}
