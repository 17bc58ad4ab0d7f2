package dev.ferry.antenna.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.antenna.api.ApiException;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server (Javalin on Jetty, one virtual thread per request) for a list of {@link Route}s, GET and HEAD.
 *
 * <p>Each request runs in an observe scope named after its route ({@code GET /api/v2/captures/}): the handler
 * loads its data, then the body is rendered while the scope is still open (a lazy load while rendering is counted
 * too), whole, before anything is sent ({@link Spill}: in memory up to {@link HttpSettings#bufferBytes()}, in a
 * temporary file past that, so memory does not grow with the document and a slow client holds no rows and no
 * connection), with the {@code Server-Timing} and {@code X-Query-Count} headers of the whole request; a failure is
 * therefore a clean error document, never half of one. HEAD runs the handler and answers its status and
 * headers without a body. Errors map to DRF-shaped JSON, the server's own too ({@link JsonErrorHandler}): an
 * {@link ApiException} to its status, an unreachable or timed-out database to 503 with {@code Retry-After},
 * any other exception to 500 (logged); an {@link Error} is not caught (a JVM out of memory is not something to
 * keep serving with). Stopping finishes the requests in flight within {@link HttpSettings#shutdownTimeout()}.
 */
public final class AntennaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AntennaServer.class);
    static final String JSON = "application/json";
    /** Seconds a client should wait before retrying after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;
    static final String UNAVAILABLE = "The database is unavailable; try again shortly.";
    static final String ALLOW = "GET, HEAD";
    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    /** Set on a request once this server wrote its response, so the 404/405 mappers leave it alone. */
    private static final String ANSWERED = "antenna.answered";

    private final Javalin app;
    private final Observer observer;
    private final List<Route> routes;
    private final HttpSettings settings;
    private final PublicRoot publicRoot;
    private HeaderDeadline headerDeadline;

    private AntennaServer(Observer observer, List<Route> routes, HttpSettings settings, Javalin app) {
        this.observer = observer;
        this.routes = routes;
        this.settings = settings;
        this.publicRoot = new PublicRoot(settings);
        this.app = app;
    }

    /** Starts serving {@code routes} on {@code host:port} (port 0 picks a free one) with the default settings. */
    public static AntennaServer start(String host, int port, Observer observer, List<Route> routes) {
        return start(HttpSettings.of(host, port), observer, routes);
    }

    /**
     * Starts serving {@code routes} as {@code settings} say.
     *
     * @param observer the observer that wraps the database pool: request scopes are opened on it
     */
    public static AntennaServer start(HttpSettings settings, Observer observer, List<Route> routes) {
        Javalin app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.router.ignoreTrailingSlashes = true; // /api/v2/captures and /api/v2/captures/ alike
            config.http.prefer405over404 = true;
            config.jetty.defaultHost = settings.host();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.jetty.modifyServer(server -> {
                // Counts the requests in flight, so a stop can wait for them (Jetty's graceful shutdown).
                server.setHandler(new StatisticsHandler());
                server.setStopTimeout(settings.shutdownTimeout().toMillis());
                server.setStopAtShutdown(false); // the service's own shutdown hook stops it, pool and database after
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
        });
        AntennaServer server = new AntennaServer(observer, List.copyOf(routes), settings, app);
        Route landing = Route.list("/", request -> server.landing(request));
        for (Route route : server.routes) {
            app.get(route.path(), ctx -> server.handle(ctx, route));
            app.head(route.path(), ctx -> server.handle(ctx, route));
        }
        for (String path : List.of("/", "/api/v2/")) {
            app.get(path, ctx -> server.handle(ctx, landing));
            app.head(path, ctx -> server.handle(ctx, landing));
        }
        app.error(404, ctx -> server.unmatched(ctx, 404, Map.of("detail", "Not found.")));
        app.error(405, ctx -> {
            ctx.header("Allow", ALLOW);
            server.unmatched(ctx, 405, Map.of("detail", "Method \"" + ctx.method() + "\" not allowed."));
        });
        app.exception(Exception.class, (e, ctx) -> {
            // Only reached for failures outside handle() (which maps its own): log and answer 500.
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            if (!ctx.res().isCommitted()) {
                server.sendWhole(ctx, 500, Response.bytes(Map.of("detail", "Internal server error.")), false, null, 0);
            }
        });
        app.start(settings.port());
        server.headerDeadline = HeaderDeadline.start(app.jettyServer().server(), settings.headerTimeout());
        return server;
    }

    /** The port the server listens on (the real one when started on port 0). */
    public int port() {
        return app.port();
    }

    public List<Route> routes() {
        return routes;
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Stops accepting connections, lets the requests in flight finish (at most the shutdown timeout; a new request
     * on an open connection meanwhile is a JSON 503), then closes every connection.
     */
    @Override
    public void close() {
        if (headerDeadline != null) {
            headerDeadline.close();
        }
        try {
            app.stop();
        } catch (RuntimeException e) {
            // Jetty gave up waiting (the shutdown timeout) and closed the connections still busy: stopped all the same.
            LOG.warn("stopped with requests still in flight after the shutdown timeout ({})", Failures.rootMessage(e));
        }
    }

    // ---------------------------------------------------------------- one request

    private void handle(Context ctx, Route route) {
        long started = System.nanoTime();
        boolean head = ctx.method() == HandlerType.HEAD;
        Scope scope = observer.scope("GET " + route.path()); // the route, not the path: a bounded set of names
        try {
            JsonBody body;
            try {
                body = load(ctx, route);
            } catch (ApiException e) {
                sendWhole(ctx, e.status(), Response.bytes(e.body()), false, timing(scope, started), scope.count());
                return;
            } catch (RuntimeException e) {
                Response failure = failure(ctx, e);
                sendWhole(ctx, failure.status(), failure.body(), failure.retryLater(), timing(scope, started),
                        scope.count());
                return;
            }
            if (head) {
                // The status and headers a GET would have, without rendering: a HEAD stays cheap for any document.
                prepare(ctx, 200, false, timing(scope, started), scope.count());
                return;
            }
            render(ctx, body, scope, started);
        } finally {
            scope.close();
        }
    }

    /** Runs the handler: what it loads, before any byte is rendered. */
    private JsonBody load(Context ctx, Route route) {
        // The path as the route spells it (trailing slash), so page links look the same either way.
        String path = ctx.path().endsWith("/") ? ctx.path() : ctx.path() + "/";
        ApiRequest request = ApiRequest.fromQueryString(publicRoot.of(ctx, port()), path, ctx.queryString());
        return route.handler().handle(request, ctx.pathParamMap());
    }

    /**
     * Renders {@code body} whole (in memory up to {@link HttpSettings#bufferBytes()}, in a temporary file past
     * that), then sends it; a failure while rendering is a clean error document.
     */
    private void render(Context ctx, JsonBody body, Scope scope, long started) {
        Spill out = new Spill(settings.bufferBytes());
        try {
            try (JsonGenerator json = JSON_FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                body.write(json);
            } catch (IOException | RuntimeException e) {
                Response failure = e instanceof RuntimeException r ? failure(ctx, r)
                        : Response.json(500, Map.of("detail", "Internal server error."));
                if (!(e instanceof RuntimeException)) {
                    LOG.error("500 for GET {}", ctx.fullUrl(), e);
                }
                sendWhole(ctx, failure.status(), failure.body(), failure.retryLater(), timing(scope, started),
                        scope.count());
                return;
            }
            if (!out.spilled()) {
                sendWhole(ctx, 200, out.bytes(), false, timing(scope, started), scope.count());
                return;
            }
            prepare(ctx, 200, false, timing(scope, started), scope.count());
            try (InputStream in = out.open()) {
                in.transferTo(ctx.outputStream());
            } catch (IOException e) {
                // the client went away while reading: nothing left to tell it
                LOG.debug("GET {}: the client stopped reading after part of {} bytes", ctx.path(), out.length());
            }
        } finally {
            out.discard();
        }
    }

    /** A failure that is not the client's: a 503 when the database cannot answer, else a logged 500. */
    private static Response failure(Context ctx, RuntimeException e) {
        if (Failures.databaseUnavailable(e)) {
            LOG.warn("503 for GET {}: the database is unavailable ({})", ctx.path(), Failures.rootMessage(e));
            return new Response(503, Response.bytes(Map.of("detail", UNAVAILABLE)), true);
        }
        LOG.error("500 for GET {}", ctx.fullUrl(), e);
        return Response.json(500, Map.of("detail", "Internal server error."));
    }

    private static String timing(Scope scope, long started) {
        return scope.serverTiming() + String.format(Locale.ROOT, ", total;dur=%.1f", (System.nanoTime() - started) / 1e6);
    }

    /** Status and headers of a response (timing null: none). */
    private static void prepare(Context ctx, int status, boolean retryLater, String timing, long queries) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).contentType(JSON);
        ctx.header("Vary", "Accept-Encoding"); // Javalin compresses for clients that accept it
        if (timing != null) {
            ctx.header("Server-Timing", timing);
            ctx.header("X-Query-Count", Long.toString(queries));
        }
        if (retryLater) {
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
    }

    /** A whole document: headers, and the body unless the request is a HEAD. */
    private void sendWhole(Context ctx, int status, byte[] body, boolean retryLater, String timing, long queries) {
        prepare(ctx, status, retryLater, timing, queries);
        if (ctx.method() != HandlerType.HEAD) {
            ctx.result(body);
        }
    }

    private void unmatched(Context ctx, int status, Map<String, Object> body) {
        if (ctx.attribute(ANSWERED) == null) {
            sendWhole(ctx, status, Response.bytes(body), false, null, 0);
        }
    }

    static byte[] render(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON_FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering JSON into memory", e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- the landing document

    private JsonBody landing(ApiRequest request) {
        return json -> {
            json.writeStartObject();
            json.writeStringField("service", "antenna");
            json.writeStringField("description",
                    "The AMI occurrence API on Ferry: every list is served in a constant number of SQL statements "
                            + "(see the X-Query-Count and Server-Timing headers).");
            json.writeArrayFieldStart("endpoints");
            for (Route route : routes) {
                json.writeString(request.root() + route.path());
            }
            json.writeEndArray();
            json.writeEndObject();
        };
    }

    /** A finished error response: status, JSON bytes, and whether to add {@code Retry-After}. */
    record Response(int status, byte[] body, boolean retryLater) {

        static Response json(int status, Map<String, Object> body) {
            return new Response(status, bytes(body), false);
        }

        static byte[] bytes(Map<String, Object> body) {
            return render(json -> writeValue(json, body));
        }

        private static void writeValue(JsonGenerator json, Object value) throws IOException {
            if (value instanceof Map<?, ?> map) {
                json.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    json.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(json, e.getValue());
                }
                json.writeEndObject();
            } else if (value instanceof List<?> list) {
                json.writeStartArray();
                for (Object v : list) {
                    writeValue(json, v);
                }
                json.writeEndArray();
            } else if (value == null) {
                json.writeNull();
            } else {
                json.writeString(String.valueOf(value));
            }
        }
    }
}
