package dev.ferry.antenna.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the HTTP server listens, whom it believes, and how long it waits.
 *
 * @param host            the address to listen on ({@code localhost}, {@code 0.0.0.0}, ...)
 * @param port            the port; 0 picks a free one
 * @param publicUrl       the service's public root ({@code https://api.example.org}); when set, every absolute link
 *                        starts with it and the request's {@code Host} is not used; null: links follow the request
 * @param allowedHosts    host names (without port) a request's {@code Host} may name when there is no public URL,
 *                        as Django's {@code ALLOWED_HOSTS}; {@code *} allows any; another host is a 400
 * @param trustedProxies  peer addresses whose {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed
 *                        (a TLS-terminating proxy in front); from anyone else these headers are ignored
 * @param headerTimeout   longest a client may take to send a request's line and headers (slow-header clients are
 *                        disconnected)
 * @param shutdownTimeout on stop, longest to wait for requests in flight before closing their connections
 * @param bufferBytes     a document up to this size is rendered in memory, a larger one into a temporary file (both
 *                        whole before the first byte is sent)
 */
public record HttpSettings(String host, int port, URI publicUrl, List<String> allowedHosts, List<String> trustedProxies,
                           Duration headerTimeout, Duration shutdownTimeout, int bufferBytes) {

    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(8);
    public static final int DEFAULT_BUFFER_BYTES = 256 * 1024;
    /** The names of this machine that a local client uses: allowed when nothing else is configured. */
    public static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "::1");

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        allowedHosts = allowedHosts.stream().map(HttpSettings::hostName).toList();
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null
                || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https")))) {
            throw new IllegalArgumentException("the public URL must be http(s)://host[:port], was " + publicUrl);
        }
    }

    /** Listening on {@code host:port}; links follow the request's Host when it names this machine or {@code host}. */
    public static HttpSettings of(String host, int port) {
        List<String> allowed = new java.util.ArrayList<>(LOCAL_HOSTS);
        String listen = hostName(host);
        if (!listen.isEmpty() && !listen.equals("0.0.0.0") && !listen.equals("::") && !allowed.contains(listen)) {
            allowed.add(listen);
        }
        return new HttpSettings(host, port, null, allowed, List.of(), DEFAULT_HEADER_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT,
                DEFAULT_BUFFER_BYTES);
    }

    public HttpSettings withPublicUrl(URI url) {
        return new HttpSettings(host, port, url, allowedHosts, trustedProxies, headerTimeout, shutdownTimeout, bufferBytes);
    }

    public HttpSettings withAllowedHosts(List<String> hosts) {
        return new HttpSettings(host, port, publicUrl, hosts, trustedProxies, headerTimeout, shutdownTimeout, bufferBytes);
    }

    public HttpSettings withTrustedProxies(List<String> proxies) {
        return new HttpSettings(host, port, publicUrl, allowedHosts, proxies, headerTimeout, shutdownTimeout, bufferBytes);
    }

    public HttpSettings withHeaderTimeout(Duration timeout) {
        return new HttpSettings(host, port, publicUrl, allowedHosts, trustedProxies, timeout, shutdownTimeout, bufferBytes);
    }

    public HttpSettings withShutdownTimeout(Duration timeout) {
        return new HttpSettings(host, port, publicUrl, allowedHosts, trustedProxies, headerTimeout, timeout, bufferBytes);
    }

    public HttpSettings withBufferBytes(int bytes) {
        return new HttpSettings(host, port, publicUrl, allowedHosts, trustedProxies, headerTimeout, shutdownTimeout, bytes);
    }

    /** Refuses anything but an IP address literal (a trusted proxy); the message names it. */
    public static void checkAddress(String address) {
        PublicRoot.literal(address);
    }

    /** {@code Example.ORG:8000} and {@code [::1]} as compared: lower case, no port, no brackets. */
    static String hostName(String hostAndPort) {
        String h = hostAndPort.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        // one colon: host:port; several: a bare IPv6 address
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }
}
