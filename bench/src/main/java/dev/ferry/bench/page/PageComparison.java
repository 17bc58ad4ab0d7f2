package dev.ferry.bench.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.seed.ConsoleProgress;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The occurrence list page, built by every strategy on the same data, side by side in one run:
 * <ol>
 *   <li>starts the embedded PostgreSQL with the demo data (seeded on first use);</li>
 *   <li>checks that every strategy writes the same bytes as hand-written JDBC, for several pages, and
 *       counts each strategy's statements per page (through ferry-observe);</li>
 *   <li>times a page per strategy and page size, paired: every strategy builds the same random pages in one
 *       loop ({@link #paired}), wall and CPU time per page, and the ratio to jdbc per page;</li>
 *   <li>times them again with JMH (sample time, {@code -prof gc}) for the allocation per page;</li>
 *   <li>writes the table ({@code target/page-comparison/results.md}) and the chart
 *       ({@code target/page-comparison/page-comparison-N.png}, or {@code --chart FILE}).</li>
 * </ol>
 * Arguments: {@code --occurrences N} (100000), {@code --limits 10,25,100}, {@code --strategies a,b},
 * {@code --rounds 60} (paired rounds per page size), {@code --quick} (short runs, for a smoke test),
 * {@code --check-only}, {@code --chart FILE}, {@code --out DIR}.
 */
public final class PageComparison {

    private PageComparison() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> opts = options(args);
        int occurrences = Integer.parseInt(opts.getOrDefault("occurrences", "100000"));
        List<Integer> limits = Arrays.stream(opts.getOrDefault("limits", "10,25,100").split(",")).map(Integer::valueOf).toList();
        List<String> strategies = opts.containsKey("strategies") ? List.of(opts.get("strategies").split(",")) : Strategies.ALL;
        boolean quick = opts.containsKey("quick");
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "60"));
        Path out = Path.of(opts.getOrDefault("out", "target/page-comparison"));
        // The chart lands beside the table unless asked for elsewhere: a run at another size must not replace the
        // docs' chart (docs/benchmarks.md passes --chart ../docs/img/page-comparison.png when it refreshes it).
        Path chart = Path.of(opts.getOrDefault("chart", out.resolve("page-comparison-" + occurrences + ".png").toString()));
        Files.createDirectories(out);

        try (PageWorkload workload = PageWorkload.start(Path.of("target", "page-db"), occurrences, new ConsoleProgress())) {
            long total;
            Map<String, Map<Integer, Long>> statements;
            Map<String, Map<Integer, Paired>> paired;
            try (HikariDataSource pool = PageWorkload.pool(workload.jdbcUrl(), 4)) {
                total = total(pool);
                System.out.printf("%n%,d occurrences; project %d lists %,d under its default filters%n", occurrences,
                        PageRequests.PROJECT, total);
                statements = check(pool, strategies, limits, total);
                if (opts.containsKey("check-only")) {
                    return;
                }
                paired = paired(pool, strategies, limits, total, quick ? 2 : 5, quick ? 5 : rounds);
            }
            Collection<RunResult> results = runJmh(workload.jdbcUrl(), total, strategies, limits, quick, out);
            String table = table(results, statements, paired, occurrences, total, quick ? 5 : rounds);
            Files.writeString(out.resolve("results.md"), table);
            System.out.println(table);
            chart(paired, strategies, limits, occurrences, chart);
            System.out.println("Chart: " + chart.toAbsolutePath().normalize());
        }
    }

    /** The project's row count, from the floor strategy's envelope. */
    private static long total(HikariDataSource pool) throws Exception {
        byte[] first = PageRequests.render(new JdbcStrategy(pool), PageRequests.PROJECT, 1, 0);
        return new ObjectMapper().readTree(first).get("count").asLong();
    }

    /**
     * Every strategy against hand-written JDBC, byte for byte, on the first page, the last one, one past
     * the end and random ones; returns the most statements each strategy ran for a page, per limit.
     */
    static Map<String, Map<Integer, Long>> check(HikariDataSource pool, List<String> strategies, List<Integer> limits,
                                                 long total) throws Exception {
        Observer observer = Observer.builder().logReports(false).build();
        var observed = observer.wrap(pool);
        Map<String, Map<Integer, Long>> statements = new LinkedHashMap<>();
        PageStrategy floor = new JdbcStrategy(pool);
        SplittableRandom random = new SplittableRandom(11);
        for (String name : strategies) {
            try (PageStrategy strategy = Strategies.create(name, observed)) {
                for (int limit : limits) {
                    List<Long> offsets = new ArrayList<>(List.of(0L, Math.max(0, total - limit), total + 5));
                    for (int i = 0; i < 3; i++) {
                        offsets.add(random.nextLong(Math.max(1, total - limit + 1)));
                    }
                    long most = 0;
                    for (long offset : offsets) {
                        byte[] expected = PageRequests.render(floor, PageRequests.PROJECT, limit, offset);
                        byte[] actual;
                        long count;
                        try (Scope scope = observer.scope(name)) {
                            actual = PageRequests.render(strategy, PageRequests.PROJECT, limit, offset);
                            count = scope.count();
                        }
                        if (!Arrays.equals(expected, actual)) {
                            Path a = Path.of("target", "page-comparison", name + "-" + limit + "-" + offset + ".json");
                            Files.write(a, actual);
                            Files.write(Path.of("target", "page-comparison", "jdbc-" + limit + "-" + offset + ".json"), expected);
                            throw new IllegalStateException(name + " wrote another document than jdbc for limit " + limit
                                    + ", offset " + offset + "; both are in target/page-comparison/");
                        }
                        if (offset < total) {
                            most = Math.max(most, count);
                        }
                    }
                    statements.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(limit, most);
                }
            }
            System.out.printf("%-14s same JSON as jdbc; statements per page by limit %s%n", name, statements.get(name));
        }
        return statements;
    }

    /** One strategy's pages at one limit in the paired run: wall ms per page, CPU ms per page, ratio to jdbc. */
    record Paired(double[] wallMs, double[] cpuMs, double[] vsJdbc) {
        double medianWall() {
            return percentile(wallMs, 50);
        }

        double p95Wall() {
            return percentile(wallMs, 95);
        }

        double medianVsJdbc() {
            return vsJdbc.length == 0 ? Double.NaN : percentile(vsJdbc, 50);
        }

        double meanCpu() {
            return Arrays.stream(cpuMs).average().orElse(Double.NaN);
        }
    }

    /**
     * The end-to-end comparison, paired: each round draws one random offset and builds that page with every
     * strategy, in an order rotated from round to round (so none always meets a cold or a warm cache first),
     * timing each page (wall) and the thread's CPU. The ratio to jdbc is taken per round, on the same page,
     * then its median: the database's cost varies tenfold with the offset, and pairing cancels it.
     */
    static Map<String, Map<Integer, Paired>> paired(HikariDataSource pool, List<String> strategies, List<Integer> limits,
                                                    long total, int warmup, int rounds) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Map<Integer, Paired>> out = new LinkedHashMap<>();
        List<PageStrategy> built = new ArrayList<>();
        try {
            for (String name : strategies) {
                built.add(Strategies.create(name, pool));
            }
            int n = built.size();
            int floor = strategies.indexOf("jdbc");
            for (int limit : limits) {
                SplittableRandom random = new SplittableRandom(17);
                long last = Math.max(1, total - limit + 1);
                for (int i = 0; i < warmup; i++) {
                    long offset = random.nextLong(last);
                    for (PageStrategy strategy : built) {
                        PageRequests.render(strategy, PageRequests.PROJECT, limit, offset);
                    }
                }
                double[][] wall = new double[n][rounds];
                double[][] cpu = new double[n][rounds];
                for (int r = 0; r < rounds; r++) {
                    long offset = random.nextLong(last);
                    for (int k = 0; k < n; k++) {
                        int i = (r + k) % n;
                        long c0 = threads.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        PageRequests.render(built.get(i), PageRequests.PROJECT, limit, offset);
                        wall[i][r] = (System.nanoTime() - t0) / 1e6;
                        cpu[i][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                    }
                }
                for (int i = 0; i < n; i++) {
                    double[] ratio = new double[floor < 0 ? 0 : rounds];
                    for (int r = 0; r < ratio.length; r++) {
                        ratio[r] = wall[i][r] / wall[floor][r];
                    }
                    out.computeIfAbsent(strategies.get(i), k -> new LinkedHashMap<>())
                            .put(limit, new Paired(wall[i], cpu[i], ratio));
                }
                System.out.printf(Locale.ROOT, "paired, limit %d: %d rounds of %d strategies%n", limit, rounds, n);
            }
        } finally {
            for (PageStrategy strategy : built) {
                strategy.close();
            }
        }
        return out;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // nearest rank
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Collection<RunResult> runJmh(String url, long total, List<String> strategies, List<Integer> limits,
                                                boolean quick, Path out) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PageBenchmark.class.getName())
                .param("strategy", strategies.toArray(String[]::new))
                .param("limit", limits.stream().map(String::valueOf).toArray(String[]::new))
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dpage.url=" + url, "-Dpage.total=" + total)
                .addProfiler(GCProfiler.class)
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString());
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2)
                    .measurementTime(TimeValue.seconds(1));
        }
        return new Runner(options.build()).run();
    }

    private static String table(Collection<RunResult> results, Map<String, Map<Integer, Long>> statements,
                                Map<String, Map<Integer, Paired>> paired, int occurrences, long total, int rounds) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Occurrence list page, project %d (%,d rows under its default filters) of %,d "
                + "demo occurrences, random offsets, default ordering. Time per page = statements + mapping + JSON. "
                + "Paired run: %d rounds per page size, each one random page built by every strategy in rotated order; "
                + "vs jdbc is the median of the per-round ratios. JMH (sample time, -prof gc) gives the allocation and "
                + "its own median.%n%n", PageRequests.PROJECT, total, occurrences, rounds));
        md.append("| strategy | limit | statements (round trips) | median ms | p95 ms | vs jdbc (paired median) "
                + "| JVM CPU ms per page | allocated per page | JMH median ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : results) {
            String name = r.getParams().getParam("strategy");
            int limit = Integer.parseInt(r.getParams().getParam("limit"));
            Paired p = paired.getOrDefault(name, Map.of()).get(limit);
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %.2f |%n", name, limit,
                    statements.getOrDefault(name, Map.of()).getOrDefault(limit, -1L),
                    p == null ? "" : String.format(Locale.ROOT, "%.2f", p.medianWall()),
                    p == null ? "" : String.format(Locale.ROOT, "%.2f", p.p95Wall()),
                    p == null || Double.isNaN(p.medianVsJdbc()) ? "" : String.format(Locale.ROOT, "%.2fx", p.medianVsJdbc()),
                    p == null ? "" : String.format(Locale.ROOT, "%.2f", p.meanCpu()), allocation(r), median(r)));
        }
        return md.toString();
    }

    private static double median(RunResult r) {
        return r.getPrimaryResult().getStatistics().getPercentile(50.0);
    }

    private static String allocation(RunResult r) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                double bytes = e.getValue().getScore();
                return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1 << 20))
                        : String.format(Locale.ROOT, "%.0f KB", bytes / 1024);
            }
        }
        return "";
    }

    /** Median time per page by strategy and page size, from the paired run. */
    private static void chart(Map<String, Map<Integer, Paired>> paired, List<String> strategies, List<Integer> limits,
                              int occurrences, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(560)
                .title(String.format(Locale.ROOT, "Occurrence list page, %,d occurrences: median ms per page", occurrences))
                .xAxisTitle("page size (limit)").yAxisTitle("ms per page").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        List<Double> xs = limits.stream().map(Integer::doubleValue).toList();
        for (String name : strategies) {
            Map<Integer, Paired> byLimit = paired.get(name);
            if (byLimit == null) {
                continue; // strategies not run are left out
            }
            chart.addSeries(name, xs, limits.stream().map(l -> byLimit.get(l).medianWall()).toList());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            out.put(key, flag ? "" : args[++i]);
        }
        return out;
    }
}
