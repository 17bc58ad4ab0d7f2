package dev.ferry.antenna.http;

import dev.ferry.antenna.api.ApiException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The absolute root every link of a response starts with ({@code details}, {@code next}, media), from the
 * configured public URL, or else from the request's {@code Host} when it is an allowed one (Django's
 * {@code ALLOWED_HOSTS}: a forged Host never reaches a link), with {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} believed only from a trusted proxy (Django's {@code USE_X_FORWARDED_HOST} with
 * {@code SECURE_PROXY_SSL_HEADER}, restricted to the proxy's address).
 */
final class PublicRoot {

    /** A host name or an IPv4 or bracketed IPv6 address, and an optional port (Django's host validation). */
    private static final Pattern HOST = Pattern.compile("^([a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+\\])(:[0-9]{1,5})?$");

    private final String fixed;
    private final Set<String> allowed;
    private final boolean anyHost;
    private final Set<InetAddress> proxies = new HashSet<>();

    PublicRoot(HttpSettings settings) {
        String url = settings.publicUrl() == null ? null : settings.publicUrl().toString();
        this.fixed = url == null ? null : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.allowed = Set.copyOf(settings.allowedHosts());
        this.anyHost = allowed.contains("*");
        for (String proxy : settings.trustedProxies()) {
            proxies.add(literal(proxy));
        }
    }

    /** The root for this request, e.g. {@code https://api.example.org}; a 400 when its Host is not allowed. */
    String of(Context ctx, int port) {
        if (fixed != null) {
            return fixed;
        }
        String scheme = ctx.scheme();
        String host = ctx.header("Host");
        if (!proxies.isEmpty() && proxies.contains(peer(ctx))) {
            String proto = first(ctx.header("X-Forwarded-Proto"));
            if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
            String forwardedHost = first(ctx.header("X-Forwarded-Host"));
            if (forwardedHost != null) {
                host = forwardedHost;
            }
        }
        if (host == null || host.isBlank()) {
            return scheme + "://localhost:" + port; // HTTP/1.0 without Host: the address we listen on
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(h).matches() || !(anyHost || allowed.contains(HttpSettings.hostName(h)))) {
            // Not named in the answer: the allowed names are the operator's business.
            throw ApiException.badRequest("Invalid Host header: '" + clip(host) + "'.");
        }
        return scheme + "://" + h;
    }

    private static InetAddress peer(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()); // an address literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The first of a comma-separated list (the client end of a proxy chain), trimmed; null when absent. */
    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String v = header.split(",", 2)[0].trim();
        return v.isEmpty() ? null : v;
    }

    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    /** An IP address literal; a name is refused (resolving names at each request would trust DNS). */
    static InetAddress literal(String address) {
        String a = address.trim();
        if (!a.matches("[0-9.]+|\\[?[0-9a-fA-F:.]+]?")) {
            throw new IllegalArgumentException("a trusted proxy is an IP address, not '" + address + "'");
        }
        try {
            return InetAddress.getByName(a.startsWith("[") ? a.substring(1, a.length() - 1) : a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + address + "'", e);
        }
    }
}
