package dev.ferry.antenna.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects a client that takes longer than the deadline to send a request's line and headers. Jetty's idle
 * timeout restarts with every byte, so a client sending one header line every few seconds would keep its socket
 * (and, by the thousand, the server's) forever; this watches every connection's parser instead: a connection seen
 * in the middle of a request head for longer than the deadline is closed.
 */
final class HeaderDeadline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Server server;
    private final long deadlineNanos;
    private final Map<EndPoint, Long> readingSince = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    private HeaderDeadline(Server server, Duration deadline) {
        this.server = server;
        this.deadlineNanos = deadline.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "antenna-header-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    static HeaderDeadline start(Server server, Duration deadline) {
        HeaderDeadline d = new HeaderDeadline(server, deadline);
        long period = Math.max(50, Math.min(1000, deadline.toMillis() / 4));
        d.sweeper.scheduleWithFixedDelay(d::sweep, period, period, TimeUnit.MILLISECONDS);
        return d;
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            Map<EndPoint, Boolean> open = new java.util.IdentityHashMap<>();
            for (Connector connector : server.getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    open.put(endPoint, Boolean.TRUE);
                    if (!(endPoint.getConnection() instanceof HttpConnection http) || !readingHead(http.getParser())) {
                        readingSince.remove(endPoint);
                        continue;
                    }
                    long since = readingSince.computeIfAbsent(endPoint, e -> now);
                    if (now - since > deadlineNanos) {
                        LOG.debug("closing {}: its request head took longer than the deadline", endPoint.getRemoteSocketAddress());
                        readingSince.remove(endPoint);
                        endPoint.close();
                    }
                }
            }
            readingSince.keySet().removeIf(e -> !open.containsKey(e));
        } catch (RuntimeException e) {
            LOG.warn("header deadline sweep failed", e);
        }
    }

    /** Past the first byte of a request and not yet through its headers. */
    private static boolean readingHead(HttpParser parser) {
        HttpParser.State state = parser.getState();
        return state.ordinal() > HttpParser.State.START.ordinal() && state.ordinal() <= HttpParser.State.HEADER.ordinal();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
