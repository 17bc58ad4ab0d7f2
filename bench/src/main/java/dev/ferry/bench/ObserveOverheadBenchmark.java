package dev.ferry.bench;

import dev.ferry.observe.ObservedDataSource;
import dev.ferry.observe.Observer;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The cost of ferry-observe per statement: one prepared lookup on H2 in memory (prepare, bind, execute, read the
 * row, close), as an application runs it, on a connection kept open across invocations.
 * <ul>
 *   <li>{@code bare}: the H2 connection itself;</li>
 *   <li>{@code observedInScope}: through {@link ObservedDataSource} with a scope open (the statement is timed,
 *       its shape looked up, a record kept in the scope's ring; the call site is found by a stack walk for the
 *       first 16 executions of the shape in the scope, the default, then reused: this loop is one shape);</li>
 *   <li>{@code observedInScopeEveryWalk}: the same with {@code callSitesPerShape(Integer.MAX_VALUE)}: a stack walk
 *       for every statement, the cost of each statement of a shape's first executions;</li>
 *   <li>{@code observedScopePerStatement}: production settings ({@code callSiteOnFirstExecution(false)}), a scope
 *       opened and closed around each statement (a request that repeats no shape: no stack walk at all);</li>
 *   <li>{@code observedNoScope}: through the wrapper with no scope open (only counted);</li>
 *   <li>{@code observedInLongScope}: as {@code observedInScope}, but the scope already holds 100,000 statements
 *       with {@code keep(1000)}; same time and allocation per op as {@code observedInScope} means no growth with
 *       scope length. Set-up and tear-down assert that the ring stays at 1000 records.</li>
 * </ul>
 * Run with {@code -prof gc} for the bytes allocated per op. The difference observed - bare is the overhead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
public class ObserveOverheadBenchmark {
    static final String URL = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
    static final String SQL = "SELECT v FROM t WHERE id = ?";
    static final int KEEP = 1000;
    static final int LONG_SCOPE = 100_000;

    /** The H2 connection; each benchmark has its own state, so its fork only runs the code it measures. */
    @State(Scope.Thread)
    public static class Bare {
        JdbcDataSource h2;
        Connection connection;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            h2 = new JdbcDataSource();
            h2.setURL(URL);
            connection = h2.getConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, v INT)");
                s.execute("MERGE INTO t KEY (id) VALUES (1, 42)");
            }
            check(connection);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }
    }

    /**
     * An observed connection. Thread-scoped state: JMH runs set-up and tear-down on the benchmark thread, where
     * the scope must be open. Reports run at scope close, off the measured path; logging is off.
     */
    @State(Scope.Thread)
    public static class Observed {
        Bare bare = new Bare();
        Connection connection;
        dev.ferry.observe.Scope scope;

        void open(boolean withScope) throws SQLException {
            open(withScope, 16);
        }

        void open(boolean withScope, int callSitesPerShape) throws SQLException {
            bare.setUp();
            Observer observer = Observer.builder().logReports(false).keep(KEEP).callSitesPerShape(callSitesPerShape)
                    .build();
            ObservedDataSource ds = observer.wrap(bare.h2);
            connection = ds.getConnection();
            scope = withScope ? observer.scope("bench") : null;
            check(connection);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            if (scope != null) {
                scope.close();
            }
            connection.close();
            bare.tearDown();
        }
    }

    /** Observed, with a scope open. */
    public static class InScope extends Observed {
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            open(true);
        }
    }

    /** Observed, with a scope open, and a stack walk for every statement (no reuse of a shape's call site). */
    public static class InScopeEveryWalk extends Observed {
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            open(true, Integer.MAX_VALUE);
        }
    }

    /**
     * Observed, with a scope open, configured for production ({@code callSiteOnFirstExecution(false)}), on a scope
     * per statement: each statement is its shape's first execution in its scope, as in a request that repeats
     * nothing. Opening and closing the scope (detector included) is part of the measured time.
     */
    public static class ScopePerStatement extends Observed {
        Observer observer;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            bare.setUp();
            observer = Observer.builder().logReports(false).keep(KEEP).callSiteOnFirstExecution(false).build();
            connection = observer.wrap(bare.h2).getConnection();
            check(connection);
        }
    }

    /** Observed, no scope open: statements are only counted. */
    public static class NoScope extends Observed {
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            open(false);
        }
    }

    /** Observed, in a scope that already ran 100,000 statements with keep(1000). */
    public static class LongScope extends Observed {
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            open(true);
            for (int i = 0; i < LONG_SCOPE; i++) {
                lookup(connection);
            }
            checkRing(LONG_SCOPE);
        }

        void checkRing(long atLeast) {
            int kept = scope.statements().size();
            if (kept != KEEP || scope.count() < atLeast) {
                throw new IllegalStateException("scope of " + scope.count() + " statements keeps " + kept
                        + " records; expected " + KEEP + " (keep) after at least " + atLeast);
            }
        }

        /** After every iteration: the ring still holds exactly keep(1000) records, however long the scope. */
        @TearDown(Level.Iteration)
        public void ringStaysBounded() {
            checkRing(LONG_SCOPE);
        }

        /** Print the evidence once (the ring is readable after close, whatever order JMH tears down in). */
        @TearDown(Level.Trial)
        public void report() {
            checkRing(LONG_SCOPE);
            System.out.println(System.lineSeparator() + "long scope: " + scope.count() + " statements, "
                    + scope.statements().size() + " kept");
        }
    }

    static void check(Connection c) throws SQLException {
        if (lookup(c) != 42) {
            throw new IllegalStateException("wrong row");
        }
    }

    static int lookup(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Benchmark
    public int bare(Bare s) throws SQLException {
        return lookup(s.connection);
    }

    @Benchmark
    public int observedInScope(InScope s) throws SQLException {
        return lookup(s.connection);
    }

    @Benchmark
    public int observedInScopeEveryWalk(InScopeEveryWalk s) throws SQLException {
        return lookup(s.connection);
    }

    @Benchmark
    public int observedScopePerStatement(ScopePerStatement s) throws SQLException {
        try (dev.ferry.observe.Scope scope = s.observer.scope("request")) {
            return lookup(s.connection);
        }
    }

    @Benchmark
    public int observedNoScope(NoScope s) throws SQLException {
        return lookup(s.connection);
    }

    @Benchmark
    public int observedInLongScope(LongScope s) throws SQLException {
        return lookup(s.connection);
    }
}
