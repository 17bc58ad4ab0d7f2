package dev.ferry.antenna;

import dev.ferry.Ferry;
import dev.ferry.antenna.api.CaptureApi;
import dev.ferry.antenna.api.DeploymentApi;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.http.AntennaServer;
import dev.ferry.antenna.http.HttpSettings;
import dev.ferry.antenna.http.Route;
import dev.ferry.antenna.model.Deployment;
import dev.ferry.antenna.model.Deployment_;
import dev.ferry.antenna.model.Project;
import dev.ferry.antenna.model.Project_;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The running service: its database and its HTTP server, stopped together. */
public final class Antenna implements AutoCloseable {

    private final Database database;
    private final AntennaServer server;
    private final String host;

    private Antenna(Database database, AntennaServer server, String host) {
        this.database = database;
        this.server = server;
        this.host = host;
    }

    /** Every endpoint of the service. */
    public static List<Route> routes(Ferry ferry, String mediaBase) {
        return routes(ferry, mediaBase, OccurrenceApi.Loading.PREFETCH);
    }

    /** Every endpoint, the occurrence list loading its relations as {@code loading} says (LAZY: the incident's N+1). */
    public static List<Route> routes(Ferry ferry, String mediaBase, OccurrenceApi.Loading loading) {
        return routes(ferry, mediaBase, loading, Duration.ZERO);
    }

    /** Every endpoint; the lists reuse a total and their deep pages' positions for {@code countCache} (zero: counts every page). */
    public static List<Route> routes(Ferry ferry, String mediaBase, OccurrenceApi.Loading loading,
                                     Duration countCache) {
        OccurrenceApi occurrences = new OccurrenceApi(ferry, mediaBase, loading, countCache);
        CaptureApi captures = new CaptureApi(ferry, mediaBase, countCache);
        DeploymentApi deployments = new DeploymentApi(ferry, mediaBase);
        return List.of(
                Route.list("/api/v2/occurrences/", occurrences::list),
                Route.detail("/api/v2/occurrences/{id}/", occurrences::detail),
                Route.list("/api/v2/captures/", captures::list),
                Route.detail("/api/v2/deployments/{id}/", deployments::detail));
    }

    /**
     * Serves {@code database} on {@code host:port} (port 0: any free one); the service owns the database
     * from then on and closes it with the server.
     *
     * @param mediaBase URL prefix of stored files; null serves them under the server's own {@code /media/}
     */
    public static Antenna start(Database database, String host, int port, String mediaBase) {
        return start(database, host, port, mediaBase, OccurrenceApi.Loading.PREFETCH);
    }

    /**
     * {@link #start(Database, String, int, String)} with the occurrence list's {@code loading}, and the service's
     * default count cache ({@link OccurrenceApi#DEFAULT_COUNT_CACHE}).
     */
    public static Antenna start(Database database, String host, int port, String mediaBase,
                                OccurrenceApi.Loading loading) {
        return start(database, host, port, mediaBase, loading, OccurrenceApi.DEFAULT_COUNT_CACHE);
    }

    /** {@link #start(Database, String, int, String, OccurrenceApi.Loading)} with a count cache (zero: none). */
    public static Antenna start(Database database, String host, int port, String mediaBase,
                                OccurrenceApi.Loading loading, Duration countCache) {
        return start(database, HttpSettings.of(host, port), mediaBase, loading, countCache);
    }

    /** Serves {@code database} as {@code http} says (address, public URL, allowed hosts, proxies, timeouts). */
    public static Antenna start(Database database, HttpSettings http, String mediaBase, OccurrenceApi.Loading loading,
                                Duration countCache) {
        try {
            AntennaServer server = AntennaServer.start(http, database.observer(),
                    routes(database.ferry(), mediaBase, loading, countCache));
            return new Antenna(database, server, http.host());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public AntennaServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://localhost:8000}: the address to open (localhost when listening on every interface). */
    public String baseUrl() {
        String h = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port();
    }

    /** The first project and its first station, for the URLs printed at start-up. */
    public Optional<long[]> exampleIds() {
        Ferry ferry = database.ferry();
        return ferry.from(Project.class).orderBy(Project_.ID.asc()).first().map(p -> new long[] {p.id(),
                ferry.from(Deployment.class).where(Deployment_.PROJECT.idEq(p.id())).orderBy(Deployment_.ID.asc())
                        .first().map(Deployment::id).orElse(0L)});
    }

    /**
     * Stops the server (it accepts no more connections; the requests in flight finish within the shutdown timeout),
     * then the pool and the embedded database.
     */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
