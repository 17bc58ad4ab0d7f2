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
 *   <li>times a page per strategy and page size with JMH (sample time, {@code -prof gc});</li>
 *   <li>writes the table ({@code target/page-comparison/results.md}) and the chart
 *       ({@code docs/img/page-comparison.png}).</li>
 * </ol>
 * Arguments: {@code --occurrences N} (100000), {@code --limits 10,25,100}, {@code --strategies a,b},
 * {@code --quick} (short JMH runs, for a smoke test), {@code --check-only}.
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
        Path out = Path.of(opts.getOrDefault("out", "target/page-comparison"));
        Path chart = Path.of(opts.getOrDefault("chart", "../docs/img/page-comparison.png"));
        Files.createDirectories(out);

        try (PageWorkload workload = PageWorkload.start(Path.of("target", "page-db"), occurrences, new ConsoleProgress())) {
            long total;
            Map<String, Map<Integer, Long>> statements;
            Map<String, Map<Integer, Double>> cpu;
            try (HikariDataSource pool = PageWorkload.pool(workload.jdbcUrl(), 4)) {
                total = total(pool);
                System.out.printf("%n%,d occurrences; project %d lists %,d under its default filters%n", occurrences,
                        PageRequests.PROJECT, total);
                statements = check(pool, strategies, limits, total);
                cpu = cpuPerPage(pool, strategies, limits, total, quick ? 3 : 10, quick ? 5 : 20);
            }
            if (opts.containsKey("check-only")) {
                return;
            }
            Collection<RunResult> results = runJmh(workload.jdbcUrl(), total, strategies, limits, quick, out);
            String table = table(results, statements, cpu, occurrences, total);
            Files.writeString(out.resolve("results.md"), table);
            System.out.println(table);
            chart(results, strategies, limits, occurrences, chart);
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

    /**
     * JVM CPU time per page of the calling thread (ThreadMXBean): the Java side alone (driver, mapping,
     * JSON), without the time spent waiting for PostgreSQL, which dominates the wall time and its noise.
     * Warms each strategy up first; the offsets are random and the same sequence for every strategy.
     */
    static Map<String, Map<Integer, Double>> cpuPerPage(HikariDataSource pool, List<String> strategies, List<Integer> limits,
                                                       long total, int warmup, int pages) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Map<Integer, Double>> out = new LinkedHashMap<>();
        for (String name : strategies) {
            try (PageStrategy strategy = Strategies.create(name, pool)) {
                for (int limit : limits) {
                    SplittableRandom random = new SplittableRandom(13);
                    for (int i = 0; i < warmup; i++) {
                        PageRequests.render(strategy, PageRequests.PROJECT, limit, random.nextLong(Math.max(1, total - limit + 1)));
                    }
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < pages; i++) {
                        PageRequests.render(strategy, PageRequests.PROJECT, limit, random.nextLong(Math.max(1, total - limit + 1)));
                    }
                    double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / pages;
                    out.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(limit, ms);
                }
            }
            System.out.printf("%-14s JVM CPU ms per page by limit %s%n", name, out.get(name));
        }
        return out;
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
                                Map<String, Map<Integer, Double>> cpu, int occurrences, long total) {
        Map<Integer, Double> floor = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.getParams().getParam("strategy").equals("jdbc")) {
                floor.put(Integer.valueOf(r.getParams().getParam("limit")), median(r));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Occurrence list page, project %d (%,d rows under its default filters) of %,d "
                + "demo occurrences, random offsets, default ordering. Time per page = statements + mapping + JSON.%n%n",
                PageRequests.PROJECT, total, occurrences));
        md.append("| strategy | limit | statements (round trips) | median ms | p95 ms | vs jdbc (median) | JVM CPU ms per page | allocated per page |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : results) {
            String name = r.getParams().getParam("strategy");
            int limit = Integer.parseInt(r.getParams().getParam("limit"));
            double median = median(r);
            Double base = floor.get(limit);
            Double jvm = cpu.getOrDefault(name, Map.of()).get(limit);
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %s | %s | %s |%n", name, limit,
                    statements.getOrDefault(name, Map.of()).getOrDefault(limit, -1L), median,
                    r.getPrimaryResult().getStatistics().getPercentile(95.0),
                    base == null ? "" : String.format(Locale.ROOT, "%.2fx", median / base),
                    jvm == null ? "" : String.format(Locale.ROOT, "%.2f", jvm), allocation(r)));
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

    /** Median time per page by strategy and page size. */
    private static void chart(Collection<RunResult> results, List<String> strategies, List<Integer> limits, int occurrences,
                              Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(560)
                .title(String.format(Locale.ROOT, "Occurrence list page, %,d occurrences: median ms per page", occurrences))
                .xAxisTitle("page size (limit)").yAxisTitle("ms per page").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        List<Double> xs = limits.stream().map(Integer::doubleValue).toList();
        for (String name : strategies) {
            List<Double> ys = new ArrayList<>();
            for (int limit : limits) {
                double y = Double.NaN;
                for (RunResult r : results) {
                    if (r.getParams().getParam("strategy").equals(name)
                            && Integer.parseInt(r.getParams().getParam("limit")) == limit) {
                        y = median(r);
                    }
                }
                ys.add(y);
            }
            if (ys.stream().allMatch(y -> y > 0)) { // strategies not run are left out
                chart.addSeries(name, xs, ys);
            }
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
