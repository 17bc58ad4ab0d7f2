package dev.ferry.antenna.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code next} and {@code previous} URLs of DRF's {@code LimitOffsetPagination}: the request's own
 * URL with {@code limit} and {@code offset} replaced, its parameters sorted by name (DRF's
 * {@code replace_query_param} re-encodes them sorted), and no {@code offset} on the way back to the first page.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /** The next page, or null when this page reaches the end. */
    public static String next(ApiRequest request, long limit, long offset, long total) {
        if (total - offset <= limit) { // not offset + limit >= total: that overflows for a huge offset
            return null;
        }
        return url(request, limit, offset + limit);
    }

    /** The previous page, or null on the first page. */
    public static String previous(ApiRequest request, long limit, long offset) {
        if (offset <= 0) {
            return null;
        }
        return url(request, limit, Math.max(0, offset - limit));
    }

    private static String url(ApiRequest request, long limit, long offset) {
        Map<String, List<String>> params = new TreeMap<>(request.params());
        params.put("limit", List.of(Long.toString(limit)));
        if (offset > 0) {
            params.put("offset", List.of(Long.toString(offset)));
        } else {
            params.remove("offset");
        }
        StringBuilder url = new StringBuilder(request.root()).append(request.path());
        char separator = '?';
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String value : e.getValue()) {
                url.append(separator).append(encode(e.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** Python's {@code quote_plus}: as URLEncoder, except that {@code *} is escaped and {@code ~} is not. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
