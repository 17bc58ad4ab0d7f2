package dev.ferry.engine;

import dev.ferry.error.InvalidQueryException;
import dev.ferry.error.NoSuchRowException;
import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.query.Expr;
import dev.ferry.query.Predicate;
import dev.ferry.query.Query;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filtering, ordering, windows, keysets, counts and annotations: each result checked against plain SQL. */
abstract class QueryCases extends SeededDatabase {

    QueryCases(DataSource raw) {
        super(raw);
    }

    private Query<Occurrence> occurrences() {
        return ferry.from(Occurrence.class);
    }

    private List<Long> occurrenceIds(Query<Occurrence> q) {
        return idsOf(q.list(), Occurrence::id);
    }

    private void assertSameIds(Query<Occurrence> q, String sqlWhere, Object... params) {
        assertThat(occurrenceIds(q)).as("rows of %s", sqlWhere)
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o WHERE " + sqlWhere + " ORDER BY o.id", params));
    }

    @Test
    void mapsEveryColumnRowByRow() {
        List<Occurrence> rows = occurrences().list();
        List<Object[]> expected = rows("SELECT id, created_at, updated_at, determination_id, determination_score, event_id, "
                + "project_id FROM main_occurrence ORDER BY id");
        assertThat(rows).hasSize(OCCURRENCES).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            Occurrence o = rows.get(i);
            Object[] e = expected.get(i);
            assertThat(o.id()).isEqualTo(((Number) e[0]).longValue());
            assertThat(o.createdAt()).isEqualTo(((Timestamp) e[1]).toLocalDateTime());
            assertThat(o.updatedAt()).isEqualTo(((Timestamp) e[2]).toLocalDateTime());
            assertThat((Long) o.determination().id()).isEqualTo(e[3] == null ? null : ((Number) e[3]).longValue());
            assertThat(o.determinationScore()).isEqualTo(e[4] == null ? null : ((Number) e[4]).doubleValue());
            assertThat((Long) o.event().id()).isEqualTo(((Number) e[5]).longValue());
            assertThat((Long) o.project().id()).isEqualTo(((Number) e[6]).longValue());
            assertThat(o.detectionsCount()).as("not annotated").isNull();
            assertThat(o.detections().isLoaded()).isFalse();
        }
        assertStatements(1);

        List<Detection> detections = ferry.from(Detection.class).list();
        List<Object[]> dx = rows("SELECT id, source_image_id, occurrence_id, path, frame_num FROM main_detection ORDER BY id");
        assertThat(detections).hasSize(seeded.detections());
        for (int i = 0; i < dx.size(); i++) {
            Detection d = detections.get(i);
            assertThat(d.id()).isEqualTo(((Number) dx.get(i)[0]).longValue());
            assertThat((Long) d.sourceImage().id()).isEqualTo(((Number) dx.get(i)[1]).longValue());
            assertThat(d.path()).isEqualTo(dx.get(i)[3]);
            assertThat(d.frameNum()).isEqualTo(dx.get(i)[4] == null ? null : ((Number) dx.get(i)[4]).intValue());
        }
    }

    @Test
    void comparisonsMatchSql() {
        var score = Occurrence_.DETERMINATION_SCORE;
        assertSameIds(occurrences().where(score.eq(0.5)), "o.determination_score = 0.5");
        assertSameIds(occurrences().where(score.ne(0.5)), "o.determination_score <> 0.5");
        assertSameIds(occurrences().where(score.lt(0.2)), "o.determination_score < 0.2");
        assertSameIds(occurrences().where(score.le(0.2)), "o.determination_score <= 0.2");
        assertSameIds(occurrences().where(score.gt(0.9)), "o.determination_score > 0.9");
        assertSameIds(occurrences().where(score.ge(0.9)), "o.determination_score >= 0.9");
        assertSameIds(occurrences().where(score.between(0.3, 0.4)), "o.determination_score BETWEEN 0.3 AND 0.4");
        assertSameIds(occurrences().where(Occurrence_.ID.in(List.of(3L, 1L, 2L, 99_999L))), "o.id IN (1, 2, 3)");
        assertSameIds(occurrences().where(Occurrence_.ID.in(List.of())), "1 = 0");
        assertSameIds(occurrences().where(Occurrence_.ID.notIn(List.of(1L, 2L))), "o.id NOT IN (1, 2)");
        // A NOT IN list keeps its NULL semantics (a NULL key is in neither answer) whatever the dialect renders.
        assertSameIds(occurrences().where(Occurrence_.DETERMINATION.id().notIn(List.of(1L, 2L, 3L))),
                "o.determination_id NOT IN (1, 2, 3)");
        assertThat(occurrences().where(Occurrence_.ID.notIn(List.of(1L, 2L))).sql()).contains(
                ferry.dialect().name().equals("postgresql") ? "t0.id NOT IN (SELECT unnest(?))" : "NOT (t0.id = ANY(?))");
        assertSameIds(occurrences().where(Predicate.not(Occurrence_.DETERMINATION.idIn(List.of(1L, 2L, 3L)))),
                "NOT (o.determination_id IN (1, 2, 3))");
        assertThat(occurrences().where(Predicate.not(Occurrence_.ID.in(List.of(1L, 2L)))).sql()).as("NOT of IN renders as NOT IN")
                .isEqualTo(occurrences().where(Occurrence_.ID.notIn(List.of(1L, 2L))).sql());
        assertSameIds(occurrences().where(Occurrence_.DETERMINATION.isNull()), "o.determination_id IS NULL");
        assertSameIds(occurrences().where(score.isNotNull()), "o.determination_score IS NOT NULL");
        assertSameIds(occurrences().where(score.eq((Double) null)), "o.determination_score IS NULL");
        assertSameIds(occurrences().where(Occurrence_.PROJECT.idEq(2L)), "o.project_id = 2");
        assertSameIds(occurrences().where(Occurrence_.PROJECT.idIn(List.of(1L, 2L))), "o.project_id IN (1, 2)");
        assertSameIds(occurrences().where(score.gt(0.5).and(Occurrence_.PROJECT.idEq(1L)).or(Occurrence_.ID.eq(2L))),
                "(o.determination_score > 0.5 AND o.project_id = 1) OR o.id = 2");
        assertSameIds(occurrences().exclude(score.gt(0.5)), "NOT (o.determination_score > 0.5)");
        assertSameIds(occurrences().where(Predicate.all(score.gt(0.1), score.lt(0.3))).where(Occurrence_.ID.le(500L)),
                "o.determination_score > 0.1 AND o.determination_score < 0.3 AND o.id <= 500");
        assertSameIds(occurrences().where(Predicate.any(Occurrence_.ID.eq(7L), Occurrence_.ID.eq(9L))), "o.id IN (7, 9)");
        LocalDateTime t = Seeder.FIRST_DAY.plusDays(3);
        assertSameIds(occurrences().where(Occurrence_.CREATED_AT.ge(t)), "o.created_at >= ?", Timestamp.valueOf(t));
    }

    @Test
    void textMatchesEscapeWildcards() {
        var name = Taxon_.NAME;
        assertThat(idsOf(ferry.from(Taxon.class).where(name.startsWith("Noct")).list(), Taxon::id))
                .isEqualTo(ids("SELECT id FROM main_taxon WHERE name LIKE 'Noct%' ORDER BY id"));
        assertThat(idsOf(ferry.from(Taxon.class).where(name.contains("c-n")).list(), Taxon::id))
                .isEqualTo(ids("SELECT id FROM main_taxon WHERE name = 'Xestia c-nigrum'"));
        assertThat(ferry.from(Taxon.class).where(name.contains("%")).list()).as("%% is literal").isEmpty();
        assertThat(ferry.from(Taxon.class).where(name.contains("_")).list()).as("_ is literal").isEmpty();
        assertThat(idsOf(ferry.from(Taxon.class).where(name.containsIgnoreCase("NOCTUA")).list(), Taxon::id))
                .isEqualTo(ids("SELECT id FROM main_taxon WHERE LOWER(name) LIKE '%noctua%' ORDER BY id"));
        assertThat(idsOf(ferry.from(Taxon.class).where(name.like("%a_a%")).list(), Taxon::id))
                .isEqualTo(ids("SELECT id FROM main_taxon WHERE name LIKE '%a_a%' ORDER BY id"));
    }

    @Test
    void toOnePathsJoinOnce() {
        assertSameIds(occurrences().where(Occurrence_.DETERMINATION.then(Taxon_.PARENT).then(Taxon_.NAME).eq("Erebidae"))
                        .where(Occurrence_.DETERMINATION.then(Taxon_.RANK).eq("SPECIES")),
                "EXISTS (SELECT 1 FROM main_taxon t JOIN main_taxon p ON p.id = t.parent_id "
                        + "WHERE t.id = o.determination_id AND p.name = 'Erebidae' AND t.rank = 'SPECIES')");
        String sql = occurrences().where(Occurrence_.DETERMINATION.then(Taxon_.RANK).eq("SPECIES"))
                .where(Occurrence_.DETERMINATION.then(Taxon_.NAME).ne("x")).sql();
        assertThat(sql.split("JOIN main_taxon", -1)).as("one join for one path: %s", sql).hasSize(2);
    }

    @Test
    void toManyPathsAreExistsAndNeverMultiplyRows() {
        Query<Occurrence> q = occurrences().where(Occurrence_.DETECTIONS.then(Detection_.PATH).isNotNull());
        List<Long> ids = occurrenceIds(q);
        assertThat(ids).doesNotHaveDuplicates();
        assertSameIds(q, "EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id AND d.path IS NOT NULL)");
        assertThat(q.sql()).contains("EXISTS").doesNotContain("JOIN main_detection");

        // Separate conditions may hold for different detections; any(...) needs one detection for both.
        assertSameIds(occurrences().where(Occurrence_.DETECTIONS.then(Detection_.PATH).isNull())
                        .where(Occurrence_.DETECTIONS.then(Detection_.FRAME_NUM).eq(0)),
                "EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id AND d.path IS NULL) "
                        + "AND EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id AND d.frame_num = 0)");
        assertThat(occurrences().where(Occurrence_.DETECTIONS.any(Detection_.PATH.isNull().and(Detection_.FRAME_NUM.eq(0))))
                .list()).isEmpty();
        assertSameIds(occurrences().where(Occurrence_.DETECTIONS.isEmpty()),
                "NOT EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id)");
        assertSameIds(occurrences().where(Occurrence_.DETECTIONS.none(Detection_.FRAME_NUM.ge(2))),
                "NOT EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id AND d.frame_num >= 2)");
        // Two to-many levels, and a to-one inside.
        assertSameIds(occurrences().where(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS)
                        .any(Classification_.TAXON.then(Taxon_.NAME).eq("Erebidae").and(Classification_.SCORE.gt(0.5)))),
                "EXISTS (SELECT 1 FROM main_detection d JOIN main_classification c ON c.detection_id = d.id "
                        + "JOIN main_taxon t ON t.id = c.taxon_id WHERE d.occurrence_id = o.id AND t.name = 'Erebidae' AND c.score > 0.5)");
    }

    @Test
    void manyToManyPathsAreExists() {
        assertThat(idsOf(ferry.from(Taxon.class).where(Taxon_.PROJECTS.any(Project_.DRAFT.eq(true))).list(), Taxon::id))
                .isEqualTo(ids("SELECT t.id FROM main_taxon t WHERE EXISTS (SELECT 1 FROM main_taxon_projects tp "
                        + "JOIN main_project p ON p.id = tp.project_id WHERE tp.taxon_id = t.id AND p.draft) ORDER BY t.id"));
        assertThat(idsOf(ferry.from(Project.class).where(Project_.TAXA.then(Taxon_.RANK).eq("SPECIES")).list(), Project::id))
                .containsExactly(1L);
    }

    @Test
    void orderingHonoursDirectionAndNulls() {
        var score = Occurrence_.DETERMINATION_SCORE;
        assertThat(occurrenceIds(occurrences().orderBy(score.desc())))
                .isEqualTo(ids("SELECT id FROM main_occurrence ORDER BY determination_score DESC NULLS FIRST, id DESC"));
        assertThat(occurrenceIds(occurrences().orderBy(score.desc().nullsLast(), Occurrence_.ID.desc())))
                .isEqualTo(ids("SELECT id FROM main_occurrence ORDER BY determination_score DESC NULLS LAST, id DESC"));
        assertThat(occurrenceIds(occurrences().orderBy(score.asc())))
                .isEqualTo(ids("SELECT id FROM main_occurrence ORDER BY determination_score ASC NULLS LAST, id"));
        assertThat(occurrenceIds(occurrences().orderBy(score.asc().nullsFirst())))
                .isEqualTo(ids("SELECT id FROM main_occurrence ORDER BY determination_score ASC NULLS FIRST, id"));
        assertThat(occurrenceIds(occurrences().orderBy(Occurrence_.DETERMINATION.then(Taxon_.NAME).asc(), Occurrence_.ID.desc())))
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o LEFT JOIN main_taxon t ON t.id = o.determination_id "
                        + "ORDER BY t.name ASC NULLS LAST, o.id DESC"));
    }

    @Test
    void theKeyBreaksTiesInTheLastTermsDirectionAndNotNullTermsTakeTheDefaultNullPlacement() {
        // updated_at is NOT NULL: NULLS LAST on a descending term is the default NULLS FIRST (an ascending
        // index read backwards), and the key follows the last term's direction.
        var q = occurrences().orderBy(Occurrence_.UPDATED_AT.desc().nullsLast());
        assertThat(q.sql()).endsWith(" ORDER BY t0.updated_at DESC NULLS FIRST, t0.id DESC NULLS FIRST");
        assertThat(occurrenceIds(q)).isEqualTo(ids("SELECT id FROM main_occurrence ORDER BY updated_at DESC, id DESC"));
        // A nullable term keeps its placement, also through a nullable foreign key (LEFT JOIN) to a NOT NULL column.
        var byName = occurrences().orderBy(Occurrence_.DETERMINATION.then(Taxon_.NAME).desc().nullsLast(),
                Occurrence_.CREATED_AT.asc().nullsFirst());
        assertThat(byName.sql()).contains(" ORDER BY t1.name DESC NULLS LAST, t0.created_at ASC NULLS LAST, t0.id ASC NULLS LAST");
        assertThat(occurrenceIds(byName)).isEqualTo(ids("SELECT o.id FROM main_occurrence o LEFT JOIN main_taxon t "
                + "ON t.id = o.determination_id ORDER BY t.name DESC NULLS LAST, o.created_at, o.id"));
        assertThat(occurrences().sql()).as("no ordering: by key, ascending").endsWith(" ORDER BY t0.id ASC NULLS LAST");
    }

    @Test
    void limitAndOffsetCutPages() {
        var q = occurrences().orderBy(Occurrence_.DETERMINATION_SCORE.desc());
        List<Long> all = ids("SELECT id FROM main_occurrence ORDER BY determination_score DESC NULLS FIRST, id DESC");
        assertThat(occurrenceIds(q.limit(25))).isEqualTo(all.subList(0, 25));
        assertThat(occurrenceIds(q.limit(25).offset(100))).isEqualTo(all.subList(100, 125));
        assertThat(occurrenceIds(q.offset(1190))).isEqualTo(all.subList(1190, 1200));
        assertThat(q.limit(0).list()).isEmpty();
        assertThat(q.limit(10).offset(5000).list()).isEmpty();
    }

    @Test
    void keysetPagesVisitEveryRowOnce() {
        for (boolean descending : new boolean[] {true, false}) {
            var order = descending ? Occurrence_.DETERMINATION_SCORE.desc() : Occurrence_.DETERMINATION_SCORE.asc();
            var q = occurrences().where(Occurrence_.PROJECT.idEq(1L)).orderBy(order, Occurrence_.ID.asc());
            List<Long> expected = occurrenceIds(q);
            List<Long> walked = new ArrayList<>();
            List<Occurrence> page = q.limit(37).list();
            int pages = 0;
            while (!page.isEmpty()) {
                page.forEach(o -> walked.add(o.id()));
                Occurrence last = page.get(page.size() - 1);
                page = q.after(last.determinationScore(), last.id()).limit(37).list();
                pages++;
            }
            assertThat(walked).as("descending=%s", descending).isEqualTo(expected);
            assertThat(pages).isEqualTo((600 + 36) / 37);
        }
    }

    @Test
    void countExistsFirstGet() {
        assertThat(occurrences().count()).isEqualTo(OCCURRENCES);
        assertThat(occurrences().where(Occurrence_.PROJECT.idEq(1L)).count()).isEqualTo(600);
        assertThat(occurrences().where(Occurrence_.DETECTIONS.isNotEmpty()).count())
                .isEqualTo(ids("SELECT COUNT(*) FROM main_occurrence o WHERE EXISTS (SELECT 1 FROM main_detection d "
                        + "WHERE d.occurrence_id = o.id)").get(0));
        assertThat(occurrences().limit(10).offset(1195).count()).as("count of the window").isEqualTo(5);
        assertThat(occurrences().where(Occurrence_.ID.gt(1_000_000L)).exists()).isFalse();
        assertThat(occurrences().where(Occurrence_.ID.eq(5L)).exists()).isTrue();
        assertThat(occurrences().limit(0).exists()).isFalse();
        assertThat(occurrences().orderBy(Occurrence_.ID.desc()).first()).map(Occurrence::id).contains((long) OCCURRENCES);
        assertThat(occurrences().where(Occurrence_.ID.lt(0L)).first()).isEmpty();
        assertThat(occurrences().get(42L).id()).isEqualTo(42L);
        assertThat(occurrences().get(42).id()).as("an int key for a long id").isEqualTo(42L);
        assertThat(occurrences().find(4242L)).isEmpty();
        assertThat(occurrences().where(Occurrence_.PROJECT.idEq(1L)).find(42L)).as("42 is in project 2").isEmpty();
        assertThatThrownBy(() -> occurrences().get(4242L)).isInstanceOf(NoSuchRowException.class)
                .hasMessage("Occurrence with id = 4242 does not exist");
    }

    @Test
    void minAndMaxAreOverTheMatchingRows() {
        Query<Occurrence> project1 = occurrences().where(Occurrence_.PROJECT.idEq(1L));
        Object[] want = rows("SELECT MAX(determination_score), MIN(created_at) FROM main_occurrence WHERE project_id = 1")
                .get(0);
        assertThat(project1.max(Occurrence_.DETERMINATION_SCORE)).contains(((Number) want[0]).doubleValue());
        assertThat(project1.min(Occurrence_.CREATED_AT)).contains(((Timestamp) want[1]).toLocalDateTime());
        assertThat(project1.max(Occurrence_.DETERMINATION.then(Taxon_.NAME))).as("through a to-one path (a join)")
                .contains((String) rows("SELECT MAX(t.name) FROM main_occurrence o JOIN main_taxon t"
                        + " ON t.id = o.determination_id WHERE o.project_id = 1").get(0)[0]);
        assertThat(project1.max(Agg.count(Occurrence_.DETECTIONS))).as("of an aggregate per row").contains(
                ((Number) rows("SELECT MAX((SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id))"
                        + " FROM main_occurrence o WHERE o.project_id = 1").get(0)[0]).longValue());
        assertThat(project1.where(Occurrence_.ID.lt(0L)).max(Occurrence_.DETERMINATION_SCORE)).as("no row").isEmpty();
        assertThat(occurrences().where(Occurrence_.DETERMINATION.isNull()).max(Occurrence_.DETERMINATION.then(Taxon_.NAME)))
                .as("every value NULL").isEmpty();
        assertThat(occurrences().max(Occurrence_.ID)).contains((long) OCCURRENCES);
        assertThatThrownBy(() -> project1.limit(10).max(Occurrence_.ID)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("max() is over every matching row, and this query has a window");
    }

    @Test
    void annotationsComputeAggregatesPerRow() {
        var q = occurrences().where(Occurrence_.ID.le(40L))
                .annotate(Occurrence_.DETECTIONS_COUNT, Agg.count(Occurrence_.DETECTIONS))
                .annotate(Occurrence_.FIRST_APPEARANCE, Agg.min(Occurrence_.DETECTIONS, Detection_.TIMESTAMP))
                .annotate(Occurrence_.DURATION_SECONDS, Expr.secondsBetween(
                        Agg.min(Occurrence_.DETECTIONS, Detection_.TIMESTAMP), Agg.max(Occurrence_.DETECTIONS, Detection_.TIMESTAMP)));
        List<Occurrence> rows = q.list();
        List<Object[]> expected = rows("SELECT o.id, (SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id), "
                + "(SELECT MIN(d.timestamp) FROM main_detection d WHERE d.occurrence_id = o.id), "
                + "(SELECT MAX(d.timestamp) FROM main_detection d WHERE d.occurrence_id = o.id) "
                + "FROM main_occurrence o WHERE o.id <= 40 ORDER BY o.id");
        assertThat(rows).hasSize(40);
        for (int i = 0; i < rows.size(); i++) {
            Occurrence o = rows.get(i);
            Object[] e = expected.get(i);
            assertThat(o.detectionsCount()).isEqualTo(((Number) e[1]).longValue()).isEqualTo(o.id() % 4);
            LocalDateTime min = e[2] == null ? null : ((Timestamp) e[2]).toLocalDateTime();
            LocalDateTime max = e[3] == null ? null : ((Timestamp) e[3]).toLocalDateTime();
            assertThat(o.firstAppearance()).isEqualTo(min);
            assertThat(o.durationSeconds()).isEqualTo(min == null ? null : (double) java.time.Duration.between(min, max).toSeconds());
        }
        assertStatements(1);

        // Filtering and ordering on an aggregate.
        var busiest = occurrences().annotate(Occurrence_.DETECTIONS_COUNT, Agg.count(Occurrence_.DETECTIONS))
                .where(Agg.count(Occurrence_.DETECTIONS).ge(3L))
                .orderBy(Occurrence_.DETECTIONS_COUNT.desc(), Occurrence_.ID.asc()).limit(5).list();
        assertThat(busiest).extracting(Occurrence::detectionsCount).containsOnly(3L);
        assertThat(idsOf(busiest, Occurrence::id)).containsExactly(3L, 7L, 11L, 15L, 19L);
        assertThat(occurrences().where(Agg.count(Occurrence_.DETECTIONS, Detection_.PATH.isNull()).eq(1L)).count())
                .isEqualTo(ids("SELECT COUNT(*) FROM main_occurrence WHERE MOD(id, 4) >= 2").get(0));
    }

    @Test
    void sumAvgAndArithmeticAnnotations() {
        List<Occurrence> sums = occurrences().where(Occurrence_.ID.le(40L))
                .annotate(Occurrence_.DETECTIONS_COUNT, Agg.sum(Occurrence_.DETECTIONS, Detection_.FRAME_NUM, Long.class))
                .annotate(Occurrence_.DURATION_SECONDS, Agg.avg(Occurrence_.DETECTIONS, Detection_.DETECTION_SCORE))
                .list();
        List<Object[]> expected = rows("SELECT o.id, (SELECT SUM(d.frame_num) FROM main_detection d WHERE d.occurrence_id = o.id), "
                + "(SELECT AVG(d.detection_score) FROM main_detection d WHERE d.occurrence_id = o.id) "
                + "FROM main_occurrence o WHERE o.id <= 40 ORDER BY o.id");
        for (int i = 0; i < sums.size(); i++) {
            Object[] e = expected.get(i);
            assertThat(sums.get(i).detectionsCount()).isEqualTo(e[1] == null ? null : ((Number) e[1]).longValue());
            if (e[2] == null) {
                assertThat(sums.get(i).durationSeconds()).isNull();
            } else {
                assertThat(sums.get(i).durationSeconds()).isCloseTo(((Number) e[2]).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        List<Occurrence> scaled = occurrences().where(Occurrence_.DETERMINATION_SCORE.isNotNull()).limit(20)
                .annotate(Occurrence_.DURATION_SECONDS,
                        Occurrence_.DETERMINATION_SCORE.times(Expr.value(100.0, Double.class)).plus(Expr.value(1.0, Double.class)))
                .list();
        assertThat(scaled).isNotEmpty().allSatisfy(o -> assertThat(o.durationSeconds())
                .isCloseTo(o.determinationScore() * 100 + 1, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void queriesAreImmutableAndShareOneSqlTextPerShape() {
        Query<Occurrence> base = occurrences().where(Occurrence_.PROJECT.idEq(1L));
        Query<Occurrence> narrow = base.where(Occurrence_.ID.le(10L));
        assertThat(base.count()).isEqualTo(600);
        assertThat(narrow.count()).isEqualTo(5);
        assertThat(base.count()).isEqualTo(600);

        String few = occurrences().where(Occurrence_.ID.in(List.of(1L, 2L, 3L))).sql();
        String many = occurrences().where(Occurrence_.ID.in(LongStream.rangeClosed(1, 300).boxed().toList())).sql();
        assertThat(many).isEqualTo(few).contains("= ANY(?)");
        assertThat(occurrences().where(Occurrence_.ID.eq(1L)).sql()).isEqualTo(occurrences().where(Occurrence_.ID.eq(2L)).sql());
    }

    @Test
    void firstOnAnOrderedQueryIsTheFirstRow() {
        Optional<Occurrence> best = occurrences().where(Occurrence_.DETERMINATION_SCORE.isNotNull())
                .orderBy(Occurrence_.DETERMINATION_SCORE.desc()).first();
        assertThat(best).map(Occurrence::id).contains(ids("SELECT id FROM main_occurrence WHERE determination_score IS NOT NULL "
                + "ORDER BY determination_score DESC, id DESC LIMIT 1").get(0));
    }
}
