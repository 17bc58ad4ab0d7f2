package dev.ferry.engine;

import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.query.Page;
import dev.ferry.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Query.page()}: the window's rows and the total without the window in one statement; a page
 * past the last row costs one COUNT more; prefetches run as for list(). Rows are checked against
 * list() of the same query, totals against count() without the window and against plain SQL.
 */
abstract class PageCases extends SeededDatabase {

    PageCases(DataSource raw) {
        super(raw);
    }

    /** Project 1 (600 rows) by score, NULLs and ties included. */
    private Query<Occurrence> project1() {
        return ferry.from(Occurrence.class).where(Occurrence_.PROJECT.idEq(1L))
                .orderBy(Occurrence_.DETERMINATION_SCORE.desc());
    }

    private long sqlCount(String sql) {
        return ids(sql).get(0);
    }

    private static List<Long> idsOfPage(Page<Occurrence> page) {
        return idsOf(page.rows(), Occurrence::id);
    }

    @ParameterizedTest
    @CsvSource({"25, 0", "25, 100", "1, 599", "37, 580", "600, 0", "1000, 0", "10, 595"})
    void theWindowAndTheTotalComeInOneStatement(long limit, long offset) {
        Query<Occurrence> q = project1().limit(limit).offset(offset);
        Page<Occurrence> page = q.page();
        assertStatements(1);
        assertThat(log.statements().get(0)).contains("(SELECT COUNT(*) FROM");
        List<Long> all = ids("SELECT id FROM main_occurrence WHERE project_id = 1 ORDER BY determination_score DESC NULLS FIRST, id DESC");
        assertThat(idsOfPage(page)).isEqualTo(all.subList((int) offset, (int) Math.min(all.size(), offset + limit)))
                .isEqualTo(idsOf(q.list(), Occurrence::id));
        assertThat(page.total()).isEqualTo(all.size()).isEqualTo(project1().count())
                .isEqualTo(sqlCount("SELECT COUNT(*) FROM main_occurrence WHERE project_id = 1"));
    }

    @Test
    void offsetWithoutLimitAndConditionsThroughToManyRelations() {
        Page<Occurrence> tail = ferry.from(Occurrence.class).offset(1190).page();
        assertThat(idsOfPage(tail)).isEqualTo(ids("SELECT id FROM main_occurrence ORDER BY id OFFSET 1190"));
        assertThat(tail.total()).isEqualTo(OCCURRENCES);
        Query<Occurrence> detected = ferry.from(Occurrence.class)
                .where(Occurrence_.DETECTIONS.any(Detection_.PATH.isNull()))
                .orderBy(Occurrence_.CREATED_AT.desc()).limit(20).offset(40);
        Page<Occurrence> page = detected.page();
        assertThat(idsOfPage(page)).isEqualTo(idsOf(detected.list(), Occurrence::id)).hasSize(20);
        assertThat(page.total()).isEqualTo(sqlCount("SELECT COUNT(*) FROM main_occurrence o WHERE EXISTS "
                + "(SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id AND d.path IS NULL)"));
        assertStatements(3);
    }

    @Test
    void joinsAnnotationsAndPrefetchesLoadAsWithList() {
        Query<Occurrence> q = project1()
                .join(Occurrence_.DETERMINATION.then(Taxon_.PARENT))
                .annotate(Occurrence_.DETECTIONS_COUNT, Agg.count(Occurrence_.DETECTIONS))
                .annotate(Occurrence_.FIRST_APPEARANCE, Agg.min(Occurrence_.DETECTIONS, Detection_.TIMESTAMP))
                .prefetch(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS))
                .prefetch(Occurrence_.IDENTIFICATIONS, i -> i.where(Identification_.WITHDRAWN.eq(false)))
                .limit(30).offset(60);
        Page<Occurrence> page = q.page();
        assertStatements(1 + 3);
        assertThat(q.plannedStatements()).isEqualTo(4);
        List<Occurrence> listed = q.list();
        assertStatements(2 * 4);
        log.reset();

        assertThat(page.rows()).hasSize(30);
        assertThat(page.total()).isEqualTo(600);
        for (int i = 0; i < listed.size(); i++) {
            Occurrence p = page.rows().get(i);
            Occurrence l = listed.get(i);
            assertThat(p.id()).isEqualTo(l.id());
            assertThat(p.determination().isLoaded()).isTrue();
            assertThat(p.determination().isEmpty()).isEqualTo(l.determination().isEmpty());
            if (!p.determination().isEmpty()) {
                assertThat(p.determination().get().name()).isEqualTo(l.determination().get().name());
                assertThat(p.determination().get().parent().get().name()).isEqualTo(l.determination().get().parent().get().name());
            }
            assertThat(p.detectionsCount()).isEqualTo(l.detectionsCount()).isEqualTo(Seeder.detectionsOf(p.id()));
            assertThat(p.firstAppearance()).isEqualTo(l.firstAppearance());
            assertThat(idsOf(p.detections().get(), Detection::id)).isEqualTo(idsOf(l.detections().get(), Detection::id));
            for (int d = 0; d < p.detections().size(); d++) {
                assertThat(idsOf(p.detections().get().get(d).classifications().get(), Classification::id))
                        .isEqualTo(idsOf(l.detections().get().get(d).classifications().get(), Classification::id));
            }
            assertThat(idsOf(p.identifications().get(), Identification::id))
                    .isEqualTo(idsOf(l.identifications().get(), Identification::id));
        }
        for (Occurrence o : page.rows()) {
            assertThat(idsOf(o.identifications().get(), Identification::id)).isEqualTo(ids(
                    "SELECT id FROM main_identification WHERE occurrence_id = ? AND NOT withdrawn ORDER BY id", o.id()));
        }
        assertStatements(0);
    }

    @Test
    void aTargetColumnPrefetchAndAnOrderingOnAnAnnotation() {
        Query<OccurrenceView> q = ferry.from(OccurrenceView.class)
                .annotate(OccurrenceView_.CLASSIFICATIONS_COUNT, Agg.count(OccurrenceView_.CLASSIFICATIONS))
                .where(OccurrenceView_.DETERMINATION.isNotNull())
                .orderBy(OccurrenceView_.CLASSIFICATIONS_COUNT.desc(), OccurrenceView_.ID.desc())
                .prefetch(OccurrenceView_.CLASSIFICATIONS.then(Classification_.TAXON))
                .limit(50).offset(250);
        Page<OccurrenceView> page = q.page();
        assertStatements(3);
        List<OccurrenceView> listed = q.list();
        assertThat(idsOf(page.rows(), OccurrenceView::id)).isEqualTo(idsOf(listed, OccurrenceView::id))
                .isEqualTo(ids("SELECT o.id FROM main_occurrence o WHERE o.determination_id IS NOT NULL ORDER BY "
                        + "(SELECT COUNT(*) FROM main_detection d JOIN main_classification c ON c.detection_id = d.id "
                        + "WHERE d.occurrence_id = o.id) DESC, o.id DESC LIMIT 50 OFFSET 250"));
        assertThat(page.total()).isEqualTo(sqlCount("SELECT COUNT(*) FROM main_occurrence WHERE determination_id IS NOT NULL"));
        for (int i = 0; i < listed.size(); i++) {
            OccurrenceView p = page.rows().get(i);
            assertThat(p.classificationsCount()).isEqualTo(listed.get(i).classificationsCount()).isEqualTo(p.classifications().size());
            assertThat(idsOf(p.classifications().get(), Classification::id))
                    .isEqualTo(idsOf(listed.get(i).classifications().get(), Classification::id));
            p.classifications().forEach(c -> assertThat(c.taxon().isLoaded()).isTrue());
        }
    }

    @Test
    void reservedColumnNamesSurviveTheDerivedTable() {
        // ml_algorithm has a column named "key": the page is cut in a derived table and read from it.
        Page<Algorithm> page = ferry.from(Algorithm.class).orderBy(Algorithm_.KEY.desc()).limit(1).page();
        assertThat(page.total()).isEqualTo(sqlCount("SELECT COUNT(*) FROM ml_algorithm"));
        assertThat(page.rows()).singleElement().satisfies(a -> assertThat(a.key())
                .isEqualTo(rows("SELECT \"key\" FROM ml_algorithm ORDER BY \"key\" DESC LIMIT 1").get(0)[0]));
        assertStatements(1);
    }

    @Test
    void aPagePastTheLastRowCostsOneCountAndNoPrefetch() {
        Query<Occurrence> q = project1().prefetch("detections.classifications").join(Occurrence_.EVENT);
        Page<Occurrence> past = q.limit(25).offset(600).page();
        assertThat(past.rows()).isEmpty();
        assertThat(past.total()).isEqualTo(600);
        assertStatements(2);
        assertThat(log.statements().get(1)).startsWith("SELECT COUNT(*)");

        log.reset();
        Page<Occurrence> far = q.limit(25).offset(1_000_000).page();
        assertThat(far.rows()).isEmpty();
        assertThat(far.total()).isEqualTo(600);
        assertStatements(2);
    }

    @Test
    void noMatchOnTheFirstPageIsTotalZeroInOneStatement() {
        Page<Occurrence> none = project1().where(Occurrence_.ID.lt(0L)).prefetch("detections.classifications").limit(25).page();
        assertThat(none.rows()).isEmpty();
        assertThat(none.total()).isZero();
        assertStatements(1);
    }

    @Test
    void anEmptyWindowStillCountsTheRows() {
        // limit(0) has no row to carry the total: the total is counted (and the rows are not read).
        Page<Occurrence> empty = project1().prefetch("detections").limit(0).page();
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.total()).isEqualTo(600);
        assertStatements(1);
        assertThat(log.statements().get(0)).startsWith("SELECT COUNT(*)");
        log.reset();
        assertThat(project1().limit(0).offset(20).page().total()).isEqualTo(600);
        assertThat(project1().where(Occurrence_.ID.lt(0L)).limit(0).page().total()).isZero();
        assertStatements(2);
    }

    @Test
    void withoutAWindowTheTotalIsTheRowCount() {
        Query<Occurrence> q = project1().where(Occurrence_.DETERMINATION_SCORE.gt(0.5)).prefetch(Occurrence_.DETECTIONS);
        Page<Occurrence> page = q.page();
        assertStatements(2);
        assertThat(log.statements().get(0)).doesNotContain("OVER");
        assertThat(idsOfPage(page)).isEqualTo(idsOf(q.list(), Occurrence::id));
        assertThat(page.total()).isEqualTo(page.rows().size())
                .isEqualTo(sqlCount("SELECT COUNT(*) FROM main_occurrence WHERE project_id = 1 AND determination_score > 0.5"));
        page.rows().forEach(o -> assertThat(o.detections().size()).isEqualTo(Seeder.detectionsOf(o.id())));
        assertThatThrownBy(() -> page.rows().add(page.rows().get(0))).isInstanceOf(UnsupportedOperationException.class);

        Page<Occurrence> none = project1().where(Occurrence_.ID.lt(0L)).page();
        assertThat(none.rows()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void keysetPagesCountTheRowsAfterThePosition() {
        Query<Occurrence> q = project1().orderBy(Occurrence_.DETERMINATION_SCORE.asc(), Occurrence_.ID.asc());
        List<Occurrence> all = q.list();
        Occurrence mark = all.get(99);
        Query<Occurrence> after = q.after(mark.determinationScore(), mark.id());
        log.reset();
        Page<Occurrence> page = after.limit(40).page();
        assertStatements(1);
        assertThat(idsOfPage(page)).isEqualTo(idsOf(all.subList(100, 140), Occurrence::id));
        assertThat(page.total()).as("the rows after the position").isEqualTo(500).isEqualTo(after.count());
        // Past the end of a keyset query: the count keeps the position.
        Page<Occurrence> past = after.limit(40).offset(500).page();
        assertThat(past.rows()).isEmpty();
        assertThat(past.total()).isEqualTo(500);
        // Walking with page(): each total is what remains.
        int walked = 0;
        Page<Occurrence> p = q.limit(150).page();
        while (!p.rows().isEmpty()) {
            assertThat(p.total()).isEqualTo(600 - walked);
            walked += p.rows().size();
            Occurrence last = p.rows().get(p.rows().size() - 1);
            p = q.after(last.determinationScore(), last.id()).limit(150).page();
        }
        assertThat(walked).isEqualTo(600);
    }
}
