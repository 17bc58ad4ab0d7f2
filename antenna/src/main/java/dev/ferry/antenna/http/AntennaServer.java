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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server (Javalin on Jetty, one virtual thread per request) for a list of {@link Route}s.
 *
 * <p>Each request runs in an observe scope named after its route ({@code GET /api/v2/captures/}): the
 * handler loads its data, the body is rendered into a buffer while the scope is still open (so a lazy
 * load during rendering is counted too), the scope closes, and only then is anything sent, with the
 * {@code Server-Timing} and {@code X-Query-Count} headers. A failure therefore never leaves half a
 * document on the wire. Errors map to DRF-shaped JSON: an {@link ApiException} to its status, an
 * unreachable or timed-out database to 503 with {@code Retry-After}, anything else to 500 (logged).
 */
public final class AntennaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AntennaServer.class);
    static final String JSON = "application/json";
    /** Seconds a client should wait before retrying after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;
    static final String UNAVAILABLE = "The database is unavailable; try again shortly.";
    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    /** Set on a request once this server wrote its response, so the 404/405 mappers leave it alone. */
    private static final String ANSWERED = "antenna.answered";

    private final Javalin app;
    private final Observer observer;
    private final List<Route> routes;

    private AntennaServer(Observer observer, List<Route> routes, Javalin app) {
        this.observer = observer;
        this.routes = routes;
        this.app = app;
    }

    /**
     * Starts serving {@code routes} on {@code host:port} (port 0 picks a free one).
     *
     * @param observer the observer that wraps the database pool: request scopes are opened on it
     */
    public static AntennaServer start(String host, int port, Observer observer, List<Route> routes) {
        Javalin app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.router.ignoreTrailingSlashes = true; // /api/v2/captures and /api/v2/captures/ alike
            config.http.prefer405over404 = true;
            config.jetty.defaultHost = host;
        });
        AntennaServer server = new AntennaServer(observer, List.copyOf(routes), app);
        for (Route route : server.routes) {
            app.get(route.path(), ctx -> server.handle(ctx, route));
        }
        Route landing = Route.list("/", request -> server.landing(request));
        app.get("/", ctx -> server.handle(ctx, landing));
        app.get("/api/v2/", ctx -> server.handle(ctx, landing));
        app.error(404, ctx -> server.unmatched(ctx, 404, Map.of("detail", "Not found.")));
        app.error(405, ctx -> server.unmatched(ctx, 405,
                Map.of("detail", "Method \"" + ctx.method() + "\" not allowed.")));
        app.exception(Exception.class, (e, ctx) -> {
            // Only reached for failures outside handle() (which maps its own): log and answer 500.
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            server.send(ctx, Response.json(500, Map.of("detail", "Internal server error.")), null, 0);
        });
        app.start(port);
        return server;
    }

    /** The port the server listens on (the real one when started on port 0). */
    public int port() {
        return app.port();
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---------------------------------------------------------------- one request

    private void handle(Context ctx, Route route) {
        long started = System.nanoTime();
        Response response;
        Scope scope = observer.scope("GET " + route.path()); // the route, not the path: a bounded set of names
        try {
            response = run(ctx, route);
        } finally {
            scope.close();
        }
        String timing = scope.serverTiming()
                + String.format(Locale.ROOT, ", total;dur=%.1f", (System.nanoTime() - started) / 1e6);
        send(ctx, response, timing, scope.count());
    }

    /** Runs the handler and renders its body; every failure becomes its error response. */
    private Response run(Context ctx, Route route) {
        try {
            // The path as the route spells it (trailing slash), so page links look the same either way.
            String path = ctx.path().endsWith("/") ? ctx.path() : ctx.path() + "/";
            ApiRequest request = ApiRequest.fromQueryString(root(ctx), path, ctx.queryString());
            JsonBody body = route.handler().handle(request, ctx.pathParamMap());
            return new Response(200, render(body), false);
        } catch (ApiException e) {
            return Response.json(e.status(), e.body());
        } catch (RuntimeException | Error e) {
            if (Failures.databaseUnavailable(e)) {
                LOG.warn("503 for GET {}: the database is unavailable ({})", ctx.path(), Failures.rootMessage(e));
                return new Response(503, Response.bytes(Map.of("detail", UNAVAILABLE)), true);
            }
            LOG.error("500 for GET {}", ctx.fullUrl(), e);
            return Response.json(500, Map.of("detail", "Internal server error."));
        }
    }

    private void send(Context ctx, Response response, String timing, long queries) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(response.status()).contentType(JSON);
        if (timing != null) {
            ctx.header("Server-Timing", timing);
            ctx.header("X-Query-Count", Long.toString(queries));
        }
        if (response.retryLater()) {
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        ctx.result(response.body());
    }

    private void unmatched(Context ctx, int status, Map<String, Object> body) {
        if (ctx.attribute(ANSWERED) == null) {
            send(ctx, Response.json(status, body), null, 0);
        }
    }

    /** {@code http://host:port} as the client addressed us, for the absolute {@code details} links. */
    private String root(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost:" + port() : host);
    }

    static byte[] render(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
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

    /** A finished response: status, JSON bytes, and whether to add {@code Retry-After}. */
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
