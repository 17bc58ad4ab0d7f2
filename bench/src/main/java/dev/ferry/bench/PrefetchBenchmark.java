package dev.ferry.bench;

import dev.ferry.bench.replay.Recorder;
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
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * A two-level prefetch, end to end: 1,000 parents ({@code id <= 1000}), their 3,000 children and
 * 6,000 grandchildren, in three statements on one connection, by Ferry and by hand-written JDBC.
 * (ferry - jdbc) / 1000 is the prefetch bookkeeping per parent (an upper bound: it includes Ferry's
 * mapping overhead on all 10,000 rows). {@code drain} is the floor under both: the same three
 * statements (key arrays made in set-up), rows stepped through without reading a column.
 * {@code pageFerry}/{@code pageJdbc}: the same for a page of 25 parents (75 children, 150 grandchildren).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PrefetchBenchmark {

    static final long MAX_ID = BenchDatabase.PARENTS_WITH_CHILDREN;
    /** A page: 25 parents, 75 children, 150 grandchildren; here the per-statement costs show. */
    static final long PAGE_MAX_ID = 25;

    private BenchDatabase db;
    private Object[] parentIds;
    private Object[] childIds;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        db = BenchDatabase.start();
        Recorder recorder = new Recorder(db.dataSource());
        query(BenchDatabase.ferry(recorder));
        Verify.check(recorder.statements().size() == 3, "Ferry ran " + recorder.statements().size() + " statements, not 3: "
                + recorder.statements());
        parentIds = LongStream.rangeClosed(1, MAX_ID).boxed().toArray();
        childIds = LongStream.rangeClosed(1, MAX_ID * BenchDatabase.CHILDREN_PER_PARENT).boxed().toArray();
        String checked = Verify.sameTree(query(db.ferry()), HandJdbc.tree(db.dataSource(), MAX_ID));
        Verify.samePage(query(db.ferry(), PAGE_MAX_ID), HandJdbc.tree(db.dataSource(), PAGE_MAX_ID));
        System.out.println(System.lineSeparator() + "PostgreSQL " + db.version() + "; verified: " + checked + "; Ferry SQL: " + recorder.statements());
    }

    static List<Parent> query(dev.ferry.Ferry ferry) {
        return query(ferry, MAX_ID);
    }

    static List<Parent> query(dev.ferry.Ferry ferry, long maxId) {
        return ferry.from(Parent.class)
                .where(Parent_.ID.le(maxId))
                .prefetch(Parent_.CHILDREN.then(Child_.GRANDCHILDREN))
                .list();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public List<Parent> ferry() {
        return query(db.ferry());
    }

    @Benchmark
    public List<ParentTree> jdbc() throws SQLException {
        return HandJdbc.tree(db.dataSource(), MAX_ID);
    }

    @Benchmark
    public List<Parent> pageFerry() {
        return query(db.ferry(), PAGE_MAX_ID);
    }

    @Benchmark
    public List<ParentTree> pageJdbc() throws SQLException {
        return HandJdbc.tree(db.dataSource(), PAGE_MAX_ID);
    }

    @Benchmark
    public int drain() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandJdbc.drain(c, HandJdbc.PARENTS_UP_TO, MAX_ID)
                    + HandJdbc.drain(c, HandJdbc.CHILDREN, (Object) parentIds)
                    + HandJdbc.drain(c, HandJdbc.GRANDCHILDREN, (Object) childIds);
        }
    }
}
