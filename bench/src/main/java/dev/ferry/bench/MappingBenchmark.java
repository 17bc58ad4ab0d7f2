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

/**
 * Row mapping, end to end: all 10,000 rows of {@code bench_parent} (4 mapped columns) from the
 * embedded PostgreSQL, by Ferry and by hand-written JDBC. Every invocation takes a connection from
 * the pool, runs one statement and builds one record per row.
 *
 * <ul>
 *   <li>{@code ferry}: {@code ferry.from(Parent.class).list()}; each {@code Parent} carries an unloaded
 *       {@code Many<Child>} holder.</li>
 *   <li>{@code jdbc}: the baseline. The same columns in the same order into a plain
 *       {@code ParentRow} record: what hand-written code builds.</li>
 *   <li>{@code jdbcHolder}: hand-written JDBC building Ferry's own {@code Parent} with a hand-made
 *       {@code Many}: the same allocations per row as Ferry, to separate the holder's cost from the
 *       engine's.</li>
 *   <li>{@code drain}: the floor under both: the same statement, rows stepped through, no column
 *       read (database, network, the driver's row parsing). {@code x - drain} estimates the Java-side
 *       mapping cost of {@code x} end to end.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MappingBenchmark {

    private BenchDatabase db;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        db = BenchDatabase.start();
        Recorder recorder = new Recorder(db.dataSource());
        BenchDatabase.ferry(recorder).from(Parent.class).list();
        String checked = Verify.sameParents(db.ferry().from(Parent.class).list(), HandJdbc.parentRows(db.dataSource()),
                HandJdbc.parentsWithHolder(db.dataSource()));
        System.out.println(System.lineSeparator() + "PostgreSQL " + db.version() + "; verified: " + checked + "; Ferry SQL: " + recorder.statements());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public List<Parent> ferry() {
        return db.ferry().from(Parent.class).list();
    }

    @Benchmark
    public List<ParentRow> jdbc() throws SQLException {
        return HandJdbc.parentRows(db.dataSource());
    }

    @Benchmark
    public List<Parent> jdbcHolder() throws SQLException {
        return HandJdbc.parentsWithHolder(db.dataSource());
    }

    @Benchmark
    public int drain() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return HandJdbc.drain(c, HandJdbc.PARENTS);
        }
    }
}
