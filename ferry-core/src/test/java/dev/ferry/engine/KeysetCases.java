package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.error.InvalidQueryException;
import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.query.Cursor;
import dev.ferry.query.Expr;
import dev.ferry.query.Order;
import dev.ferry.query.Page;
import dev.ferry.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keyset pagination against a plain-SQL oracle. Each case is an ordering over fixture columns with
 * NULLs and ties (nullable and NOT NULL, NULLS FIRST and LAST, mixed directions, through to-one
 * joins, on annotations, with and without the page cut first) and the same ordering written in SQL,
 * selecting each row's id and then its ordering values (the key last). Walking every page with
 * {@code after(...)} must give the oracle's order, as OFFSET paging does; the position keeps its
 * meaning in count(), exists(), page() and under an offset. The same walks go by {@code cursor(lastRow)}
 * (whose values must be the oracle's) and by its token.
 */
abstract class KeysetCases extends SeededDatabase {

    KeysetCases(DataSource raw) {
        super(raw);
    }

    /**
     * @param oracle   {@code SELECT id, ordering values... ORDER BY ...}: the expected order and each row's position
     * @param nullRows how many rows have a NULL among their ordering values (so a case cannot lose its NULLs unseen)
     * @param fromRow  whether cursor(row) can read the ordering from a row (not an expression, joins loaded)
     */
    record Case<T>(String name, Function<Ferry, Query<T>> query, ToLongFunction<T> id, String oracle, long nullRows,
                   boolean fromRow) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PROJECT_2 = " FROM main_occurrence o WHERE o.project_id = 2 ORDER BY ";
    private static final String WITH_TAXON = " FROM main_occurrence o LEFT JOIN main_taxon t ON t.id = o.determination_id "
            + "WHERE o.project_id = 2 ORDER BY ";
    private static final String COUNT = "(SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id)";
    private static final String FIRST_SEEN = "(SELECT MIN(d.timestamp) FROM main_detection d WHERE d.occurrence_id = o.id)";

    /**
     * Project 2's 600 occurrences (even ids), where the fixture's NULLs are: every fifth has no
     * determination (nor score), every second no detection (nor first appearance).
     */
    private static Query<Occurrence> project2(Ferry ferry) {
        return ferry.from(Occurrence.class).where(Occurrence_.PROJECT.idEq(2L));
    }

    private static Case<Occurrence> occurrences(String name, long nullRows, Function<Query<Occurrence>, Query<Occurrence>> query,
                                                String oracle) {
        return new Case<>(name, f -> query.apply(project2(f)), Occurrence::id, oracle, nullRows, true);
    }

    /** A case whose ordering cursor(row) cannot read: the values come from the oracle only. */
    private static Case<Occurrence> valuesOnly(Case<Occurrence> c) {
        return new Case<>(c.name(), c.query(), c.id(), c.oracle(), c.nullRows(), false);
    }

    /** Project 2's occurrences without a determination (and score), and without detections. */
    private static final long UNDETERMINED = 120;
    private static final long UNDETECTED = 300;

    private static final Order<Occurrence> BY_NAME = Occurrence_.DETERMINATION.then(Taxon_.NAME).asc().nullsFirst();

    /** id / 7: a NOT NULL expression with ties (3 or 4 rows of project 2 each). */
    private static final Expr<Occurrence, Long> WEEK = Occurrence_.ID.div(Expr.value(7L, Long.class));

    static Stream<Case<?>> cases() {
        var score = Occurrence_.DETERMINATION_SCORE;
        return Stream.of(
                occurrences("score desc (nulls first), implicit id desc", UNDETERMINED, q -> q.orderBy(score.desc()),
                        "SELECT o.id, o.determination_score, o.id" + PROJECT_2 + "o.determination_score DESC NULLS FIRST, o.id DESC"),
                occurrences("score desc nulls last", UNDETERMINED, q -> q.orderBy(score.desc().nullsLast()),
                        "SELECT o.id, o.determination_score, o.id" + PROJECT_2 + "o.determination_score DESC NULLS LAST, o.id DESC"),
                occurrences("score asc (nulls last)", UNDETERMINED, q -> q.orderBy(score.asc()),
                        "SELECT o.id, o.determination_score, o.id" + PROJECT_2 + "o.determination_score ASC NULLS LAST, o.id"),
                occurrences("score asc nulls first, id desc", UNDETERMINED, q -> q.orderBy(score.asc().nullsFirst(), Occurrence_.ID.desc()),
                        "SELECT o.id, o.determination_score, o.id" + PROJECT_2 + "o.determination_score ASC NULLS FIRST, o.id DESC"),
                occurrences("updated desc (NOT NULL)", 0, q -> q.orderBy(Occurrence_.UPDATED_AT.desc()),
                        "SELECT o.id, o.updated_at, o.id" + PROJECT_2 + "o.updated_at DESC, o.id DESC"),
                occurrences("updated asc, id desc", 0, q -> q.orderBy(Occurrence_.UPDATED_AT.asc(), Occurrence_.ID.desc()),
                        "SELECT o.id, o.updated_at, o.id" + PROJECT_2 + "o.updated_at, o.id DESC"),
                valuesOnly(occurrences("id/7 asc, created desc", 0, q -> q.orderBy(WEEK.asc(), Occurrence_.CREATED_AT.desc()),
                        "SELECT o.id, o.id / 7, o.created_at, o.id" + PROJECT_2 + "o.id / 7, o.created_at DESC, o.id DESC")),
                valuesOnly(occurrences("id/7 asc, score asc (a nullable term after a NOT NULL one)", UNDETERMINED,
                        q -> q.orderBy(WEEK.asc(), score.asc()),
                        "SELECT o.id, o.id / 7, o.determination_score, o.id" + PROJECT_2 + "o.id / 7, o.determination_score, o.id")),
                valuesOnly(occurrences("taxon name asc nulls first, score desc, updated asc (through a LEFT JOIN, not loaded)",
                        UNDETERMINED, q -> q.orderBy(BY_NAME, score.desc(), Occurrence_.UPDATED_AT.asc()),
                        "SELECT o.id, t.name, o.determination_score, o.updated_at, o.id" + WITH_TAXON
                                + "t.name ASC NULLS FIRST, o.determination_score DESC NULLS FIRST, o.updated_at, o.id")),
                occurrences("taxon name desc nulls last, updated desc, joined (a loaded LEFT JOIN leads a run)", UNDETERMINED,
                        q -> q.join(Occurrence_.DETERMINATION).orderBy(Occurrence_.DETERMINATION.then(Taxon_.NAME).desc().nullsLast(),
                                Occurrence_.UPDATED_AT.desc()),
                        "SELECT o.id, t.name, o.updated_at, o.id" + WITH_TAXON + "t.name DESC NULLS LAST, o.updated_at DESC, o.id DESC"),
                occurrences("determination id desc nulls last, updated desc (a nullable run leader)", UNDETERMINED,
                        q -> q.orderBy(Occurrence_.DETERMINATION.id().desc().nullsLast(), Occurrence_.UPDATED_AT.desc()),
                        "SELECT o.id, o.determination_id, o.updated_at, o.id" + PROJECT_2
                                + "o.determination_id DESC NULLS LAST, o.updated_at DESC, o.id DESC"),
                valuesOnly(occurrences("event start desc, id/7 desc (through a nullable foreign key)", 0,
                        q -> q.orderBy(Occurrence_.EVENT.then(Event_.START).desc(), WEEK.desc()),
                        "SELECT o.id, e.start, o.id / 7, o.id FROM main_occurrence o LEFT JOIN main_event e ON e.id = o.event_id "
                                + "WHERE o.project_id = 2 ORDER BY e.start DESC NULLS FIRST, o.id / 7 DESC, o.id DESC")),
                occurrences("detections count desc (annotated, page cut first)", 0,
                        q -> q.annotate(Occurrence_.DETECTIONS_COUNT, Agg.count(Occurrence_.DETECTIONS))
                                .orderBy(Occurrence_.DETECTIONS_COUNT.desc()),
                        "SELECT o.id, " + COUNT + ", o.id" + PROJECT_2 + COUNT + " DESC, o.id DESC"),
                occurrences("first appearance asc nulls first, joined (annotated, nullable, page cut first)", UNDETECTED,
                        q -> q.annotate(Occurrence_.FIRST_APPEARANCE, Agg.min(Occurrence_.DETECTIONS, Detection_.TIMESTAMP))
                                .join(Occurrence_.DETERMINATION).orderBy(Occurrence_.FIRST_APPEARANCE.asc().nullsFirst()),
                        "SELECT o.id, " + FIRST_SEEN + ", o.id" + PROJECT_2 + FIRST_SEEN + " ASC NULLS FIRST, o.id"),
                occurrences("score desc nulls last, joined (page cut first)", UNDETERMINED,
                        q -> q.join(Occurrence_.DETERMINATION).orderBy(score.desc().nullsLast()),
                        "SELECT o.id, o.determination_score, o.id" + PROJECT_2 + "o.determination_score DESC NULLS LAST, o.id DESC"),
                valuesOnly(occurrences("time of day desc, joined (an expression)", 0,
                        q -> q.join(Occurrence_.EVENT).orderBy(Expr.timeOfDay(Occurrence_.CREATED_AT).desc()),
                        "SELECT o.id, CAST(o.created_at AS TIME), o.id" + PROJECT_2 + "CAST(o.created_at AS TIME) DESC, o.id DESC")),
                new Case<>("identification by its occurrence's created desc, joined (through a NOT NULL foreign key)",
                        f -> f.from(Identification.class).join(Identification_.OCCURRENCE)
                                .orderBy(Identification_.OCCURRENCE.then(Occurrence_.CREATED_AT).desc()),
                        Identification::id, "SELECT i.id, o.created_at, i.id FROM main_identification i "
                        + "JOIN main_occurrence o ON o.id = i.occurrence_id ORDER BY o.created_at DESC, i.id DESC", 0, true));
    }

    /** The oracle's rows: ids in order, and each id's ordering values as Java values (what a caller passes). */
    private record Oracle(List<Long> ids, Map<Long, Object[]> positions) {
        Object[] at(long id) {
            return positions.get(id);
        }
    }

    private Oracle oracle(String sql) {
        List<Long> ids = new ArrayList<>();
        Map<Long, Object[]> positions = new HashMap<>();
        for (Object[] row : rows(sql)) {
            long id = ((Number) row[0]).longValue();
            Object[] values = Arrays.copyOfRange(row, 1, row.length);
            for (int i = 0; i < values.length; i++) {
                values[i] = javaValue(values[i]);
            }
            ids.add(id);
            positions.put(id, values);
        }
        return new Oracle(ids, positions);
    }

    /** JDBC's legacy date-time classes as the java.time values an application holds. */
    private static Object javaValue(Object v) {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Time t) {
            return t.toLocalTime();
        }
        return v;
    }

    /**
     * Every page of {@code q} in pages of {@code size}, each after the last row of the one before
     * ({@code next} builds the query of the next page from the last row).
     */
    private static <T> List<Long> walk(Query<T> q, int size, ToLongFunction<T> id, BiFunction<Query<T>, T, Query<T>> next,
                                       int expected) {
        List<Long> walked = new ArrayList<>();
        List<T> page = q.limit(size).list();
        while (!page.isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(size);
            page.forEach(r -> walked.add(id.applyAsLong(r)));
            assertThat(walked.size()).as("a walk that repeats rows never ends").isLessThanOrEqualTo(expected);
            page = next.apply(q, page.get(page.size() - 1)).limit(size).list();
        }
        return walked;
    }

    private static <T> List<Long> offsetPages(Query<T> q, int size, ToLongFunction<T> id, int expected) {
        List<Long> all = new ArrayList<>();
        for (long offset = 0; offset <= expected; offset += size) {
            q.limit(size).offset(offset).list().forEach(r -> all.add(id.applyAsLong(r)));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void walkingFromTheLastRowVisitsEveryRowOnceInOrder(Case<?> c) {
        walkByValues(c);
        if (c.fromRow()) {
            walkByCursors(c);
        }
    }

    private <T> void walkByValues(Case<T> c) {
        Query<T> q = c.query().apply(ferry);
        Oracle oracle = oracle(c.oracle());
        int n = oracle.ids().size();
        assertThat(n).isGreaterThan(100);
        assertThat(oracle.positions().values().stream().filter(KeysetCases::hasNull).count())
                .as("rows with a NULL in the ordering").isEqualTo(c.nullRows());
        for (int size : new int[] {7, 50}) {
            assertThat(walk(q, size, c.id(), (query, last) -> query.after(oracle.at(c.id().applyAsLong(last))), n))
                    .as("page size %d", size).isEqualTo(oracle.ids());
        }
        assertThat(offsetPages(q, 50, c.id(), n)).as("OFFSET paging").isEqualTo(oracle.ids());
    }

    private <T> void walkByCursors(Case<T> c) {
        Query<T> q = c.query().apply(ferry);
        Oracle oracle = oracle(c.oracle());
        int n = oracle.ids().size();
        BiFunction<Query<T>, T, Query<T>> byCursor = (query, last) -> {
            Cursor cursor = query.cursor(last);
            assertThat(cursor.values()).as("the cursor of row %d", c.id().applyAsLong(last))
                    .containsExactly(oracle.at(c.id().applyAsLong(last)));
            return query.after(cursor);
        };
        assertThat(walk(q, 13, c.id(), byCursor, n)).as("by cursor(lastRow)").isEqualTo(oracle.ids());
        BiFunction<Query<T>, T, Query<T>> byToken = (query, last) -> {
            String token = query.cursor(last).token();
            assertThat(token).matches("[A-Za-z0-9_-]+");
            return query.after(query.cursor(token));
        };
        assertThat(walk(q, 50, c.id(), byToken, n)).as("by token").isEqualTo(oracle.ids());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thePositionHoldsInCountExistsPageAndUnderAnOffset(Case<?> c) {
        positions(c);
    }

    private <T> void positions(Case<T> c) {
        Query<T> q = c.query().apply(ferry);
        Oracle oracle = oracle(c.oracle());
        List<Long> ids = oracle.ids();
        int n = ids.size();
        // The first row, one in the middle, the last two, and the rows on each side of a change between
        // NULL and not NULL (the positions whose next rows only a NULL branch reaches).
        List<Integer> edges = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            if (hasNull(oracle.at(ids.get(i))) != hasNull(oracle.at(ids.get(i + 1)))) {
                edges.add(i);
            }
        }
        assertThat(edges.isEmpty()).as("NULL runs").isEqualTo(c.nullRows() == 0);
        List<Integer> marks = new ArrayList<>(List.of(0, n / 2, n - 2, n - 1));
        int step = 1 + edges.size() / 8; // interleaved NULLs have hundreds of edges: a sample will do
        for (int e = 0; e < edges.size(); e += step) {
            marks.add(edges.get(e));
            marks.add(edges.get(e) + 1);
        }
        for (int i : marks) {
            Query<T> after = q.after(oracle.at(ids.get(i)));
            List<Long> rest = ids.subList(i + 1, n);
            String at = "after row " + i + " of " + n;
            assertThat(after.count()).as(at).isEqualTo(rest.size());
            assertThat(after.exists()).as(at).isEqualTo(!rest.isEmpty());
            assertThat(after.limit(20).count()).as(at).isEqualTo(Math.min(20, rest.size()));
            assertThat(idsOf(after.limit(20).offset(5).list(), c.id())).as(at + ", offset 5")
                    .isEqualTo(rest.subList(Math.min(5, rest.size()), Math.min(25, rest.size())));
            Page<T> page = after.limit(20).page();
            assertThat(idsOf(page.rows(), c.id())).as(at).isEqualTo(rest.subList(0, Math.min(20, rest.size())));
            assertThat(page.total()).as(at + ": the total counts the rows after the position").isEqualTo(rest.size());
            assertThat(after.offset(Math.max(0, rest.size() - 3)).limit(10).page().total()).as(at).isEqualTo(rest.size());
        }
    }

    private static boolean hasNull(Object[] values) {
        return Arrays.asList(values).contains(null);
    }

    // ---------------------------------------------------------------- the SQL

    @Test
    void aSameDirectionRunOfNotNullTermsIsOneRowValueComparison() {
        LocalDateTime t = LocalDateTime.of(2023, 8, 3, 12, 0);
        Query<Occurrence> q = project2(ferry).orderBy(Occurrence_.UPDATED_AT.desc()).after(t, 501L).limit(25);
        assertThat(q.sql()).contains("WHERE t0.project_id = ? AND (t0.updated_at, t0.id) < (?, ?) ORDER BY")
                .doesNotContain(" OR ").doesNotContain("IS NULL").doesNotContain("UNION");
        assertThat(project2(ferry).orderBy(Occurrence_.UPDATED_AT.desc()).after(t.minusDays(1), 7L).limit(25).sql())
                .as("one text per shape: values are parameters").isEqualTo(q.sql());
        assertThat(ferry.from(Occurrence.class).after(500L).sql()).as("the key alone")
                .contains("WHERE t0.id > ? ORDER BY t0.id ASC NULLS LAST");
        // Mixed directions: one run per direction, the earlier run's terms as equalities.
        assertThat(project2(ferry).orderBy(WEEK.asc(), Occurrence_.CREATED_AT.desc()).after(70L, t, 501L).sql())
                .contains("AND ((t0.id / ?) > ? OR ((t0.id / ?) = ? AND (t0.created_at, t0.id) < (?, ?)))");
    }

    @Test
    void aNullableTermWhoseNullsComeAfterIsAUnionOfLimitedBranchesWithALimit() {
        var ordering = Occurrence_.DETERMINATION_SCORE.desc().nullsLast();
        Query<Occurrence> after = project2(ferry).orderBy(ordering).after(0.5, 501L);
        String page = after.limit(25).sql();
        if (ferry.dialect().limitsUnionMembers()) {
            assertThat(page).contains("UNION ALL")
                    .contains("AND (t0.determination_score, t0.id) < (?, ?) ORDER BY _o0 DESC NULLS LAST, _o1 DESC NULLS FIRST LIMIT ?) ")
                    .contains("AND t0.determination_score IS NULL ORDER BY _o0 DESC NULLS LAST, _o1 DESC NULLS FIRST LIMIT ?)");
        } else {
            assertThat(page).as("H2 cuts union members by the outer limit: the branches stay OR'ed").doesNotContain("UNION")
                    .contains("AND ((t0.determination_score, t0.id) < (?, ?) OR t0.determination_score IS NULL)");
        }
        // A window after the position, with an offset: each member must keep offset + limit rows.
        List<Long> rest = ids("SELECT id FROM main_occurrence WHERE project_id = 2 AND (determination_score < 0.5 OR"
                + " (determination_score = 0.5 AND id < 501) OR determination_score IS NULL)"
                + " ORDER BY determination_score DESC NULLS LAST, id DESC");
        for (int offset : new int[] {0, 1, 4, 30}) {
            assertThat(idsOf(after.limit(3).offset(offset).list(), Occurrence::id)).as("offset %d", offset)
                    .isEqualTo(rest.subList(offset, offset + 3));
        }
        assertThat(after.sql()).as("without a limit the branches are OR'ed").doesNotContain("UNION")
                .contains("AND ((t0.determination_score, t0.id) < (?, ?) OR t0.determination_score IS NULL)");
        assertThat(project2(ferry).orderBy(ordering).after(null, 501L).limit(25).sql())
                .as("inside the NULLs: one branch").doesNotContain("UNION")
                .contains("AND t0.determination_score IS NULL AND t0.id < ?");
        assertThat(project2(ferry).orderBy(Occurrence_.DETERMINATION_SCORE.desc()).after(0.5, 501L).limit(25).sql())
                .as("NULLs first: they are behind a non-NULL position").doesNotContain("UNION")
                .contains("AND (t0.determination_score, t0.id) < (?, ?)");
        String insideNulls = project2(ferry).orderBy(Occurrence_.DETERMINATION_SCORE.desc()).after(null, 501L).limit(25).sql();
        if (ferry.dialect().limitsUnionMembers()) {
            assertThat(insideNulls).as("NULLs first, inside them: the rest of the NULLs, then every value")
                    .contains("UNION ALL").contains("AND t0.determination_score IS NOT NULL ORDER BY")
                    .contains("AND t0.determination_score IS NULL AND t0.id < ? ORDER BY");
        } else {
            assertThat(insideNulls).doesNotContain("UNION")
                    .contains("(t0.determination_score IS NOT NULL OR (t0.determination_score IS NULL AND t0.id < ?))");
        }
    }

    // ---------------------------------------------------------------- cursors that cannot be

    @Test
    void aCursorNamesWhatItCannotReadFromARow() {
        Occurrence row = project2(ferry).where(Occurrence_.DETERMINATION.isNotNull()).first().orElseThrow();
        assertThatThrownBy(() -> project2(ferry).orderBy(Expr.timeOfDay(Occurrence_.CREATED_AT).desc()).cursor(row))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("cursor(row) cannot read the ordering term TimeOfDay from a row: it is an expression, not a "
                        + "component; annotate a @Computed component with it and order by that component, or pass the "
                        + "row's values to after(...)");
        assertThatThrownBy(() -> project2(ferry).orderBy(BY_NAME).cursor(row)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("cursor(row) cannot read Occurrence.determination.name: the row's Occurrence.determination is not "
                        + "loaded; add join(\"determination\") to the query, or pass the row's values to after(...)");
        assertThatThrownBy(() -> project2(ferry).orderBy(Occurrence_.DETECTIONS_COUNT.desc()).cursor(row))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("cursor(row) cannot read Occurrence.detectionsCount: it is @Computed and this query does not "
                        + "annotate it; annotate it, or pass the row's values to after(...)");
        // The target's key is the foreign key: no join needed.
        assertThat(project2(ferry).orderBy(Occurrence_.DETERMINATION.then(Taxon_.ID).asc()).cursor(row).values())
                .containsExactly(row.determination().id(), row.id());
    }

    @Test
    void aTokenOfAnotherOrderingOrNoTokenAtAllIsRefused() {
        Query<Occurrence> byScore = project2(ferry).orderBy(Occurrence_.DETERMINATION_SCORE.desc());
        Occurrence row = byScore.first().orElseThrow();
        Query<Occurrence> byUpdated = project2(ferry).orderBy(Occurrence_.UPDATED_AT.desc());
        String token = byUpdated.cursor(row).token();
        assertThatThrownBy(() -> byScore.cursor(token)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("the cursor token belongs to another ordering than this query's [Occurrence.determinationScore "
                        + "DESC NULLS FIRST, Occurrence.id DESC NULLS FIRST]; a token pages only the ordering it was read "
                        + "with: start again from the first page");
        assertThatThrownBy(() -> project2(ferry).orderBy(Occurrence_.UPDATED_AT.asc()).cursor(token))
                .as("another direction").hasMessageStartingWith("the cursor token belongs to another ordering");
        String scoreToken = byScore.cursor(row).token();
        assertThatThrownBy(() -> project2(ferry).orderBy(Occurrence_.DETERMINATION_SCORE.desc().nullsLast()).cursor(scoreToken))
                .as("another NULL placement").hasMessageStartingWith("the cursor token belongs to another ordering");
        String descending = project2(ferry).orderBy(Occurrence_.DETERMINATION_SCORE.desc(), Occurrence_.ID.desc()).cursor(row).token();
        assertThatThrownBy(() -> project2(ferry).orderBy(Occurrence_.DETERMINATION_SCORE.asc().nullsFirst(), Occurrence_.ID.desc())
                .cursor(descending)).as("only a direction differs").hasMessageStartingWith("the cursor token belongs to another ordering");
        assertThatThrownBy(() -> byScore.after(byUpdated.cursor(row))).isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("after(cursor): the cursor belongs to another ordering than this query's");
        // The same ordering written differently (NULLS LAST on a NOT NULL column, a column name, the key
        // explicit) is the same ordering: its tokens are accepted.
        Query<Occurrence> same = project2(ferry).orderBy(Occurrence_.UPDATED_AT.desc().nullsLast(),
                dev.ferry.query.Col.of(Occurrence.class, "id", Long.class).desc());
        assertThat(same.cursor(token)).isEqualTo(byUpdated.cursor(row));

        String valid = byScore.cursor(row).token();
        for (String bad : new String[] {"", "not a token!", valid.substring(0, valid.length() - 3), valid + "AAAA",
                "_" + valid.substring(1)}) {
            assertThatThrownBy(() -> byScore.cursor(bad)).as(bad).isInstanceOf(InvalidQueryException.class)
                    .hasMessageStartingWith("malformed cursor token (")
                    .hasMessageEndingWith("); pass the token Cursor.token() gave, unchanged");
        }
        assertThatThrownBy(() -> byScore.after((Cursor) null)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("after(cursor): the cursor is null; for the first page, do not call after(...)");
    }

    @Test
    void aTokenIsCheckedAgainstTheTypesOfTheOrdering() {
        Query<Occurrence> byScore = project2(ferry).orderBy(Occurrence_.DETERMINATION_SCORE.desc());
        Occurrence row = byScore.where(Occurrence_.DETERMINATION_SCORE.isNotNull()).first().orElseThrow();
        byte[] bytes = Base64.getUrlDecoder().decode(byScore.cursor(row).token());
        // version, fingerprint (4), count (2), then the score's tag and 8 bytes, then the id's tag (a Long, 1):
        // rewritten as a Double's tag (5), the same 8 bytes read as a double.
        int idTag = 1 + 4 + 2 + 1 + 8;
        assertThat(bytes[idTag]).isEqualTo((byte) 1);
        bytes[idTag] = 5;
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> byScore.cursor(forged)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("malformed cursor token (the value for Occurrence.id is a Double, not a Long); "
                        + "pass the token Cursor.token() gave, unchanged");
    }
}
