package dev.ferry.antenna.api;

import java.util.List;
import java.util.Map;

/**
 * What a handler needs of an HTTP request, independent of the web framework.
 *
 * @param root   the absolute URL of the server root, without a trailing slash ({@code http://localhost:8000}),
 *               for the {@code details} links
 * @param path   the request path ({@code /api/v2/occurrences/})
 * @param params the query parameters, each with all its values in order
 */
public record ApiRequest(String root, String path, Map<String, List<String>> params) {

    public ApiRequest {
        params = Map.copyOf(params);
    }

    public Params query() {
        return new Params(params);
    }
}
