package dev.ferry.observe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collect the statements of one request, job, test or block.
 *
 * <p>Open with {@link Observer#scope(String)} in a try-with-resources block. Statements are kept in the innermost
 * scope, in a bounded ring; their count and time roll up to every enclosing scope. Other threads working for the
 * scope record into it after {@link #join()}. All methods are thread-safe.
 */
public final class Scope implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scope.class);
    /** Shapes tracked per scope; a scope running more distinct shapes walks for every statement of the others. */
    private static final int MAX_SHAPES = 512;

    private final Observer observer;
    private final String name;
    private final Scope parent;
    private final int keep;
    // The kept records: appended until the array is full, grown by doubling up to keep, then overwritten oldest
    // first, so a scope of four statements allocates a small array, not one of keep slots.
    private StatementRecord[] ring;
    private int size; // records kept, at most keep
    private int next; // ring slot for the next record
    private long count;
    private long totalNanos;
    private boolean closed;
    private List<NPlusOneReport> reports; // cached at close
    // Per shape: how many call sites were walked for it here, and the last one found (see callSite).
    private HashMap<String, ShapeSites> shapeSites;

    Scope(Observer observer, String name, Scope parent, int keep) {
        this.observer = observer;
        this.name = name;
        this.parent = parent;
        this.keep = keep;
        this.ring = new StatementRecord[Math.min(keep, 8)];
    }

    /** Return the name given at opening. */
    public String name() {
        return name;
    }

    /** Return the enclosing scope, or null for an outermost scope. */
    public Scope parent() {
        return parent;
    }

    /** Return a copy of the kept statements, oldest first (only those run in this scope, not in nested ones). */
    public synchronized List<StatementRecord> statements() {
        List<StatementRecord> out = new ArrayList<>(size);
        int start = size < keep ? 0 : next;
        for (int i = 0; i < size; i++) {
            out.add(ring[(start + i) % size]);
        }
        return out;
    }

    /** Return how many statements ran in this scope and its nested scopes, including those dropped from the ring. */
    public synchronized long count() {
        return count;
    }

    /** Return the total execution time of {@link #count()} statements. */
    public synchronized long totalNanos() {
        return totalNanos;
    }

    /** Return a {@code Server-Timing} header value, e.g. {@code db;dur=12.3;desc="4 queries"}. */
    public String serverTiming() {
        long n;
        long nanos;
        synchronized (this) {
            n = count;
            nanos = totalNanos;
        }
        return String.format(Locale.ROOT, "db;dur=%.1f;desc=\"%d %s\"", nanos / 1_000_000.0, n,
                n == 1 ? "query" : "queries");
    }

    /** Run the detector on the kept statements; after close, return the reports found at close. */
    public List<NPlusOneReport> reports() {
        synchronized (this) {
            if (reports != null) {
                return reports;
            }
        }
        return List.copyOf(observer.detector().detect(name, statements()));
    }

    /** Make the calling thread record into this scope until the returned handle is closed. */
    public Joined join() {
        if (isClosed()) {
            throw new IllegalStateException("Cannot join scope '" + name + "': it is closed. Join before the"
                    + " request's scope closes, and close the join handle when the thread's work is done.");
        }
        observer.push(this);
        return new Joined(this);
    }

    /**
     * Close the scope: pop it, run the detector once, hand each report to the listeners, log it, and in strict mode
     * throw {@link NPlusOneException}.
     *
     * @throws IllegalStateException if this is not the innermost scope of the calling thread
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        observer.pop(this, "scope");
        synchronized (this) {
            // Closed before detecting: a detector that throws must not leave a popped scope closable twice.
            closed = true;
            reports = List.of();
        }
        List<NPlusOneReport> found = List.copyOf(observer.detector().detect(name, statements()));
        synchronized (this) {
            reports = found;
        }
        StatementSink sink = observer.sink();
        for (NPlusOneReport report : found) {
            if (sink != null) {
                try {
                    sink.report(report);
                } catch (RuntimeException e) {
                    LOG.warn("Statement sink {} failed on a report of scope '{}'", sink, name, e);
                }
            }
            for (Consumer<NPlusOneReport> listener : observer.listeners()) {
                try {
                    listener.accept(report);
                } catch (RuntimeException e) {
                    // One failing listener must not hide the report from the others, nor fail the request.
                    LOG.warn("N+1 listener {} failed on a report of scope '{}'", listener, name, e);
                }
            }
            if (observer.logReports()) {
                LOG.warn("N+1 in scope '{}': {} ran {} times ({} ms) from {}; fix: {}", name, report.shape(),
                        report.count(), NPlusOneException.millis(report.totalNanos()), report.callSite(),
                        report.hint() == null ? "none known" : report.hint());
            }
        }
        if (observer.strict() && !found.isEmpty()) {
            throw new NPlusOneException(found);
        }
    }

    /** Return whether {@link #close()} ran. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * The call site of a statement of {@code shape} about to run here: a stack walk for the first
     * {@link Observer.Builder#callSitesPerShape} executions of the shape in this scope, then the last site found.
     * The walk is most of the observer's cost per statement, and an N+1 loop repeats one shape from one place: after
     * a few walks the detector has its evidence, and the loop's later statements cost no walk. With
     * {@link Observer.Builder#callSiteOnFirstExecution callSiteOnFirstExecution(false)} a shape's first execution
     * is not walked either (its record has no call site), so a request that repeats nothing walks never.
     */
    CallSites.Site callSite(String shape, Observer observer) {
        int perShape = observer.callSitesPerShape();
        if (shape == null || perShape == Integer.MAX_VALUE) {
            return observer.callSites().capture();
        }
        synchronized (this) {
            ShapeSites known = shapeSites == null ? null : shapeSites.get(shape);
            if (known != null && known.walks >= perShape) {
                return known.last;
            }
            if (known == null && !observer.callSiteOnFirstExecution()) {
                if (shapeSites == null) {
                    shapeSites = new HashMap<>();
                }
                if (shapeSites.size() < MAX_SHAPES) {
                    shapeSites.put(shape, new ShapeSites());
                    return CallSites.UNKNOWN;
                }
            }
        }
        CallSites.Site site = observer.callSites().capture();
        synchronized (this) {
            if (shapeSites == null) {
                shapeSites = new HashMap<>();
            }
            ShapeSites known = shapeSites.get(shape);
            if (known == null && shapeSites.size() < MAX_SHAPES) {
                shapeSites.put(shape, known = new ShapeSites());
            }
            if (known != null) {
                known.walks++;
                known.last = site;
            }
        }
        return site;
    }

    private static final class ShapeSites {
        int walks;
        CallSites.Site last;
    }

    void add(StatementRecord record) {
        synchronized (this) {
            if (size < keep) {
                if (size == ring.length) {
                    ring = Arrays.copyOf(ring, Math.min(keep, size * 2));
                }
                ring[size++] = record;
                next = size == keep ? 0 : size;
            } else {
                ring[next] = record;
                next = next + 1 == keep ? 0 : next + 1;
            }
            count++;
            totalNanos += record.nanos();
        }
        for (Scope p = parent; p != null; p = p.parent) {
            p.rollUp(record.nanos());
        }
        StatementSink sink = observer.sink();
        if (sink != null) {
            try {
                sink.statement(record);
            } catch (RuntimeException e) {
                LOG.warn("Statement sink {} failed in scope '{}'", sink, name, e);
            }
        }
    }

    private synchronized void rollUp(long nanos) {
        count++;
        totalNanos += nanos;
    }

    @Override
    public String toString() {
        return "Scope[" + name + ", " + count() + " statements]";
    }

    /** A thread's membership in a scope it joined; close it on the same thread. */
    public static final class Joined implements AutoCloseable {
        private final Scope scope;
        private boolean closed;

        private Joined(Scope scope) {
            this.scope = scope;
        }

        /** Stop recording the calling thread's statements into the joined scope. */
        @Override
        public void close() {
            if (!closed) {
                scope.observer.pop(scope, "joined scope");
                closed = true;
            }
        }
    }
}
