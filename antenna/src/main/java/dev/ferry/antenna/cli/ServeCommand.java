package dev.ferry.antenna.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.Antenna;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.db.DatabaseSettings;
import dev.ferry.antenna.http.HttpSettings;
import dev.ferry.policy.FetchPolicy;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code antenna serve}: the HTTP API, on the embedded PostgreSQL (seeded on first start) or any PostgreSQL. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the occurrence API over HTTP until Ctrl-C.",
                "Without --database-url it runs an embedded PostgreSQL in --data-dir: the first start creates and "
                        + "seeds it with demo data, later starts reuse it."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--public-url", paramLabel = "URL",
            description = {"The service's public root, e.g. https://api.example.org: every absolute link (details, "
                    + "next, media) starts with it, whatever the request's Host (default: links follow the request's "
                    + "Host, when it is an allowed one)."})
    java.net.URI publicUrl;

    @Option(names = "--allowed-hosts", paramLabel = "HOSTS", split = ",",
            description = {"Host names a request's Host header may name (comma-separated, as Django's ALLOWED_HOSTS; "
                    + "* for any); another is a 400 (default: localhost, 127.0.0.1, ::1 and --host)."})
    List<String> allowedHosts;

    @Option(names = "--trusted-proxies", paramLabel = "ADDRESSES", split = ",",
            description = {"IP addresses of proxies in front of the service whose X-Forwarded-Proto and "
                    + "X-Forwarded-Host are believed (default: none; from anyone else they are ignored)."})
    List<String> trustedProxies;

    @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest a client may take to send a request's line and headers (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--shutdown-timeout", paramLabel = "DURATION", defaultValue = "8s", converter = DurationConverter.class,
            description = {"On stop (Ctrl-C, SIGTERM), longest to wait for the requests in flight before closing their "
                    + "connections (default: ${DEFAULT-VALUE})."})
    Duration shutdownTimeout;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--occurrences", paramLabel = "N", defaultValue = "20000",
            description = "Demo occurrences to generate when the database is empty (default: ${DEFAULT-VALUE}).")
    int occurrences;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Random seed of the demo data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-seed", description = "Never generate demo data, even in an empty database.")
    boolean noSeed;

    @Option(names = "--media-url", paramLabel = "URL",
            description = "URL prefix of stored files such as detection crops (default: this server's /media/).")
    String mediaUrl;

    @Option(names = "--fetch-policy", paramLabel = "POLICY", defaultValue = "PEERS",
            description = "What a relation a query did not load does when read: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FetchPolicy fetchPolicy;

    @Option(names = "--occurrence-loading", paramLabel = "MODE", defaultValue = "prefetch",
            converter = LoadingConverter.class, completionCandidates = LoadingConverter.class,
            description = {"How the occurrence list loads each row's relations: prefetch (4 statements a page) or lazy "
                    + "(the incident's code: a load per relation when read, by --fetch-policy; with ONE, the original "
                    + "N+1) (default: ${DEFAULT-VALUE})."})
    OccurrenceApi.Loading occurrenceLoading;

    @Option(names = "--count-cache", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = {"How long the lists (occurrences, captures) reuse a total for the same project and filters, "
                    + "as the original's query cache did, and the positions that make a deep page a seek; 0 counts and "
                    + "skips on every page: an exact COUNT and OFFSET (default: ${DEFAULT-VALUE})."})
    Duration countCache;

    /** Starts the service: database, demo data if it is empty, HTTP server. The caller closes it. */
    public Antenna start() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, was " + port);
        }
        if (occurrences < 0) {
            throw new ParameterException(spec.commandLine(), "--occurrences must not be negative, was " + occurrences);
        }
        if (countCache.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--count-cache must not be negative, was " + countCache);
        }
        HttpSettings http = http(); // checked before anything starts
        DatabaseSettings settings = database.settings(spec, fetchPolicy);
        PrintWriter out = spec.commandLine().getOut();
        Database db = Database.open(settings);
        try {
            if (!noSeed && db.isEmpty()) {
                out.printf("The database is empty: generating demo data (%,d occurrences, seed %d)...%n", occurrences, seed);
                out.flush();
                try (HikariDataSource writer = db.openWriter()) {
                    Seeding.seed(writer, seed, occurrences, false);
                }
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return Antenna.start(db, http, mediaUrl, occurrenceLoading, countCache);
    }

    /** The HTTP settings these options describe; a bad value is a usage error naming its option. */
    HttpSettings http() {
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--header-timeout must be positive, was " + headerTimeout);
        }
        if (shutdownTimeout.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--shutdown-timeout must not be negative, was " + shutdownTimeout);
        }
        HttpSettings http = HttpSettings.of(host, port).withHeaderTimeout(headerTimeout).withShutdownTimeout(shutdownTimeout);
        try {
            if (publicUrl != null) {
                http = http.withPublicUrl(publicUrl);
            }
            if (allowedHosts != null) {
                http = http.withAllowedHosts(allowedHosts);
            }
            if (trustedProxies != null) {
                trustedProxies.forEach(HttpSettings::checkAddress);
                http = http.withTrustedProxies(trustedProxies);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return http;
    }

    @Override
    public Integer call() throws InterruptedException {
        Antenna antenna = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                antenna.close();
            } finally {
                stopped.countDown();
            }
        }, "antenna-stop"));
        PrintWriter out = spec.commandLine().getOut();
        String base = antenna.baseUrl();
        long[] ids = antenna.exampleIds().orElse(new long[] {1, 1});
        out.printf("Antenna is up: %s/api/v2/occurrences/?project_id=%d%n", base, ids[0]);
        out.printf("  captures:    %s/api/v2/captures/?project_id=%d%n", base, ids[0]);
        out.printf("  a station:   %s/api/v2/deployments/%d/%n", base, ids[1]);
        Database db = antenna.database();
        out.printf("  database:    %s%n", db.embedded() != null
                ? "embedded PostgreSQL in " + db.embedded().dataDir() + " (port " + db.embedded().port() + ")"
                : db.displayUrl());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** {@code prefetch} or {@code lazy}, in any case. */
    static final class LoadingConverter implements ITypeConverter<OccurrenceApi.Loading>, Iterable<String> {
        @Override
        public OccurrenceApi.Loading convert(String value) {
            return OccurrenceApi.Loading.valueOf(value.toUpperCase(Locale.ROOT));
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("prefetch", "lazy").iterator();
        }
    }
}
