package dev.ferry.bench.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The replay's results as a markdown document (tables and the brief's targets) and as JSON. */
final class Report {

    /** The brief's targets (product brief, "The incident replayed"), checked as they are, never tuned. */
    static final double UI_LIST_P95_MS = 50;
    static final double SATURATION_LIST_P95_MS = 100;
    /** The ui-traffic goal: median and p95 of every list request, first requests of a filter included. */
    static final double TRAFFIC_P50_MS = 25;
    static final double TRAFFIC_P95_MS = 100;
    /** ... and the largest size's latencies within this factor of the smallest's. */
    static final double TRAFFIC_SCALING = 1.5;

    /** How the run was set up, printed above the tables. */
    record Setup(String command, List<Integer> occurrences, int poolSize, String connectionTimeout, int cores,
                 String java, String started, String scenarios, long clientTimeoutMs) {
    }

    private Report() {
    }

    static String markdown(Setup setup, List<Scenario.Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("# The incident replayed\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s on %d cores shared by the service, its embedded PostgreSQL and "
                        + "the load generator (one process for the service and the load, PostgreSQL beside it), with "
                        + "%s occurrences, a pool of %d connections (connection timeout %s), %s.%n%n",
                setup.started(), setup.cores(), setup.occurrences().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
                        .collect(Collectors.joining(" and ")), setup.poolSize(), setup.connectionTimeout(), setup.java()));
        md.append("Command: `").append(setup.command()).append("`\n\n");
        md.append(setup.scenarios()).append("\n\n");
        boolean sizes = setup.occurrences().size() > 1;
        for (int size : setup.occurrences()) {
            List<Scenario.Result> ofSize = results.stream().filter(r -> r.occurrences() == size).toList();
            if (ofSize.isEmpty()) {
                continue;
            }
            if (sizes) {
                md.append(String.format(Locale.ROOT, "## %,d occurrences%n%n", size));
            }
            md.append(table(ofSize, setup.clientTimeoutMs())).append('\n');
            md.append(poolTable(ofSize)).append('\n');
            for (Scenario.Result r : ofSize) {
                if (r.traffic() != null) {
                    md.append(trafficSection(r, setup.clientTimeoutMs())).append('\n');
                }
            }
            md.append(sizes ? "### Targets\n\n" : "## Targets\n\n");
            for (String line : targets(ofSize)) {
                md.append("- ").append(line).append('\n');
            }
            md.append('\n');
        }
        if (sizes) {
            md.append(scaling(setup.occurrences(), results));
        }
        md.append("Latencies are client-side (send to last byte), over every request that ended; `>=` marks a "
                + "percentile that is the client timeout (the request timed out, its real time is longer). ok/s counts "
                + "200 responses per second of the scenario's wall time. queries, db ms and server ms are the means of "
                + "the service's `X-Query-Count` and `Server-Timing` (`db`: time in SQL statements; `total`: the "
                + "request in the server, pool waits included) over the 200 responses. "
                + "The pool was sampled every 20 ms: connections lent out, and request threads waiting for one. "
                + "unfinished: workers still busy one client timeout after the deadline (interrupted). load avg: the "
                + "machine's 1-minute load average as the scenario ended (everything running on it, other work "
                + "included).\n");
        return md.toString();
    }

    /** The ui-traffic breakdown and its exactness check, as markdown. */
    static String trafficSection(Scenario.Result r, long timeoutMs) {
        Scenario.Traffic t = r.traffic();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "**ui-traffic, %s, %,d occurrences, %d client(s)**: %s%n%n", r.mode(),
                r.occurrences(), r.clients(), trafficTarget(r)));
        md.append("| by | value | requests | non-200 | p50 ms | p90 ms | p95 ms | p99 ms | max ms |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TrafficStats.Row row : t.rows()) {
            md.append("| ").append(row.group()).append(" | ").append(row.value()).append(" | ").append(row.requests())
                    .append(" | ").append(row.non200())
                    .append(" | ").append(latency(row.p50(), timeoutMs))
                    .append(" | ").append(latency(row.p90(), timeoutMs))
                    .append(" | ").append(latency(row.p95(), timeoutMs))
                    .append(" | ").append(latency(row.p99(), timeoutMs))
                    .append(" | ").append(latency(row.max(), timeoutMs)).append(" |\n");
        }
        md.append('\n');
        Exactness.Check check = t.check();
        if (check == null) {
            md.append("Exactness: not checked.\n");
        } else {
            md.append(String.format(Locale.ROOT, "Exactness: %d sampled answers asked again of the oracle (count cache off:"
                            + " exact count, plain offset): **%d mismatch%s** in count or result ids.%n", check.compared(),
                    check.mismatches(), check.mismatches() == 1 ? "" : "es"));
            for (String example : check.examples()) {
                md.append("- `").append(example).append("`\n");
            }
        }
        return md.toString();
    }

    /** The ui-traffic goal for one run: median and p95 of all its requests, met or not, and the non-200 answers. */
    static String trafficTarget(Scenario.Result r) {
        TrafficStats.Row all = r.traffic().all();
        boolean met = all.non200() == 0 && all.p50() <= TRAFFIC_P50_MS && all.p95() <= TRAFFIC_P95_MS;
        return String.format(Locale.ROOT, "median %s ms (target <= %.0f), p95 %s ms (target <= %.0f), %d non-200 of %d: **%s**",
                fmt(all.p50()), TRAFFIC_P50_MS, fmt(all.p95()), TRAFFIC_P95_MS, all.non200(), all.requests(),
                met ? "met" : "not met");
    }

    /**
     * The largest size against the smallest, per mode and scenario: the occurrence list's p50 and p95 and their
     * ratios; for ui-traffic the goal is both within {@link #TRAFFIC_SCALING}x.
     */
    static String scaling(List<Integer> sizes, List<Scenario.Result> results) {
        int small = sizes.stream().min(Integer::compare).orElseThrow();
        int large = sizes.stream().max(Integer::compare).orElseThrow();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## %,d against %,d occurrences%n%n", large, small));
        md.append(String.format(Locale.ROOT, "| mode | scenario | p50 ms at %,d | p50 ms at %,d | ratio | p95 ms at %,d "
                + "| p95 ms at %,d | ratio | |%n", small, large, small, large));
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Scenario.Result a : results) {
            if (a.occurrences() != small) {
                continue;
            }
            Scenario.Result b = results.stream().filter(r -> r.occurrences() == large && r.mode().equals(a.mode())
                    && r.scenario().equals(a.scenario())).findFirst().orElse(null);
            EndpointStats.Summary la = list(a);
            EndpointStats.Summary lb = b == null ? null : list(b);
            if (la == null || lb == null) {
                continue;
            }
            double p50 = lb.p50() / la.p50();
            double p95 = lb.p95() / la.p95();
            String verdict = !a.scenario().equals(IncidentReplay.UI_TRAFFIC) ? ""
                    : p50 <= TRAFFIC_SCALING && p95 <= TRAFFIC_SCALING
                    ? String.format(Locale.ROOT, "within %.1fx: **met**", TRAFFIC_SCALING)
                    : String.format(Locale.ROOT, "within %.1fx: **not met**", TRAFFIC_SCALING);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2fx | %s | %s | %.2fx | %s |%n", a.mode(),
                    a.scenario(), fmt(la.p50()), fmt(lb.p50()), p50, fmt(la.p95()), fmt(lb.p95()), p95, verdict));
        }
        return md.append('\n').toString();
    }

    private static EndpointStats.Summary list(Scenario.Result r) {
        return r.endpoints().stream().filter(s -> s.endpoint().equals(Endpoint.OCCURRENCE_LIST.route)).findFirst()
                .orElse(null);
    }

    static String table(List<Scenario.Result> results, long timeoutMs) {
        StringBuilder t = new StringBuilder();
        t.append("| mode | scenario | endpoint | requests | ok/s | p50 ms | p95 ms | p99 ms | max ms | errors "
                + "| queries | db ms | server ms |\n");
        t.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (Scenario.Result r : results) {
            for (EndpointStats.Summary s : r.endpoints()) {
                t.append("| ").append(r.mode()).append(" | ").append(r.scenario()).append(" | ").append(s.endpoint())
                        .append(" | ").append(s.requests())
                        .append(" | ").append(fmt(s.okPerSecond()))
                        .append(" | ").append(latency(s.p50(), timeoutMs))
                        .append(" | ").append(latency(s.p95(), timeoutMs))
                        .append(" | ").append(latency(s.p99(), timeoutMs))
                        .append(" | ").append(latency(s.max(), timeoutMs))
                        .append(" | ").append(errors(s))
                        .append(" | ").append(fmt(s.meanQueries()))
                        .append(" | ").append(fmt(s.meanDbMs()))
                        .append(" | ").append(fmt(s.meanServerMs()))
                        .append(" |\n");
            }
        }
        return t.toString();
    }

    static String poolTable(List<Scenario.Result> results) {
        StringBuilder t = new StringBuilder();
        t.append("| mode | scenario | clients | seconds | pool size | mean lent | max lent | mean waiting | max waiting "
                + "| unfinished | load avg |\n");
        t.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario.Result r : results) {
            PoolSampler.Usage u = r.pool();
            t.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %d | %.2f | %d | %.1f | %d | %d | %.1f |%n",
                    r.mode(), r.scenario(), r.clients(), r.seconds(), u.size(), u.meanActive(), u.maxActive(),
                    u.meanWaiting(), u.maxWaiting(), r.unfinished(), r.loadAverage()));
        }
        return t.toString();
    }

    /** The brief's two numbers for the occurrence list, per mode: met or not, as measured. */
    static List<String> targets(List<Scenario.Result> results) {
        List<String> lines = new ArrayList<>();
        for (Scenario.Result r : results) {
            EndpointStats.Summary list = r.endpoints().stream()
                    .filter(s -> s.endpoint().equals(Endpoint.OCCURRENCE_LIST.route)).findFirst().orElse(null);
            if (list == null) {
                continue;
            }
            if (r.traffic() != null) {
                Exactness.Check check = r.traffic().check();
                lines.add(r.mode() + ", ui-traffic: " + trafficTarget(r) + (check == null ? ""
                        : String.format(Locale.ROOT, "; exactness: %d mismatches in %d sampled answers", check.mismatches(),
                        check.compared())));
                continue;
            }
            double target = r.scenario().equals("saturation") ? SATURATION_LIST_P95_MS : UI_LIST_P95_MS;
            boolean met = list.errorCount() == 0 && list.p95() <= target;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%s, %s: occurrence list p95 %s ms (target <= %.0f ms)%s: **%s**", r.mode(), r.scenario(),
                    fmt(list.p95()), target, list.errorCount() > 0 ? ", " + list.errorCount() + " errors" : "",
                    met ? "met" : "not met"));
            if (r.scenario().equals("saturation")) {
                line.append(String.format(Locale.ROOT, "; %s pages/s", fmt(list.okPerSecond())));
            } else {
                String others = r.endpoints().stream().filter(s -> s != list)
                        .map(s -> s.endpoint() + " p95 " + fmt(s.p95()) + " ms" + (s.errorCount() > 0
                                ? " (" + s.errorCount() + " errors)" : ""))
                        .collect(Collectors.joining(", "));
                line.append("; meanwhile ").append(others);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static String latency(double ms, long timeoutMs) {
        return !Double.isNaN(ms) && ms >= timeoutMs ? ">=" + timeoutMs : fmt(ms);
    }

    static String errors(EndpointStats.Summary s) {
        if (s.errors().isEmpty()) {
            return "0";
        }
        return s.errors().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Writes results.md and results.json into {@code dir}. */
    static void write(Path dir, Setup setup, List<Scenario.Result> results) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), markdown(setup, results));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("setup", setup);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Scenario.Result r : results) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("occurrences", r.occurrences());
            run.put("mode", r.mode());
            run.put("scenario", r.scenario());
            run.put("clients", r.clients());
            run.put("seconds", r.seconds());
            run.put("pool", r.pool());
            run.put("unfinished", r.unfinished());
            run.put("loadAverage", r.loadAverage());
            List<Map<String, Object>> endpoints = new ArrayList<>();
            for (EndpointStats.Summary s : r.endpoints()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("endpoint", s.endpoint());
                e.put("requests", s.requests());
                e.put("ok", s.ok());
                e.put("okPerSecond", orNull(s.okPerSecond()));
                e.put("p50Ms", orNull(s.p50()));
                e.put("p95Ms", orNull(s.p95()));
                e.put("p99Ms", orNull(s.p99()));
                e.put("maxMs", orNull(s.max()));
                e.put("errors", s.errors());
                e.put("timeouts", s.timeouts());
                e.put("meanQueries", orNull(s.meanQueries()));
                e.put("meanDbMs", orNull(s.meanDbMs()));
                e.put("meanServerMs", orNull(s.meanServerMs()));
                endpoints.add(e);
            }
            run.put("endpoints", endpoints);
            if (r.traffic() != null) {
                run.put("traffic", r.traffic());
            }
            runs.add(run);
        }
        doc.put("results", runs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), doc);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
