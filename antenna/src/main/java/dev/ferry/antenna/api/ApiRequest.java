package dev.ferry.antenna.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

    /**
     * The request with the parameters of a raw (still percent-encoded) query string, as {@code ctx.queryString()}
     * gives it. Empty pairs ({@code a=1&&b=2&}) are skipped, as Django's QueryDict skips them; a pair without
     * {@code =} has the empty value; repeated names keep their values in order. {@code +} is a space and
     * {@code %XX} a byte, and the bytes must be UTF-8. A value that breaks these rules is a 400 naming its
     * parameter (a web framework's decoder would drop it, and the request would run as if it were absent); a
     * name that does, or an empty name, is a 400 with {@code detail}.
     */
    public static ApiRequest fromQueryString(String root, String path, String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
                if (name.isEmpty()) {
                    throw ApiException.badRequest("A query parameter has no name.");
                }
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new ApiRequest(root, path, params);
    }

    public Params query() {
        return new Params(params);
    }

    /** Form decoding, strictly; {@code parameter} is null while decoding a name. */
    private static String decode(String s, String parameter) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%') {
                if (i + 2 >= s.length() || !HexFormat.isHexDigit(s.charAt(i + 1)) || !HexFormat.isHexDigit(s.charAt(i + 2))) {
                    throw invalid(parameter, "Invalid percent-encoding.", "Invalid percent-encoding in a parameter name.");
                }
                bytes.write(HexFormat.fromHexDigits(s, i + 1, i + 3));
                i += 3;
            } else {
                int end = i;
                while (end < s.length() && s.charAt(end) != '%' && s.charAt(end) != '+') {
                    end++;
                }
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            // a fresh decoder reports malformed input instead of replacing it
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid(parameter, "Invalid UTF-8 in the percent-encoding.", "Invalid UTF-8 in a parameter name.");
        }
    }

    private static ApiException invalid(String parameter, String valueMessage, String nameMessage) {
        return parameter == null ? ApiException.badRequest(nameMessage) : ApiException.badParameter(parameter, valueMessage);
    }
}
