package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.query.Page;
import dev.ferry.query.Query;
import dev.ferry.query.Total;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code page(Total)}: every strategy against the plain exact count and OFFSET written in SQL, on
 * orderings with NULLs and ties, through a to-one relation and an aggregate; the statements each
 * strategy costs; reuse within the age and after invalidation; the cap and the estimate.
 */
abstract class TotalCases extends SeededDatabase {

    /** Positions every 7 rows, and none of the fixture's results read whole: walks and seeks on every deep page. */
    private static final Total REUSED = Total.reused(Duration.ofHours(1)).positionsEvery(7).sortWholeUpTo(0);

    TotalCases(DataSource raw) {
        super(raw);
    }

    /** An ordering, the same in SQL (the oracle), and a condition with its SQL. */
    private record Case(String name, Function<Query<Occurrence>, Query<Occurrence>> query, String sqlFrom, String sqlWhere,
                        String sqlOrder) {
    }

    private static final String TAXON = " LEFT JOIN main_taxon t ON t.id = o.determination_id";
    private static final String DETECTIONS = "(SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id)";

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("score desc (NULLs first), id", q -> q.orderBy(Occurrence_.DETERMINATION_SCORE.desc(), Occurrence_.ID.asc()),
                "", "", "o.determination_score DESC NULLS FIRST, o.id ASC"));
        cases.add(new Case("score asc NULLs first, id desc", q -> q.orderBy(Occurrence_.DETERMINATION_SCORE.asc().nullsFirst(),
                Occurrence_.ID.desc()), "", "", "o.determination_score ASC NULLS FIRST, o.id DESC"));
        cases.add(new Case("taxon name, id", q -> q.orderBy(Occurrence_.DETERMINATION.then(Taxon_.NAME).asc(), Occurrence_.ID.asc()),
                TAXON, "", "t.name ASC NULLS LAST, o.id ASC"));
        cases.add(new Case("detections count desc, updated, id", q -> q.orderBy(Agg.count(Occurrence_.DETECTIONS).desc(),
                Occurrence_.UPDATED_AT.asc(), Occurrence_.ID.asc()), "", "", DETECTIONS + " DESC, o.updated_at ASC, o.id ASC"));
        cases.add(new Case("score > 0.3 with a detection, updated desc, id", q -> q
                .where(Occurrence_.DETERMINATION_SCORE.gt(0.3)).where(Occurrence_.DETECTIONS.isNotEmpty())
                .orderBy(Occurrence_.UPDATED_AT.desc(), Occurrence_.ID.asc()),
                "", " AND o.determination_score > 0.3 AND EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id)",
                "o.updated_at DESC, o.id ASC"));
        return cases;
    }

    private Query<Occurrence> project1(Ferry f) {
        return f.from(Occurrence.class).where(Occurrence_.PROJECT.idEq(1L));
    }

    private List<Long> oracle(Case c) {
        return ids("SELECT o.id FROM main_occurrence o" + c.sqlFrom() + " WHERE o.project_id = 1" + c.sqlWhere()
                + " ORDER BY " + c.sqlOrder());
    }

    private static List<Long> idsOfPage(Page<Occurrence> page) {
        return idsOf(page.rows(), Occurrence::id);
    }

    @Test
    void reusedTotalsAndRememberedPositionsGiveTheRowsOfAnExactCountAndOffset() {
        long[] limits = {1, 5, 25};
        long[] offsets = {0, 5, 6, 7, 8, 13, 14, 20, 99, 100, 301, 597, 599, 600, 650, 5_000};
        for (Case c : cases()) {
            List<Long> all = oracle(c);
            Query<Occurrence> q = c.query().apply(project1(ferry));
            for (long limit : limits) {
                for (long offset : offsets) {
                    Page<Occurrence> page = q.limit(limit).offset(offset).page(REUSED);
                    List<Long> expected = all.subList((int) Math.min(all.size(), offset), (int) Math.min(all.size(), offset + limit));
                    assertThat(idsOfPage(page)).as("%s, limit %d offset %d", c.name(), limit, offset).isEqualTo(expected);
                    assertThat(page.total()).as("%s total", c.name()).isEqualTo(all.size());
                    assertThat(page.accuracy()).isEqualTo(Page.Accuracy.EXACT);
                }
            }
        }
    }

    @Test
    void randomPagesOfEveryStrategyAgreeWithTheOracle() {
        SplittableRandom random = new SplittableRandom(7);
        Total[] reused = {Total.reused(Duration.ofHours(1)), Total.reused(Duration.ofHours(1)).positionsEvery(2).sortWholeUpTo(0),
                Total.reused(Duration.ofHours(1)).positionsEvery(50).sortWholeUpTo(0), Total.reused(Duration.ofHours(1)).positionsEvery(50)};
        for (Case c : cases()) {
            List<Long> all = oracle(c);
            Query<Occurrence> q = c.query().apply(project1(ferry));
            for (int i = 0; i < 40; i++) {
                long limit = 1 + random.nextInt(60);
                long offset = random.nextInt(all.size() + 20);
                List<Long> expected = all.subList((int) Math.min(all.size(), offset), (int) Math.min(all.size(), offset + limit));
                Total how = reused[random.nextInt(reused.length)];
                Page<Occurrence> page = q.limit(limit).offset(offset).page(how);
                assertThat(idsOfPage(page)).as("%s %s limit %d offset %d", c.name(), how, limit, offset).isEqualTo(expected);
                assertThat(page.total()).isEqualTo(all.size());
                Page<Occurrence> exact = q.limit(limit).offset(offset).page(Total.exact());
                assertThat(idsOfPage(exact)).isEqualTo(expected);
                assertThat(exact.total()).isEqualTo(all.size());
            }
        }
    }

    @Test
    void aReusedTotalCostsOneCountAndADeepPageOnePassThenASeek() {
        Ferry f = freshFerry();
        Query<Occurrence> byScore = project1(f).orderBy(Occurrence_.DETERMINATION_SCORE.desc(), Occurrence_.ID.asc()).limit(10);
        Query<Occurrence> byUpdate = project1(f).orderBy(Occurrence_.UPDATED_AT.asc(), Occurrence_.ID.asc()).limit(10);
        Total reused = Total.reused(Duration.ofHours(1)).positionsEvery(100).sortWholeUpTo(0);

        byScore.page(reused);
        assertStatements(1);
        assertThat(log.statements().get(0)).as("the first page counts").contains("COUNT(*)");
        log.reset();
        byUpdate.offset(20).page(reused);
        assertStatements(1);
        assertThat(log.statements().get(0)).as("the same conditions: the total is reused").doesNotContain("COUNT(*)");

        log.reset();
        Page<Occurrence> deep = byScore.offset(450).page(reused);
        assertStatements(2);
        assertThat(log.statements().get(0)).as("a walk to the offset remembers the positions on the way").contains("ROW_NUMBER() OVER");
        assertThat(log.statements().get(1)).doesNotContain("COUNT(*)").doesNotContain("ROW_NUMBER");
        assertThat(deep.total()).isEqualTo(600);
        log.reset();
        byScore.offset(300).page(reused);
        assertStatements(1);
        assertThat(log.statements().get(0)).as("a known position: the seek alone").doesNotContain("ROW_NUMBER").doesNotContain("COUNT(*)");
        log.reset();
        byScore.offset(590).page(reused);
        assertStatements(2);
        assertThat(log.statements().get(0)).as("further on: a walk from the last position known").contains("ROW_NUMBER() OVER");
        log.reset();
        assertThat(byScore.offset(1_000).page(reused).rows()).as("past the known total: no walk").isEmpty();
        assertThat(byScore.offset(Long.MAX_VALUE - 10).page(reused).total()).as("however far").isEqualTo(600);
        assertStatements(0);
        Page<Occurrence> none = project1(freshFerry()).limit(0).page(reused);
        assertThat(none.rows()).isEmpty();
        assertThat(none.total()).as("an empty window: the count alone").isEqualTo(600);
    }

    @Test
    void aSmallResultIsReadWholeAndSortedOnceItsTotalIsKnown() {
        Ferry f = freshFerry();
        Total reused = Total.reused(Duration.ofHours(1)).positionsEvery(10).sortWholeUpTo(600);
        Query<Occurrence> q = project1(f).orderBy(Occurrence_.UPDATED_AT.desc()).limit(5);
        List<Long> all = ids("SELECT id FROM main_occurrence WHERE project_id = 1 ORDER BY updated_at DESC, id DESC");
        assertThat(q.page(reused).total()).isEqualTo(600);
        log.reset();
        Page<Occurrence> deep = q.offset(450).page(reused);
        assertStatements(1);
        assertThat(log.statements().get(0)).as("no walk: the matching rows sorted whole, past a planner fence")
                .doesNotContain("ROW_NUMBER").contains(" OFFSET 0) y ORDER BY");
        assertThat(idsOfPage(deep)).isEqualTo(all.subList(450, 455));
        log.reset();
        assertThat(q.offset(600).page(reused).rows()).isEmpty();
        assertStatements(0); // past the known end: nothing to read
        Page<Occurrence> first = q.page(Total.reused(Duration.ofHours(1)).sortWholeUpTo(599)); // 600 rows: too many
        assertThat(log.statements().get(0)).doesNotContain("OFFSET 0)");
        assertThat(idsOfPage(first)).isEqualTo(all.subList(0, 5));
    }

    @Test
    void aWriteIsSeenWithinTheAgeAndAtOnceAfterInvalidation() throws Exception {
        Ferry f = freshFerry();
        Total reused = Total.reused(Duration.ofMillis(1_500)).positionsEvery(50).sortWholeUpTo(0);
        Query<Occurrence> q = project1(f).orderBy(Occurrence_.ID.desc()).limit(5);
        assertThat(q.page(reused).total()).isEqualTo(600);
        assertThat(q.offset(100).page(reused).rows()).isNotEmpty();
        long before = System.nanoTime();
        try {
            execute("INSERT INTO main_occurrence (id, created_at, updated_at, project_id) VALUES (100001, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 00:00:00', 1)");
            Page<Occurrence> reusedPage = q.page(reused);
            if (System.nanoTime() - before < Duration.ofMillis(1_000).toNanos()) {
                assertThat(reusedPage.total()).as("within the age the total may be the remembered one").isEqualTo(600);
            }
            assertThat(idsOfPage(reusedPage)).as("the rows are always read").startsWith(100001L);
            Thread.sleep(1_600);
            assertThat(q.page(reused).total()).as("after the age the total is counted again").isEqualTo(601);
            assertThat(idsOfPage(q.offset(100).page(reused))).as("and the positions are taken again")
                    .isEqualTo(ids("SELECT id FROM main_occurrence WHERE project_id = 1 ORDER BY id DESC LIMIT 5 OFFSET 100"));

            Total hour = Total.reused(Duration.ofHours(1));
            assertThat(q.page(hour).total()).isEqualTo(601);
            execute("DELETE FROM main_occurrence WHERE id = 100001");
            assertThat(q.page(hour).total()).as("remembered for an hour").isEqualTo(601);
            f.invalidate(Taxon.class);
            assertThat(q.page(hour).total()).as("another table written: still remembered").isEqualTo(601);
            f.invalidate(Occurrence.class);
            assertThat(q.page(hour).total()).as("its table written: counted again").isEqualTo(600);
        } finally {
            execute("DELETE FROM main_occurrence WHERE id = 100001");
        }
    }

    @Test
    void aTotalPastHalfItsAgeIsServedAndCountedAgainInTheBackground() throws Exception {
        Ferry f = freshFerry();
        Total reused = Total.reused(Duration.ofSeconds(2));
        Query<Occurrence> q = project1(f).where(Occurrence_.ID.in(List.of(1L, 3L, 5L, 7L, 9L, 11L, 13L)))
                .orderBy(Occurrence_.ID.asc()).limit(5);
        long expected = ids("SELECT COUNT(*) FROM main_occurrence WHERE project_id = 1 AND id IN (1, 3, 5, 7, 9, 11, 13)").get(0);
        assertThat(expected).isEqualTo(7);
        assertThat(q.page(reused).total()).isEqualTo(expected);
        log.reset();
        assertThat(q.page(reused).total()).as("a collection value is part of the result's key too").isEqualTo(expected);
        assertThat(log.statements()).hasSize(1).noneMatch(s -> s.contains("COUNT(*)"));
        Thread.sleep(1_100);
        log.reset();
        assertThat(q.page(reused).total()).isEqualTo(expected);
        assertThat(log.statements().get(0)).as("served as it is").doesNotContain("COUNT(*)");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.statements().stream().noneMatch(s -> s.startsWith("SELECT COUNT(*)")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(log.statements()).as("and counted again beside it").anyMatch(s -> s.startsWith("SELECT COUNT(*)"));
        Thread.sleep(1_000); // past the first count's age: the refreshed one answers
        log.reset();
        assertThat(q.page(reused).total()).isEqualTo(expected);
        assertThat(log.statements().get(0)).doesNotContain("COUNT(*)");
    }

    @Test
    void aCappedTotalCountsAtMostTheCap() {
        Query<Occurrence> q = project1(ferry).orderBy(Occurrence_.ID.asc()).limit(10);
        Page<Occurrence> capped = q.page(Total.atMost(100));
        assertStatements(1);
        assertThat(capped.total()).isEqualTo(100);
        assertThat(capped.accuracy()).isEqualTo(Page.Accuracy.AT_LEAST);
        assertThat(idsOfPage(capped)).isEqualTo(ids("SELECT id FROM main_occurrence WHERE project_id = 1 ORDER BY id LIMIT 10"));
        Page<Occurrence> under = q.page(Total.atMost(600));
        assertThat(under.total()).isEqualTo(600);
        assertThat(under.accuracy()).isEqualTo(Page.Accuracy.EXACT);
        assertThat(q.offset(700).page(Total.atMost(100))).satisfies(p -> {
            assertThat(p.rows()).isEmpty();
            assertThat(p.total()).isEqualTo(100);
            assertThat(p.accuracy()).isEqualTo(Page.Accuracy.AT_LEAST);
        });
        assertThat(q.limit(0).page(Total.atMost(599)).total()).isEqualTo(599);
    }

    @Test
    void anEstimateIsFlaggedAndTheLastPageIsExact() {
        Query<Occurrence> q = project1(ferry).orderBy(Occurrence_.ID.asc()).limit(10);
        Page<Occurrence> estimated = q.page(Total.estimated());
        assertThat(idsOfPage(estimated)).isEqualTo(ids("SELECT id FROM main_occurrence WHERE project_id = 1 ORDER BY id LIMIT 10"));
        if (ferry.dialect().explainForEstimate() != null) {
            assertThat(estimated.accuracy()).isEqualTo(Page.Accuracy.ESTIMATE);
            assertThat(estimated.total()).isPositive();
            assertThat(log.statements().get(0)).startsWith("EXPLAIN");
        } else {
            assertThat(estimated.accuracy()).isEqualTo(Page.Accuracy.EXACT);
            assertThat(estimated.total()).isEqualTo(600);
        }
        Page<Occurrence> last = q.offset(595).page(Total.estimated());
        assertThat(last.accuracy()).isEqualTo(Page.Accuracy.EXACT);
        assertThat(last.total()).isEqualTo(600);
    }

    @Test
    void noTotalCostsNoCount() {
        Page<Occurrence> page = project1(ferry).orderBy(Occurrence_.ID.asc()).limit(10).offset(30).page(Total.none());
        assertStatements(1);
        assertThat(log.statements().get(0)).doesNotContain("COUNT");
        assertThat(page.total()).isEqualTo(-1);
        assertThat(page.accuracy()).isEqualTo(Page.Accuracy.UNKNOWN);
        assertThat(idsOfPage(page)).isEqualTo(ids("SELECT id FROM main_occurrence WHERE project_id = 1 ORDER BY id LIMIT 10 OFFSET 30"));
    }

    @Test
    void differentValuesAreDifferentResults() {
        Ferry f = freshFerry();
        Total reused = Total.reused(Duration.ofHours(1));
        for (double threshold : new double[] {0.1, 0.5, 0.9}) {
            Page<Occurrence> page = project1(f).where(Occurrence_.DETERMINATION_SCORE.gt(threshold)).orderBy(Occurrence_.ID.asc()).limit(3).page(reused);
            assertThat(page.total()).isEqualTo(ids("SELECT COUNT(*) FROM main_occurrence WHERE project_id = 1 AND determination_score > ?",
                    threshold).get(0));
        }
    }

    @Test
    void requestsForTheSameResultAtOnceComputeItOnce() throws Exception {
        assumeTrue(ferry.dialect().name().equals("postgresql"), "needs a table lock that blocks readers (PostgreSQL)");
        Ferry f = freshFerry();
        Total reused = Total.reused(Duration.ofHours(1)).positionsEvery(50).sortWholeUpTo(0);
        Query<Occurrence> q = project1(f).orderBy(Occurrence_.UPDATED_AT.desc(), Occurrence_.ID.asc()).limit(5).offset(300);
        List<Long> expected = ids("SELECT id FROM main_occurrence WHERE project_id = 1 ORDER BY updated_at DESC, id LIMIT 5 OFFSET 300");
        int requests = 3; // with the lock's connection, the test pool's 4
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try (Connection locker = raw.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE main_occurrence IN ACCESS EXCLUSIVE MODE");
            }
            List<Future<Page<Occurrence>>> pages = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                pages.add(pool.submit(() -> q.page(reused)));
            }
            Thread.sleep(300); // the first to claim waits for the lock, the others for it
            locker.rollback();
            for (Future<Page<Occurrence>> page : pages) {
                assertThat(idsOfPage(page.get(30, TimeUnit.SECONDS))).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.statements().stream().filter(s -> s.contains("ROW_NUMBER() OVER")).count())
                .as("one pass for all:\n%s", log.describe()).isEqualTo(1);
    }

    /** A Ferry of its own on the statement log: an empty result cache. */
    private Ferry freshFerry() {
        return Ferry.builder(log.dataSource()).entities(ENTITIES).metamodels(METAMODELS).build();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
