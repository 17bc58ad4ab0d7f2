package dev.ferry.antenna.http;

import dev.ferry.antenna.api.ApiException;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One GET endpoint: a path in Django REST Framework's style (trailing slash, {@code {id}} for a detail)
 * and the handler that answers it. Handlers know nothing of the web framework: they get an
 * {@link ApiRequest}, load everything, and return a {@link JsonBody}.
 */
public record Route(String path, Handler handler) {

    /** Answers a request; {@code pathParams} holds the path's {@code {name}} segments. */
    @FunctionalInterface
    public interface Handler {
        JsonBody handle(ApiRequest request, Map<String, String> pathParams);
    }

    public Route {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("route paths start and end with '/' (DRF style): " + path);
        }
    }

    /** A list endpoint, e.g. {@code /api/v2/captures/}. */
    public static Route list(String path, Function<ApiRequest, JsonBody> list) {
        return new Route(path, (request, params) -> list.apply(request));
    }

    /** A detail endpoint whose path ends with {@code {id}/}; a non-integer id is a 400 naming {@code id}. */
    public static Route detail(String path, BiFunction<ApiRequest, Long, JsonBody> detail) {
        if (!path.endsWith("/{id}/")) {
            throw new IllegalArgumentException("a detail route ends with /{id}/: " + path);
        }
        return new Route(path, (request, params) -> detail.apply(request, id(params.get("id"))));
    }

    static long id(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", "A valid integer is required.");
        }
    }
}
