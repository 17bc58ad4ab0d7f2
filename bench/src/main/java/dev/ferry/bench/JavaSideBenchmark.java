package dev.ferry.bench;

import dev.ferry.Ferry;
import dev.ferry.bench.replay.Recorder;
import dev.ferry.bench.replay.ReplayDataSource;
import dev.ferry.sql.PostgresDialect;
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
import org.openjdk.jmh.annotations.Warmup;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Java-side cost alone: the same work as {@link MappingBenchmark} and {@link PrefetchBenchmark},
 * but every statement's rows come from memory. In set-up, each side runs once against the embedded
 * PostgreSQL through a {@link Recorder} (rows decoded to Java values), then the database is stopped;
 * the benchmarks run on a {@link ReplayDataSource} whose getters are array reads. What remains is
 * each side's own work: SQL rendering, binding, mapping, holders, grouping, identity maps. The
 * driver's decoding and the database are excluded for both sides, so ratios here are larger than
 * end to end. {@code page*}: the prefetch for a page of 25 parents, where per-statement costs
 * (rendering the SQL, making the mappers) weigh more than per-row ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class JavaSideBenchmark {

    private ReplayDataSource replay;
    private Ferry ferry;
    // The page statements have the same SQL text as the big ones, so they replay from their own recording.
    private ReplayDataSource replayPage;
    private Ferry ferryPage;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        try (BenchDatabase db = BenchDatabase.start()) {
            Recorder recorder = new Recorder(db.dataSource());
            Ferry recording = ferry(recorder);
            recording.from(Parent.class).list();
            PrefetchBenchmark.query(recording);
            HandJdbc.parentRows(recorder);
            HandJdbc.parentsWithHolder(recorder);
            HandJdbc.tree(recorder, PrefetchBenchmark.MAX_ID);
            replay = new ReplayDataSource(recorder.results());

            Recorder pageRecorder = new Recorder(db.dataSource());
            PrefetchBenchmark.query(ferry(pageRecorder), PrefetchBenchmark.PAGE_MAX_ID);
            HandJdbc.tree(pageRecorder, PrefetchBenchmark.PAGE_MAX_ID);
            replayPage = new ReplayDataSource(pageRecorder.results());
        }
        ferry = ferry(replay);
        ferryPage = ferry(replayPage);
        String mapping = Verify.sameParents(mappingFerry(), mappingJdbc(), mappingJdbcHolder());
        String tree = Verify.sameTree(prefetchFerry(), prefetchJdbc());
        String page = Verify.samePage(pageFerry(), pageJdbc());
        System.out.println(System.lineSeparator() + "replay verified: " + mapping + "; " + tree + "; page: " + page);
    }

    /** Ferry on a recording or replaying DataSource: the dialect is given, there is no metadata to detect it from. */
    private static Ferry ferry(javax.sql.DataSource dataSource) {
        return Ferry.builder(dataSource).dialect(new PostgresDialect())
                .entities(Parent.class, Child.class, Grandchild.class)
                .metamodels(Parent_.class, Child_.class, Grandchild_.class)
                .build();
    }

    @Benchmark
    public List<Parent> mappingFerry() {
        return ferry.from(Parent.class).list();
    }

    @Benchmark
    public List<ParentRow> mappingJdbc() throws SQLException {
        return HandJdbc.parentRows(replay);
    }

    @Benchmark
    public List<Parent> mappingJdbcHolder() throws SQLException {
        return HandJdbc.parentsWithHolder(replay);
    }

    @Benchmark
    public List<Parent> prefetchFerry() {
        return PrefetchBenchmark.query(ferry);
    }

    @Benchmark
    public List<ParentTree> prefetchJdbc() throws SQLException {
        return HandJdbc.tree(replay, PrefetchBenchmark.MAX_ID);
    }

    @Benchmark
    public List<Parent> pageFerry() {
        return PrefetchBenchmark.query(ferryPage, PrefetchBenchmark.PAGE_MAX_ID);
    }

    @Benchmark
    public List<ParentTree> pageJdbc() throws SQLException {
        return HandJdbc.tree(replayPage, PrefetchBenchmark.PAGE_MAX_ID);
    }
}
