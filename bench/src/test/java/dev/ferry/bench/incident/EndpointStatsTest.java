package dev.ferry.bench.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load generator's statistics and report: percentiles, error counts, header means, the tables. */
class EndpointStatsTest {

    private static final long MS = 1_000_000;

    @Test
    void nearestRankPercentiles() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertEquals(50, EndpointStats.percentile(hundred, 50));
        assertEquals(95, EndpointStats.percentile(hundred, 95));
        assertEquals(99, EndpointStats.percentile(hundred, 99));
        assertEquals(100, EndpointStats.percentile(hundred, 100));
        assertEquals(1, EndpointStats.percentile(hundred, 0.1));
        assertEquals(7, EndpointStats.percentile(new long[] {7}, 99));
        assertEquals(-1, EndpointStats.percentile(new long[0], 50));
        // 10 values: p95 is the 10th (rank ceil(9.5)), p50 the 5th
        long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, EndpointStats.percentile(ten, 50));
        assertEquals(10, EndpointStats.percentile(ten, 95));
    }

    @Test
    void summaryCountsErrorsAndAveragesTheHeadersOfOkResponses() {
        EndpointStats stats = new EndpointStats(Endpoint.OCCURRENCE_LIST);
        // recorded out of order: the summary sorts
        stats.response(30 * MS, 200, 4, 20.0, 25.0);
        stats.response(10 * MS, 200, 4, 6.0, 9.0);
        stats.response(20 * MS, 200, 6, 10.0, 14.0);
        stats.response(2000 * MS, 503, 1, 0.5, 2000.0); // not in the header means
        stats.timeout(30_000 * MS);
        stats.failure("io: ConnectException");

        EndpointStats.Summary s = stats.summary(2.0);
        assertEquals(6, s.requests());
        assertEquals(3, s.ok());
        assertEquals(3, s.errorCount());
        assertEquals(1.5, s.okPerSecond(), 1e-9);
        assertEquals(Map.of("503", 1L, "timeout", 1L, "io: ConnectException", 1L), s.errors());
        assertEquals(1, s.timeouts());
        // five latencies (the connection error has none): 10, 20, 30, 2000, 30000 ms
        assertEquals(30.0, s.p50(), 1e-9);
        assertEquals(30_000.0, s.p95(), 1e-9);
        assertEquals(30_000.0, s.max(), 1e-9);
        assertEquals(14.0 / 3, s.meanQueries(), 1e-9);
        assertEquals(12.0, s.meanDbMs(), 1e-9);
        assertEquals(16.0, s.meanServerMs(), 1e-9);
    }

    @Test
    void anEndpointWithoutResponsesHasNoNumbers() {
        EndpointStats.Summary s = new EndpointStats(Endpoint.CAPTURE_LIST).summary(1.0);
        assertEquals(0, s.requests());
        assertTrue(Double.isNaN(s.p95()));
        assertTrue(Double.isNaN(s.meanQueries()));
        assertEquals("-", Report.fmt(s.p95()));
    }

    @Test
    void serverTimingIsParsed() {
        String header = "db;dur=3.1;desc=\"4 queries\", total;dur=5.2";
        assertEquals(3.1, Client.number(java.util.regex.Pattern.compile("(?:^|,)\\s*db;dur=([0-9.]+)"), header), 1e-9);
        assertEquals(5.2, Client.number(java.util.regex.Pattern.compile("(?:^|,)\\s*total;dur=([0-9.]+)"), header), 1e-9);
        assertTrue(Double.isNaN(Client.number(java.util.regex.Pattern.compile("db;dur=([0-9.]+)"), "")));
    }

    @Test
    void tableHasARowPerEndpointAndMarksTimedOutPercentiles() {
        EndpointStats list = new EndpointStats(Endpoint.OCCURRENCE_LIST);
        for (int i = 1; i <= 100; i++) {
            list.response(i * MS, 200, 4, 1.0, 2.0);
        }
        EndpointStats detail = new EndpointStats(Endpoint.OCCURRENCE_DETAIL);
        detail.response(5 * MS, 200, 4, 1.0, 2.0);
        detail.timeout(30_000 * MS);
        Scenario.Result r = new Scenario.Result(100_000, "prefetch", "ui-sessions", 30, 10.0,
                List.of(list.summary(10.0), detail.summary(10.0)), new PoolSampler.Usage(4, 1.5, 4, 0.2, 3, 100), 0, 1.0,
                null);

        String table = Report.table(List.of(r), 30_000);
        String[] lines = table.split("\n");
        assertEquals(4, lines.length, table); // header, separator, two rows
        assertEquals("| prefetch | ui-sessions | GET /api/v2/occurrences/ | 100 | 10.0 | 50.0 | 95.0 | 99.0 | 100.0 | 0 "
                + "| 4.0 | 1.0 | 2.0 |", lines[2]);
        assertEquals("| prefetch | ui-sessions | GET /api/v2/occurrences/{id}/ | 2 | 0.1 | 5.0 | >=30000 | >=30000 "
                + "| >=30000 | timeout x1 | 4.0 | 1.0 | 2.0 |", lines[3]);

        List<String> targets = Report.targets(List.of(r));
        assertEquals(1, targets.size());
        assertTrue(targets.get(0).startsWith("prefetch, ui-sessions: occurrence list p95 95.0 ms (target <= 50 ms): **not met**"),
                targets.get(0));
        assertTrue(Report.poolTable(List.of(r)).contains("| prefetch | ui-sessions | 30 | 10.0 | 4 | 1.50 | 4 | 0.2 | 3 | 0 | 1.0 |"));
    }

    @Test
    void scalingComparesTheLargestSizeWithTheSmallestAndJudgesUiTraffic() {
        List<Scenario.Result> results = List.of(
                listResult(20_000, "ui-traffic", 10), listResult(20_000, "saturation", 100),
                listResult(1_000_000, "ui-traffic", 14), listResult(1_000_000, "saturation", 400));
        String md = Report.scaling(List.of(20_000, 1_000_000), results);
        // latencies 1..100 times the factor: p50 = 50 x, p95 = 95 x
        assertTrue(md.contains("| prefetch | ui-traffic | 500.0 | 700.0 | 1.40x | 950.0 | 1,330 | 1.40x | within 1.5x: **met** |"), md);
        assertTrue(md.contains("| prefetch | saturation | 5,000 | 20,000 | 4.00x | 9,500 | 38,000 | 4.00x |  |"), md);
    }

    private static Scenario.Result listResult(int occurrences, String scenario, int factor) {
        EndpointStats list = new EndpointStats(Endpoint.OCCURRENCE_LIST);
        for (int i = 1; i <= 100; i++) {
            list.response(i * factor * MS, 200, 4, 1.0, 2.0);
        }
        return new Scenario.Result(occurrences, "prefetch", scenario, 1, 10.0, List.of(list.summary(10.0)),
                new PoolSampler.Usage(4, 1, 1, 0, 0, 10), 0, 1.0, null);
    }
}
