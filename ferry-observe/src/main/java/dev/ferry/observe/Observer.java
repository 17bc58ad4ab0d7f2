package dev.ferry.observe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Hold the observation configuration and the scopes open on each thread.
 *
 * <p>Build one per application with {@link #builder()}, wrap the pool with {@link #wrap(DataSource)}, and open a
 * {@link Scope} per request, job or test. Statements run outside any scope are only counted.
 */
public final class Observer {
    /** Frames from these packages are never a call site: Ferry itself, the JDK, drivers, pools, frameworks. */
    static final List<String> DEFAULT_EXCLUDED = List.of(
            "dev.ferry.observe.", "dev.ferry.exec.", "dev.ferry.prefetch.", "dev.ferry.sql.", "dev.ferry.query.",
            "dev.ferry.model.", "dev.ferry.Ferry", "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.",
            "com.zaxxer.hikari.", "org.postgresql.", "org.h2.", "org.mariadb.", "com.mysql.", "org.sqlite.",
            "org.hibernate.", "org.jooq.", "org.jdbi.", "io.javalin.", "org.eclipse.jetty.", "org.springframework.",
            "org.junit.", "org.apache.maven.surefire.", "net.ttddyy.");

    private final Detector detector;
    private final List<Consumer<NPlusOneReport>> listeners;
    private final boolean strict;
    private final boolean logReports;
    private final int keep;
    private final int callSitesPerShape;
    private final boolean callSiteOnFirstExecution;
    private final CallSites callSites;
    private final StatementSink sink; // null when none: one null check per statement
    private final LongAdder unscoped = new LongAdder();
    // One stack per observer, so two observers (e.g. two data sources) never see each other's scopes.
    private final ThreadLocal<ArrayDeque<Scope>> stacks = new ThreadLocal<>();

    private Observer(Builder b) {
        this.detector = b.detector;
        this.listeners = List.copyOf(b.listeners);
        this.strict = b.strict;
        this.logReports = b.logReports;
        this.keep = b.keep;
        this.callSitesPerShape = b.callSitesPerShape;
        this.callSiteOnFirstExecution = b.callSiteOnFirstExecution;
        this.sink = b.sink;
        List<String> excluded = new ArrayList<>(DEFAULT_EXCLUDED);
        excluded.addAll(b.excluded);
        this.callSites = new CallSites(excluded.toArray(new String[0]), b.hints, b.planned);
    }

    /** Start configuring an observer. */
    public static Builder builder() {
        return new Builder();
    }

    /** Wrap a data source so that every statement run through it is recorded in the current scope. */
    public ObservedDataSource wrap(DataSource dataSource) {
        return new ObservedDataSource(Objects.requireNonNull(dataSource, "dataSource"), this);
    }

    /** Open a scope on the current thread, nested in the scope already open there, if any. */
    public Scope scope(String name) {
        Scope scope = new Scope(this, Objects.requireNonNull(name, "name"), current(), keep);
        push(scope);
        return scope;
    }

    /** Return the innermost scope of the current thread, or null when none is open. */
    public Scope current() {
        ArrayDeque<Scope> stack = stacks.get();
        return stack == null ? null : stack.peek();
    }

    /** Return how many statements ran outside any scope. */
    public long unscopedStatements() {
        return unscoped.sum();
    }

    // ---- package-private plumbing for Scope and the JDBC proxies ----

    void push(Scope scope) {
        ArrayDeque<Scope> stack = stacks.get();
        if (stack == null) {
            stack = new ArrayDeque<>(4);
            stacks.set(stack);
        }
        stack.push(scope);
    }

    void pop(Scope scope, String what) {
        ArrayDeque<Scope> stack = stacks.get();
        if (stack == null || stack.peek() != scope) {
            throw new IllegalStateException("Cannot close " + what + " '" + scope.name()
                    + "': it is not the innermost scope of thread " + Thread.currentThread().getName()
                    + " (innermost: " + (stack == null || stack.isEmpty() ? "none" : "'" + stack.peek().name() + "'")
                    + "). Close scopes in the reverse order they were opened, on the thread that opened them.");
        }
        stack.pop();
        if (stack.isEmpty()) {
            // Drop the thread-local so pooled threads do not keep an empty deque per observer.
            stacks.remove();
        }
    }

    void countUnscoped() {
        unscoped.increment();
    }

    CallSites callSites() {
        return callSites;
    }

    int callSitesPerShape() {
        return callSitesPerShape;
    }

    boolean callSiteOnFirstExecution() {
        return callSiteOnFirstExecution;
    }

    Detector detector() {
        return detector;
    }

    List<Consumer<NPlusOneReport>> listeners() {
        return listeners;
    }

    StatementSink sink() {
        return sink;
    }

    boolean strict() {
        return strict;
    }

    boolean logReports() {
        return logReports;
    }

    static String describe(NPlusOneReport r) {
        return "scope '" + r.scope() + "': " + r.shape() + " ran " + r.count() + " times ("
                + NPlusOneException.millis(r.totalNanos()) + " ms) from " + r.callSite()
                + " [" + r.rule() + "]" + (r.hint() == null ? "" : "; fix: " + r.hint());
    }

    /** Configure an {@link Observer}. */
    public static final class Builder {
        private Detector detector = Detectors.production();
        private final List<Consumer<NPlusOneReport>> listeners = new ArrayList<>();
        private boolean strict;
        private boolean logReports = true;
        private int keep = 1000;
        private int callSitesPerShape = 16;
        private boolean callSiteOnFirstExecution = true;
        private final List<String> excluded = new ArrayList<>();
        private StatementSink sink;
        private Supplier<String> hints;
        private BooleanSupplier planned;

        private Builder() {
        }

        /** Use this detector when a scope closes (default {@link Detectors#production()}). */
        public Builder detector(Detector detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            return this;
        }

        /** Add a listener that receives every report; may be called more than once. */
        public Builder listener(Consumer<NPlusOneReport> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Throw {@link NPlusOneException} when a scope closes with reports (default false). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Log each report with SLF4J at WARN (default true). */
        public Builder logReports(boolean logReports) {
            this.logReports = logReports;
            return this;
        }

        /** Keep at most this many statements per scope (default 1000); older ones are dropped but counted. */
        public Builder keep(int maxStatementsPerScope) {
            if (maxStatementsPerScope < 1) {
                throw new IllegalArgumentException("keep must be at least 1, was " + maxStatementsPerScope
                        + "; to record nothing, do not wrap the data source.");
            }
            this.keep = maxStatementsPerScope;
            return this;
        }

        /**
         * Find the call site by a stack walk for at most this many executions of one statement shape per scope
         * (default 16); later executions of the shape in the scope reuse the last site found. The walk is most of
         * the cost per statement; an N+1 loop runs one shape from one place, so its evidence is complete after a
         * few walks. {@link Integer#MAX_VALUE} walks for every statement (exact sites for every repeat).
         */
        public Builder callSitesPerShape(int walks) {
            if (walks < 1) {
                throw new IllegalArgumentException("callSitesPerShape must be at least 1, was " + walks
                        + "; the detector's test rule needs the call site of a shape's first executions.");
            }
            this.callSitesPerShape = walks;
            return this;
        }

        /**
         * Whether a shape's first execution in a scope gets its call site (default true, for tests: every
         * statement of a failure listing names its line, and the test rule sees a loop of two). In production,
         * false: the production rule counts by shape, so detection is unchanged and reports name the site found on
         * the repeats, while a request that repeats no shape walks no stack at all.
         */
        public Builder callSiteOnFirstExecution(boolean walk) {
            this.callSiteOnFirstExecution = walk;
            return this;
        }

        /**
         * Hand every statement recorded in a scope, and every report, to this sink, e.g.
         * {@code dev.ferry.observe.micrometer.FerryMetrics.bind(registry)}; null (the default) for none.
         */
        public Builder metrics(StatementSink sink) {
            this.sink = sink;
            return this;
        }

        /** Also skip frames of classes whose names start with these prefixes when finding the call site. */
        public Builder excludeCallSitePackages(String... prefixes) {
            excluded.addAll(Arrays.asList(prefixes));
            return this;
        }

        /**
         * Where to ask, per statement in a scope, what the library knows of its cause; for Ferry
         * {@code hints(dev.ferry.policy.LoadHints::current)} names the relation and the
         * {@code prefetch(...)} that fixes a lazy load. Reports carry the hint of their statements.
         */
        public Builder hints(Supplier<String> hints) {
            this.hints = hints;
            return this;
        }

        /**
         * Where to ask, per statement in a scope, whether the library planned it (one of Ferry's prefetch batches:
         * the fix, never an N+1); for Ferry {@code planned(dev.ferry.policy.LoadHints::planned)}. Without it the
         * observer recognises Ferry's prefetch engine on the stack, which needs the walk that
         * {@link #callSiteOnFirstExecution(boolean) callSiteOnFirstExecution(false)} skips.
         */
        public Builder planned(BooleanSupplier planned) {
            this.planned = planned;
            return this;
        }

        /** Build the observer. */
        public Observer build() {
            return new Observer(this);
        }
    }
}
