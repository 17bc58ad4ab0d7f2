package dev.ferry.bench.incident;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.Antenna;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.db.DatabaseSettings;
import dev.ferry.antenna.db.EmbeddedDatabase;
import dev.ferry.antenna.seed.ConsoleProgress;
import dev.ferry.antenna.seed.DemoData;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The incident replayed (product brief): the antenna service in-process on an embedded PostgreSQL,
 * a pool of 4 connections, and 30 browser sessions against it, in the service's normal mode and in
 * the incident's lazy, row-by-row mode; then closed-loop clients for the pages per second at
 * saturation; and, on request, the UI's list traffic for its latency ({@code ui-traffic}, on a fresh
 * service instance, checked afterwards against an oracle instance). Prints markdown tables and writes
 * {@code results.md} and {@code results.json}.
 *
 * <pre>
 * ./mvnw -pl bench -am verify -DskipTests -Dincident.run                       # the defaults below
 * ./mvnw -pl bench -am verify -DskipTests -Dincident.run -Dincident.args="--occurrences 1000000"
 * ./mvnw -pl bench -am verify -DskipTests -Dincident.run -Dincident.args="--scenarios ui-traffic --modes prefetch --occurrences 20000,1000000"
 * </pre>
 */
@Command(name = "incident-replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays the AMI incident (30 UI sessions on a 4-connection pool) against the antenna service.")
public final class IncidentReplay implements Callable<Integer> {

    @Option(names = "--occurrences", paramLabel = "N", split = ",", defaultValue = "100000",
            description = "Demo occurrences (default: ${DEFAULT-VALUE}); several sizes (20000,1000000) run one after the"
                    + " other, each in its own database, and the report compares them.")
    List<Integer> occurrences;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the demo data and of the sessions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/incident",
            description = "Output folder of results.md and results.json (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The embedded PostgreSQL's data, one folder per size (DIR/<occurrences>), kept and reused across"
                    + " runs (default: the output folder's db/).")
    Path dataDir;

    @Option(names = "--modes", split = ",", defaultValue = "prefetch,lazy-one,lazy-peers",
            description = "Service modes, in order: prefetch (as shipped), lazy-one (the incident's N+1), lazy-peers (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--scenarios", split = ",", defaultValue = "ui-sessions,saturation",
            description = "ui-sessions (think time, captures polled), saturation (closed loop on the list) and/or ui-traffic"
                    + " (the UI's list requests with filters, orderings and pages, closed loop, for latency; run last in each"
                    + " mode, on a fresh service) (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--sessions", defaultValue = "30", description = "UI sessions (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--clients", description = "Closed-loop clients, no think time (default: 30 at saturation, 1 for"
            + " ui-traffic: the latency of sequential requests; 4 shows ui-traffic under concurrency).")
    Integer clients;

    @Option(names = "--filter-values", defaultValue = "30",
            description = "ui-traffic: values drawn per filter kind and project for taxon, deployment, event and the date"
                    + " ranges (default: ${DEFAULT-VALUE}).")
    int filterValues;

    @Option(names = "--check-sample", defaultValue = "300",
            description = "ui-traffic: answers replayed against the oracle after the run (default: ${DEFAULT-VALUE}; 0: no check).")
    int checkSample;

    @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "60s",
            description = "Length of each scenario (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", converter = DurationConverter.class, defaultValue = "10s",
            description = "Unreported load on every endpoint before each mode's scenarios; before ui-traffic, its requests"
                    + " sent to the oracle instead (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--think-min", converter = DurationConverter.class, defaultValue = "1s",
            description = "Shortest think time between a session's page views (default: ${DEFAULT-VALUE}).")
    Duration thinkMin;

    @Option(names = "--think-max", converter = DurationConverter.class, defaultValue = "3s",
            description = "Longest think time (default: ${DEFAULT-VALUE}).")
    Duration thinkMax;

    @Option(names = "--poll", converter = DurationConverter.class, defaultValue = "10s",
            description = "Captures list polling period of each session (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--client-timeout", converter = DurationConverter.class, defaultValue = "30s",
            description = "A request waits at most this, then counts as a timeout (default: ${DEFAULT-VALUE}).")
    Duration clientTimeout;

    @Option(names = "--max-requests", defaultValue = "500000",
            description = "Cap on requests per scenario (default: ${DEFAULT-VALUE}).")
    long maxRequests;

    @Option(names = "--limit", defaultValue = "20", description = "Page size, the UI's perPage (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--pool-size", defaultValue = "4", description = "The service's connections (default: ${DEFAULT-VALUE}, as the incident).")
    int poolSize;

    @Option(names = "--connection-timeout", converter = DurationConverter.class, defaultValue = "2s",
            description = "Longest a request waits for a pooled connection before its 503 (default: ${DEFAULT-VALUE}, the service's).")
    Duration connectionTimeout;

    @Option(names = "--count-cache", converter = DurationConverter.class, defaultValue = "10s",
            description = "How long the occurrence list reuses a total for the same project and filters: the service's"
                    + " --count-cache (default: ${DEFAULT-VALUE}, the service's; 0 counts on every page).")
    Duration countCache;

    private final PrintStream out;
    private String[] args = {};
    private LocalDateTime startedAt = LocalDateTime.now();

    public IncidentReplay() {
        this(System.out);
    }

    IncidentReplay(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // The service's N+1 detector still runs on every request; only its WARN lines (one per lazy
        // request in the incident modes) are kept out of the report's console.
        System.setProperty("org.slf4j.simpleLogger.log.dev.ferry.observe", "error");
        // Likewise the service's line per 503 (the incident modes give many): the table counts them.
        System.setProperty("org.slf4j.simpleLogger.log.dev.ferry.antenna.http", "error");
        IncidentReplay replay = new IncidentReplay();
        replay.args = args;
        System.exit(new CommandLine(replay).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Scenario.Result> results = replay();
        out.println();
        out.println(Report.markdown(setup(), results));
        out.println("Written to " + dir.resolve("results.md").toAbsolutePath() + " and results.json");
        return 0;
    }

    static final String UI_SESSIONS = "ui-sessions";
    static final String SATURATION = "saturation";
    static final String UI_TRAFFIC = "ui-traffic";
    private static final Duration ORACLE_TIMEOUT = Duration.ofMinutes(5);

    /** Runs every size's modes and scenarios and writes the report; returns the results. */
    List<Scenario.Result> replay() throws Exception {
        check();
        startedAt = LocalDateTime.now();
        List<Mode> order = modes.stream().map(Mode::parse).toList();
        List<Scenario.Result> results = new ArrayList<>();
        for (int size : occurrences) {
            Path data = (dataDir != null ? dataDir : dir.resolve("db")).resolve(Integer.toString(size));
            try (EmbeddedDatabase pg = EmbeddedDatabase.start(data, 0)) {
                ensureSeeded(pg, size);
                Oracle oracle = scenarios.contains(UI_TRAFFIC) ? Oracle.start(pg) : null;
                try {
                    UiTraffic traffic = null;
                    if (oracle != null) {
                        out.printf(Locale.ROOT, "%nui-traffic: drawing the filter values and counting them on the oracle (%s)...%n",
                                oracle.antenna.baseUrl());
                        traffic = UiTraffic.load(oracle.antenna.database().pool(), oracle.client, limit, filterValues,
                                seed, out);
                    }
                    for (Mode mode : order) {
                        results.addAll(runMode(pg, size, mode, oracle, traffic));
                    }
                } finally {
                    if (oracle != null) {
                        oracle.close();
                    }
                }
            }
        }
        Report.write(dir, setup(), results);
        return results;
    }

    private void check() {
        if (duration.isZero() || duration.isNegative() || sessions < 1 || (clients != null && clients < 1) || limit < 1
                || maxRequests < 1 || thinkMax.compareTo(thinkMin) < 0 || poll.isZero() || poll.isNegative()
                || filterValues < 1 || checkSample < 0 || occurrences.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("durations, sessions, clients, limit, --occurrences, --filter-values and"
                    + " --max-requests must be positive, --check-sample not negative, and --think-max at least --think-min");
        }
        for (String s : scenarios) {
            if (!s.equals(UI_SESSIONS) && !s.equals(SATURATION) && !s.equals(UI_TRAFFIC)) {
                throw new IllegalArgumentException("unknown scenario '" + s + "': ui-sessions, saturation or ui-traffic");
            }
        }
    }

    private int saturationClients() {
        return clients != null ? clients : 30;
    }

    private int trafficClients() {
        return clients != null ? clients : 1;
    }

    /** ui-sessions and saturation on one service instance (after the warm-up), then ui-traffic on a fresh one. */
    private List<Scenario.Result> runMode(EmbeddedDatabase pg, int size, Mode mode, Oracle oracle, UiTraffic traffic)
            throws Exception {
        List<Scenario.Result> results = new ArrayList<>();
        List<String> shared = scenarios.stream().filter(s -> !s.equals(UI_TRAFFIC)).toList();
        if (!shared.isEmpty()) {
            results.addAll(runShared(pg, size, mode, shared));
        }
        if (traffic != null) {
            results.add(runUiTraffic(pg, size, mode, oracle, traffic));
        }
        return results;
    }

    /** The service under test, on the shared embedded PostgreSQL, with the mode's loading and the run's pool. */
    private Antenna startService(EmbeddedDatabase pg, Mode mode) {
        Database db = Database.open(DatabaseSettings.external(pg.jdbcUrl(), EmbeddedDatabase.USER, null)
                .withPoolSize(poolSize)
                .withConnectionTimeout(connectionTimeout)
                .withFetchPolicy(mode.policy));
        // Loopback only; port 0 picks a free port. Closing the service closes its pool, not PostgreSQL.
        return Antenna.start(db, "127.0.0.1", 0, null, mode.loading, countCache);
    }

    private List<Scenario.Result> runShared(EmbeddedDatabase pg, int size, Mode mode, List<String> names)
            throws Exception {
        try (Antenna antenna = startService(pg, mode);
             Client client = new Client(antenna.baseUrl(), clientTimeout)) {
            HikariDataSource pool = antenna.database().pool();
            Targets targets = Targets.load(pool, client, limit);
            out.printf(Locale.ROOT, "%n== %,d occurrences, mode %s: occurrence list %s, fetch policy %s; service at %s%n",
                    size, mode.label(), mode.loading, mode.policy, antenna.baseUrl());
            if (!warmup.isZero()) {
                out.printf("   warm-up %s...%n", text(warmup));
                new Scenario(size, client, targets, pool, warmup, maxRequests, clientTimeout)
                        .uiSessions(mode.label(), new Scenario.Ui(4, Duration.ZERO, Duration.ZERO, Duration.ofMillis(200)), seed);
                settle(pool);
            }
            Scenario scenario = new Scenario(size, client, targets, pool, duration, maxRequests, clientTimeout);
            List<Scenario.Result> results = new ArrayList<>();
            for (String name : names) {
                out.printf("   %s for %s...%n", name, text(duration));
                Scenario.Result r = name.equals(UI_SESSIONS)
                        ? scenario.uiSessions(mode.label(), new Scenario.Ui(sessions, thinkMin, thinkMax, poll), seed)
                        : scenario.saturation(mode.label(), saturationClients(), seed);
                out.print(Report.table(List.of(r), clientTimeout.toMillis()));
                results.add(r);
                settle(pool);
            }
            return results;
        }
    }

    /**
     * ui-traffic on a service instance that has answered nothing yet, so its caches are cold and the first
     * request of each (project, filter) pays what a first request pays. The JVM is warmed meanwhile by the same
     * kind of traffic sent to the oracle (same code, its own caches). After the run, a sample of the answers is
     * checked against the oracle.
     */
    private Scenario.Result runUiTraffic(EmbeddedDatabase pg, int size, Mode mode, Oracle oracle, UiTraffic traffic)
            throws Exception {
        if (!warmup.isZero()) {
            out.printf(Locale.ROOT, "%n== %,d occurrences, mode %s: ui-traffic warm-up %s, sent to the oracle...%n", size,
                    mode.label(), text(warmup));
            new Scenario(size, oracle.client, null, oracle.antenna.database().pool(), warmup, maxRequests, ORACLE_TIMEOUT)
                    .uiTraffic("warm-up", trafficClients(), traffic, new TrafficStats(0, seed), seed + 17);
        }
        TrafficStats stats = new TrafficStats(checkSample, seed);
        Scenario.Result result;
        try (Antenna antenna = startService(pg, mode);
             Client client = new Client(antenna.baseUrl(), clientTimeout)) {
            HikariDataSource pool = antenna.database().pool();
            awaitConnections(pool);
            out.printf(Locale.ROOT, "== %,d occurrences, mode %s: ui-traffic for %s, %d client(s), on a fresh service at %s%n",
                    size, mode.label(), text(duration), trafficClients(), antenna.baseUrl());
            result = new Scenario(size, client, null, pool, duration, maxRequests, clientTimeout)
                    .uiTraffic(mode.label(), trafficClients(), traffic, stats, seed);
            out.print(Report.table(List.of(result), clientTimeout.toMillis()));
            settle(pool);
        }
        if (checkSample > 0) {
            out.printf("   exactness: replaying %d of the answers against the oracle...%n", stats.kept().size());
            result = result.withTraffic(result.traffic().withCheck(Exactness.run(stats.kept(), oracle.client)));
        }
        out.print(Report.trafficSection(result, clientTimeout.toMillis()));
        return result;
    }

    /**
     * The truth for ui-traffic, untimed: a second service instance on the same database with its count cache off
     * (an exact count for every page, a plain offset), as shipped otherwise. It counts the filter values before the
     * run and checks a sample of the answers after it; the measured instance never sees these requests.
     */
    private record Oracle(Antenna antenna, Client client) implements AutoCloseable {
        static Oracle start(EmbeddedDatabase pg) {
            Database db = Database.open(DatabaseSettings.external(pg.jdbcUrl(), EmbeddedDatabase.USER, null)
                    .withPoolSize(2)
                    .withConnectionTimeout(ORACLE_TIMEOUT)
                    .withStatementTimeout(ORACLE_TIMEOUT));
            Antenna antenna = Antenna.start(db, "127.0.0.1", 0, null, OccurrenceApi.Loading.PREFETCH, Duration.ZERO);
            return new Oracle(antenna, new Client(antenna.baseUrl(), ORACLE_TIMEOUT));
        }

        @Override
        public void close() {
            client.close();
            antenna.close();
        }
    }

    /**
     * Waits (at most 10 s) until a fresh pool has opened its connections, as a running service's pool has: the
     * first requests measure the service's cold caches, not PostgreSQL's connection start-up.
     */
    private static void awaitConnections(HikariDataSource pool) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMinimumIdle() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    /**
     * Waits (at most a minute) until the pool is idle: requests the client gave up on keep running in
     * the service, and must not weigh on the next scenario.
     */
    private void settle(HikariDataSource pool) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < until) {
            var bean = pool.getHikariPoolMXBean();
            if (bean.getActiveConnections() == 0 && bean.getThreadsAwaitingConnection() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        out.println("   (the pool was still busy a minute after the scenario ended)");
    }

    /** Migrates the schema, and seeds unless the database already holds exactly {@code size} occurrences. */
    private void ensureSeeded(EmbeddedDatabase pg, int size) throws SQLException {
        try (Database db = Database.open(DatabaseSettings.external(pg.jdbcUrl(), EmbeddedDatabase.USER, null))) {
            long have;
            try (Connection c = db.pool().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM main_occurrence")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have == size) {
                return;
            }
            out.printf(Locale.ROOT, "Seeding %,d occurrences into %s (the database holds %,d)...%n", size, pg.dataDir(), have);
            try (HikariDataSource writer = db.openWriter()) {
                out.println(DemoData.seed(writer, new DemoData.Options(seed, size, true), new ConsoleProgress()));
            }
        }
    }

    private Report.Setup setup() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Scenarios, %s each, client timeout %s, at most %,d requests:", text(duration), text(clientTimeout),
                maxRequests));
        if (scenarios.contains(UI_SESSIONS)) {
            text.append(String.format(Locale.ROOT, " **ui-sessions**: %d sessions, each viewing a page every %s-%s (think"
                            + " time): %.0f%% an occurrence list page (limit=%d, offset=%d*page, %.0f%% of them on any page"
                            + " of the project, the rest on its first 5; ordering -updated_at or the default, half and half),"
                            + " %.0f%% an occurrence detail, %.0f%% a station (deployment detail), in a random visible"
                            + " project; and a timer per session polling the captures list every %s (the UI polls the jobs"
                            + " list too; this service has no jobs endpoint).", sessions, text(thinkMin), text(thinkMax),
                    Scenario.LIST_SHARE * 100, limit, limit, Targets.DEEP_PAGE_SHARE * 100, Scenario.DETAIL_SHARE * 100,
                    (1 - Scenario.LIST_SHARE - Scenario.DETAIL_SHARE) * 100, text(poll)));
        }
        if (scenarios.contains(SATURATION)) {
            text.append(String.format(Locale.ROOT, " **saturation**: %d closed-loop clients asking for occurrence list"
                    + " pages with no think time.", saturationClients()));
        }
        if (scenarios.contains(UI_SESSIONS) || scenarios.contains(SATURATION)) {
            text.append(String.format(Locale.ROOT, " A %s warm-up (4 sessions, no think time) precedes them in each mode"
                    + " and is not reported.", text(warmup)));
        }
        if (scenarios.contains(UI_TRAFFIC)) {
            text.append(String.format(Locale.ROOT, " **ui-traffic**: %d closed-loop client(s), no think time, asking for"
                            + " occurrence list pages as the UI does: limit=%d; a visible project weighted by its occurrences (the"
                            + " count with apply_defaults=false);"
                            + " no filter %.0f%%, else one of taxon, verified, deployment, event, date_start+date_end,"
                            + " apply_defaults=false, determination__rank (%.0f%% each; up to %d values per kind and"
                            + " project, drawn from the database); ordering -updated_at %.0f%%, else one of the %d"
                            + " whitelisted fields ascending or descending; the first page %.0f%%, pages 2-6 %.0f%%, any"
                            + " page of the result %.0f%%. It runs last in each mode on a fresh service instance (its"
                            + " caches cold: the first request of each (project, filter) is counted), after a %s warm-up"
                            + " sent to the oracle (a second instance, count cache off), which then checks %d sampled"
                            + " answers (count and result ids).", trafficClients(), limit,
                    UiTraffic.NO_FILTER_SHARE * 100, (1 - UiTraffic.NO_FILTER_SHARE) / 7 * 100, filterValues,
                    UiTraffic.UPDATED_AT_DESC_SHARE * 100, UiTraffic.ORDERING_FIELDS.size(),
                    UiTraffic.FIRST_PAGE_SHARE * 100, UiTraffic.EARLY_PAGE_SHARE * 100,
                    (1 - UiTraffic.FIRST_PAGE_SHARE - UiTraffic.EARLY_PAGE_SHARE) * 100, text(warmup), checkSample));
        }
        text.append(" The service restarts (same data) between modes.");
        String modesText = " Modes: **prefetch** is the service as shipped (4 statements a list page); **lazy-one** is "
                + "the incident's code (`--occurrence-loading lazy --fetch-policy ONE`: the page query, then each row's "
                + "relations one query at a time); **lazy-peers** is the same list with Ferry's default policy (each "
                + "relation loaded for the whole page when first read). Every mode reuses a list's total for "
                + text(countCache) + " (`--count-cache`" + (countCache.isZero() ? ": off, every page counts" : "") + ").";
        return new Report.Setup(String.join(" ", commandLine()), List.copyOf(occurrences), poolSize,
                text(connectionTimeout), Runtime.getRuntime().availableProcessors(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")",
                startedAt.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                text + modesText, clientTimeout.toMillis());
    }

    /** The documented command with the arguments of this run. */
    private List<String> commandLine() {
        List<String> cmd = new ArrayList<>(List.of("./mvnw -pl bench -am verify -DskipTests -Dincident.run"));
        if (args.length > 0) {
            cmd.add("-Dincident.args=\"" + String.join(" ", args) + "\"");
        }
        return cmd;
    }

    static String text(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** {@code 60s}, {@code 1500ms}, {@code 2m}, or ISO-8601 ({@code PT1M}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
            }
            return Duration.ofSeconds(Long.parseLong(v));
        }
    }
}
