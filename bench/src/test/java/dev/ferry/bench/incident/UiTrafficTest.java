package dev.ferry.bench.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.bench.incident.UiTraffic.Choice;
import dev.ferry.bench.incident.UiTraffic.Filter;
import dev.ferry.bench.incident.UiTraffic.FilterKind;
import dev.ferry.bench.incident.UiTraffic.PageKind;
import dev.ferry.bench.incident.UiTraffic.ProjectPool;
import dev.ferry.bench.incident.UiTraffic.Request;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ui-traffic generator on pools made here: its mix, its pages, its determinism. */
class UiTrafficTest {

    private static final int DRAWS = 200_000;

    /**
     * Project 1 has 10,000 occurrences, 7,000 in its default view; project 2 2,500 and 3,000 (a view larger than
     * the project cannot happen, but tells the weights apart); each filter kind has a few values of assorted sizes.
     */
    private static UiTraffic traffic() {
        return new UiTraffic(List.of(pool(1, 7_000, 10_000), pool(2, 3_000, 2_500)), 20);
    }

    private static ProjectPool pool(long id, long rows, long occurrences) {
        Map<FilterKind, List<Choice>> choices = new EnumMap<>(FilterKind.class);
        for (FilterKind kind : FilterKind.values()) {
            List<Choice> list = new ArrayList<>();
            if (kind == FilterKind.NONE) {
                list.add(new Choice(new Filter(kind, ""), rows));
            } else if (kind == FilterKind.NO_DEFAULTS) {
                list.add(new Choice(new Filter(kind, "&apply_defaults=false"), occurrences));
            } else {
                long[] sizes = {rows / 2, 45, 0, rows / 10};
                for (int i = 0; i < sizes.length; i++) {
                    list.add(new Choice(new Filter(kind, "&" + kind.name().toLowerCase() + "=" + i), sizes[i]));
                }
            }
            choices.put(kind, list);
        }
        return new ProjectPool(id, choices);
    }

    @Test
    void theMixFollowsTheWeights() {
        UiTraffic traffic = traffic();
        SplittableRandom random = new SplittableRandom(1);
        Map<Long, Integer> projects = new HashMap<>();
        Map<FilterKind, Integer> filters = new EnumMap<>(FilterKind.class);
        Map<String, Integer> orderings = new HashMap<>();
        Map<PageKind, Integer> pages = new EnumMap<>(PageKind.class);
        for (int i = 0; i < DRAWS; i++) {
            Request r = traffic.next(random);
            projects.merge(r.project(), 1, Integer::sum);
            filters.merge(r.filter().kind(), 1, Integer::sum);
            orderings.merge(r.ordering(), 1, Integer::sum);
            pages.merge(r.page(), 1, Integer::sum);
            assertEquals(20, r.limit());
        }
        // projects weighted by their occurrences (10,000 : 2,500), not by their default views
        assertShare(0.8, projects.get(1L), 0.01, "project 1");
        assertShare(0.2, projects.get(2L), 0.01, "project 2");
        // no filter 30%, each of the seven kinds 10%
        assertShare(0.30, filters.get(FilterKind.NONE), 0.01, "no filter");
        for (FilterKind kind : FilterKind.FILTERED) {
            assertShare(0.10, filters.get(kind), 0.006, kind.label);
        }
        // -updated_at 40% plus its share of the uniform rest; every other ordering 60% / 24
        assertEquals(24, orderings.size(), orderings.keySet().toString());
        assertShare(0.40 + 0.60 / 24, orderings.get("-updated_at"), 0.01, "-updated_at");
        for (String field : UiTraffic.ORDERING_FIELDS) {
            for (String ordering : List.of(field, "-" + field)) {
                if (!ordering.equals("-updated_at")) {
                    assertShare(0.60 / 24, orderings.get(ordering), 0.003, ordering);
                }
            }
        }
        // the first page half the time, pages 2-6 a fifth, any page the rest
        assertShare(0.50, pages.get(PageKind.FIRST), 0.01, "first page");
        assertShare(0.20, pages.get(PageKind.EARLY), 0.01, "pages 2-6");
        assertShare(0.30, pages.get(PageKind.ANY), 0.01, "any page");
    }

    private static void assertShare(double expected, Integer count, double tolerance, String what) {
        double share = (count == null ? 0 : count) / (double) DRAWS;
        assertEquals(expected, share, tolerance, what + ": " + share);
    }

    @Test
    void pagesStayInsideTheResultAndAnyPageReachesItsEnd() {
        UiTraffic traffic = traffic();
        Map<Long, Long> rowsOfProject = Map.of(1L, 7_000L, 2L, 3_000L);
        SplittableRandom random = new SplittableRandom(2);
        long deepest = 0;
        Set<Long> earlyPages = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            Request r = traffic.next(random);
            long count = countOf(r, rowsOfProject);
            assertEquals(0, r.offset() % 20, r.path());
            assertTrue(r.offset() == 0 || r.offset() < count, r.path() + " lists " + count);
            switch (r.page()) {
                case FIRST -> assertEquals(0, r.offset(), r.path());
                case EARLY -> {
                    long page = r.offset() / 20 + 1;
                    // pages 2-6, or the last page of a shorter result
                    assertTrue(page >= 2 && page <= 6 || page == Math.max(1, (count + 19) / 20), r.path());
                    if (count >= 120) {
                        earlyPages.add(page);
                    }
                }
                case ANY -> {
                    if (r.project() == 1 && r.filter().kind() == FilterKind.NONE) {
                        deepest = Math.max(deepest, r.offset());
                    }
                }
            }
        }
        assertEquals(Set.of(2L, 3L, 4L, 5L, 6L), earlyPages);
        assertEquals(6_980, deepest, "the last page of the 7,000 rows is drawn");
    }

    /** The result size the test pools give each filter value (see {@link #pool}). */
    private static long countOf(Request r, Map<Long, Long> rowsOfProject) {
        long rows = rowsOfProject.get(r.project());
        if (r.filter().kind() == FilterKind.NONE) {
            return rows;
        }
        if (r.filter().kind() == FilterKind.NO_DEFAULTS) {
            return r.project() == 1 ? 10_000 : 2_500;
        }
        int i = Integer.parseInt(r.filter().query().substring(r.filter().query().indexOf('=') + 1));
        return new long[] {rows / 2, 45, 0, rows / 10}[i];
    }

    @Test
    void theSameSeedGivesTheSameRequests() {
        UiTraffic traffic = traffic();
        List<String> a = paths(traffic, 42);
        assertEquals(a, paths(traffic, 42));
        assertNotEquals(a, paths(traffic, 43));
    }

    private static List<String> paths(UiTraffic traffic, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            out.add(traffic.next(random).path());
        }
        return out;
    }

    @Test
    void everyWhitelistedOrderingHasAFamily() {
        assertEquals(UiTraffic.OrderingFamily.UI_DEFAULT, UiTraffic.OrderingFamily.of("-updated_at"));
        assertEquals(UiTraffic.OrderingFamily.COLUMN, UiTraffic.OrderingFamily.of("updated_at"));
        assertEquals(UiTraffic.OrderingFamily.RELATED, UiTraffic.OrderingFamily.of("-determination__name"));
        assertEquals(UiTraffic.OrderingFamily.ANNOTATION, UiTraffic.OrderingFamily.of("duration"));
        for (String field : UiTraffic.ORDERING_FIELDS) {
            UiTraffic.OrderingFamily.of(field);
            UiTraffic.OrderingFamily.of("-" + field);
        }
        assertThrows(IllegalArgumentException.class, () -> UiTraffic.OrderingFamily.of("-name"));
    }

    @Test
    void sampleDrawsDistinctValuesDeterministically() {
        long[] ids = new long[100];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1000 + i;
        }
        List<Long> a = UiTraffic.sample(ids, 30, new SplittableRandom(3));
        assertEquals(30, new HashSet<>(a).size());
        assertEquals(a, UiTraffic.sample(ids, 30, new SplittableRandom(3)));
        assertEquals(100, UiTraffic.sample(ids, 500, new SplittableRandom(3)).size(), "all of a smaller pool");
        assertEquals(1000, ids[0], "the input is left alone");
    }

    @Test
    void aProjectNeedsAValueOfEveryKind() {
        Map<FilterKind, List<Choice>> choices = new EnumMap<>(FilterKind.class);
        choices.put(FilterKind.NONE, List.of(new Choice(new Filter(FilterKind.NONE, ""), 10)));
        assertThrows(IllegalArgumentException.class, () -> new ProjectPool(1, choices));
    }
}
