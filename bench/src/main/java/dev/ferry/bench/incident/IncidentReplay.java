package dev.ferry.bench.incident;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.Antenna;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.db.DatabaseSettings;
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
 * saturation. Prints a markdown table and writes {@code results.md} and {@code results.json}.
 *
 * <pre>
 * ./mvnw -pl bench -am verify -DskipTests -Dincident.run                       # the defaults below
 * ./mvnw -pl bench -am verify -DskipTests -Dincident.run -Dincident.args="--occurrences 1000000"
 * </pre>
 */
@Command(name = "incident-replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays the AMI incident (30 UI sessions on a 4-connection pool) against the antenna service.")
public final class IncidentReplay implements Callable<Integer> {

    @Option(names = "--occurrences", paramLabel = "N", defaultValue = "100000",
            description = "Demo occurrences (default: ${DEFAULT-VALUE}); the database is reseeded when it holds another number.")
    int occurrences;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the demo data and of the sessions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/incident",
            description = "Output folder of results.md and results.json (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The embedded PostgreSQL's data, kept and reused across runs (default: the output folder's pg/).")
    Path dataDir;

    @Option(names = "--modes", split = ",", defaultValue = "prefetch,lazy-one,lazy-peers",
            description = "Service modes, in order: prefetch (as shipped), lazy-one (the incident's N+1), lazy-peers (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--scenarios", split = ",", defaultValue = "ui-sessions,saturation",
            description = "ui-sessions (think time, captures polled) and/or saturation (closed loop on the list) (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--sessions", defaultValue = "30", description = "UI sessions (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--clients", defaultValue = "30", description = "Closed-loop clients at saturation (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "60s",
            description = "Length of each scenario (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", converter = DurationConverter.class, defaultValue = "10s",
            description = "Unreported load on every endpoint before each mode's scenarios (default: ${DEFAULT-VALUE}).")
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

    /** Runs every mode's scenarios and writes the report; returns the results. */
    List<Scenario.Result> replay() throws Exception {
        check();
        startedAt = LocalDateTime.now();
        List<Mode> order = modes.stream().map(Mode::parse).toList();
        List<Scenario.Result> results = new ArrayList<>();
        for (Mode mode : order) {
            results.addAll(runMode(mode));
        }
        Report.write(dir, setup(), results);
        return results;
    }

    private void check() {
        if (duration.isZero() || duration.isNegative() || sessions < 1 || clients < 1 || limit < 1 || maxRequests < 1
                || thinkMax.compareTo(thinkMin) < 0 || poll.isZero() || poll.isNegative()) {
            throw new IllegalArgumentException("durations, sessions, clients, limit and --max-requests must be positive,"
                    + " and --think-max at least --think-min");
        }
        for (String s : scenarios) {
            if (!s.equals("ui-sessions") && !s.equals("saturation")) {
                throw new IllegalArgumentException("unknown scenario '" + s + "': ui-sessions or saturation");
            }
        }
    }

    private List<Scenario.Result> runMode(Mode mode) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir != null ? dataDir : dir.resolve("pg"))
                .withPoolSize(poolSize)
                .withConnectionTimeout(connectionTimeout)
                .withFetchPolicy(mode.policy);
        Database db = Database.open(settings);
        try {
            ensureSeeded(db);
        } catch (RuntimeException | SQLException e) {
            db.close();
            throw e;
        }
        // Loopback only; port 0 picks a free port. The service owns the database from here.
        try (Antenna antenna = Antenna.start(db, "127.0.0.1", 0, null, mode.loading, countCache);
             Client client = new Client(antenna.baseUrl(), clientTimeout)) {
            HikariDataSource pool = db.pool();
            Targets targets = Targets.load(pool, client, limit);
            out.printf(Locale.ROOT, "%n== mode %s: occurrence list %s, fetch policy %s; service at %s%n", mode.label(),
                    mode.loading, mode.policy, antenna.baseUrl());
            if (!warmup.isZero()) {
                out.printf("   warm-up %s...%n", text(warmup));
                new Scenario(client, targets, pool, warmup, maxRequests, clientTimeout)
                        .uiSessions(mode.label(), new Scenario.Ui(4, Duration.ZERO, Duration.ZERO, Duration.ofMillis(200)), seed);
                settle(pool);
            }
            Scenario scenario = new Scenario(client, targets, pool, duration, maxRequests, clientTimeout);
            List<Scenario.Result> results = new ArrayList<>();
            for (String name : scenarios) {
                out.printf("   %s for %s...%n", name, text(duration));
                Scenario.Result r = name.equals("ui-sessions")
                        ? scenario.uiSessions(mode.label(), new Scenario.Ui(sessions, thinkMin, thinkMax, poll), seed)
                        : scenario.saturation(mode.label(), clients, seed);
                out.print(Report.table(List.of(r), clientTimeout.toMillis()));
                results.add(r);
                settle(pool);
            }
            return results;
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

    /** Seeds the database unless it already holds exactly the requested number of occurrences. */
    private void ensureSeeded(Database db) throws SQLException {
        long have;
        try (Connection c = db.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM main_occurrence")) {
            rs.next();
            have = rs.getLong(1);
        }
        if (have == occurrences) {
            return;
        }
        out.printf(Locale.ROOT, "Seeding %,d occurrences (the database holds %,d)...%n", occurrences, have);
        try (HikariDataSource writer = db.openWriter()) {
            out.println(DemoData.seed(writer, new DemoData.Options(seed, occurrences, true), new ConsoleProgress()));
        }
    }

    private Report.Setup setup() {
        String scenarioText = String.format(Locale.ROOT, "Scenarios, %s each, client timeout %s, at most %,d requests: "
                        + "**ui-sessions**: %d sessions, each viewing a page every %s-%s (think time): %.0f%% an occurrence "
                        + "list page (limit=%d, offset=%d*page, %.0f%% of them on any page of the project, the rest on its "
                        + "first 5; ordering -updated_at or the default, half and half), %.0f%% an occurrence detail, "
                        + "%.0f%% a station (deployment detail), in a random visible project; and a timer per session "
                        + "polling the captures list every %s (the UI polls the jobs list too; this service has no jobs endpoint). **saturation**: %d closed-loop clients asking for "
                        + "occurrence list pages with no think time. A %s warm-up (4 sessions, no think time) precedes "
                        + "each mode and is not reported; the service restarts (same data) between modes.",
                text(duration), text(clientTimeout), maxRequests, sessions, text(thinkMin), text(thinkMax),
                Scenario.LIST_SHARE * 100, limit, limit, Targets.DEEP_PAGE_SHARE * 100, Scenario.DETAIL_SHARE * 100,
                (1 - Scenario.LIST_SHARE - Scenario.DETAIL_SHARE) * 100, text(poll), clients, text(warmup));
        String modesText = " Modes: **prefetch** is the service as shipped (4 statements a list page); **lazy-one** is "
                + "the incident's code (`--occurrence-loading lazy --fetch-policy ONE`: the page query, then each row's "
                + "relations one query at a time); **lazy-peers** is the same list with Ferry's default policy (each "
                + "relation loaded for the whole page when first read). Every mode reuses a list's total for "
                + text(countCache) + " (`--count-cache`" + (countCache.isZero() ? ": off, every page counts" : "") + ").";
        return new Report.Setup(String.join(" ", commandLine()), occurrences, poolSize, text(connectionTimeout),
                Runtime.getRuntime().availableProcessors(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")",
                startedAt.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                scenarioText + modesText, clientTimeout.toMillis());
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
