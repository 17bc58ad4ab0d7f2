package dev.ferry.bench.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.bench.incident.UiTraffic.Filter;
import dev.ferry.bench.incident.UiTraffic.FilterKind;
import dev.ferry.bench.incident.UiTraffic.PageKind;
import dev.ferry.bench.incident.UiTraffic.Request;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ui-traffic's statistics: first requests, the breakdown, the kept answers. */
class TrafficStatsTest {

    private static final long MS = 1_000_000;

    private static Request request(long project, FilterKind kind, String query, String ordering, PageKind page) {
        return new Request(project, new Filter(kind, query), ordering, page, 0, 20);
    }

    @Test
    void theFirstRequestOfAProjectAndFilterIsToldApartWhateverItsPageOrOrdering() {
        TrafficStats stats = new TrafficStats(0, 1);
        assertTrue(stats.firstOf(request(1, FilterKind.TAXON, "&taxon=5", "-updated_at", PageKind.FIRST)));
        assertFalse(stats.firstOf(request(1, FilterKind.TAXON, "&taxon=5", "duration", PageKind.ANY)));
        assertTrue(stats.firstOf(request(2, FilterKind.TAXON, "&taxon=5", "-updated_at", PageKind.FIRST)));
        assertTrue(stats.firstOf(request(1, FilterKind.TAXON, "&taxon=6", "-updated_at", PageKind.FIRST)));
        assertTrue(stats.firstOf(request(1, FilterKind.NONE, "", "-updated_at", PageKind.FIRST)));
    }

    @Test
    void theBreakdownGroupsEveryRequestAndCountsNon200() {
        TrafficStats stats = new TrafficStats(0, 1);
        Request none = request(1, FilterKind.NONE, "", "-updated_at", PageKind.FIRST);
        Request taxon = request(1, FilterKind.TAXON, "&taxon=5", "duration", PageKind.ANY);
        for (int i = 1; i <= 100; i++) {
            stats.add(none, i == 1, new Client.Outcome(i * MS, 200, null));
        }
        stats.add(taxon, true, new Client.Outcome(500 * MS, 503, null));
        stats.add(taxon, false, new Client.Outcome(30_000 * MS, Client.TIMEOUT, null));
        stats.add(taxon, false, new Client.Outcome(1 * MS, Client.FAILED, null)); // no latency, but not a 200

        List<TrafficStats.Row> rows = stats.breakdown();
        TrafficStats.Row all = rows.get(0);
        assertEquals(103, all.requests());
        assertEquals(3, all.non200());
        assertEquals(51.0, all.p50(), 1e-9); // 102 latencies (1..100, 500, 30000): the 51st
        assertEquals(30_000.0, all.max(), 1e-9);

        TrafficStats.Row first = find(rows, "request", "first of its (project, filter)");
        assertEquals(2, first.requests());
        assertEquals(1, first.non200());
        TrafficStats.Row any = find(rows, "page", "any");
        assertEquals(3, any.requests());
        assertEquals(500.0, any.p50(), 1e-9);
        assertEquals(100, find(rows, "filter", "none").requests());
        assertEquals(3, find(rows, "ordering family", "detections aggregate").requests());
        assertEquals(100, find(rows, "ordering", "-updated_at").requests());
        assertEquals(List.of("none, first", "none, repeat", "taxon, first", "taxon, repeat"), rows.stream()
                .filter(r -> r.group().equals("filter, request")).map(TrafficStats.Row::value).toList());
        assertEquals(99, find(rows, "filter, request", "none, repeat").requests());
        assertEquals(2, find(rows, "filter, request", "taxon, repeat").non200());
        // groups list their values in the enums' order
        assertEquals(List.of("first", "any"), rows.stream().filter(r -> r.group().equals("page")).map(TrafficStats.Row::value).toList());
    }

    private static TrafficStats.Row find(List<TrafficStats.Row> rows, String group, String value) {
        return rows.stream().filter(r -> r.group().equals(group) && r.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void keepsAUniformSampleOfTheOkAnswersOnly() {
        int[] keptPerQuarter = new int[4];
        for (long seed = 0; seed < 200; seed++) {
            TrafficStats stats = new TrafficStats(10, seed);
            for (int i = 0; i < 400; i++) {
                Request r = new Request(1, new Filter(FilterKind.NONE, ""), "-updated_at", PageKind.ANY, i * 20L, 20);
                stats.add(r, false, new Client.Outcome(MS, i % 2 == 0 ? 200 : 503, new byte[] {1}));
            }
            List<TrafficStats.Answer> kept = stats.kept();
            assertEquals(10, kept.size());
            Set<Long> offsets = new HashSet<>();
            for (TrafficStats.Answer a : kept) {
                assertEquals(0, a.request().offset() / 20 % 2, "a 503 was kept");
                offsets.add(a.request().offset());
                keptPerQuarter[(int) (a.request().offset() / 20 / 100)]++;
            }
            assertEquals(10, offsets.size(), "each answer at most once");
        }
        // 2,000 kept over 200 runs: each quarter of the run about 500, early answers not favoured
        for (int n : keptPerQuarter) {
            assertTrue(n > 400 && n < 600, java.util.Arrays.toString(keptPerQuarter));
        }
    }
}
