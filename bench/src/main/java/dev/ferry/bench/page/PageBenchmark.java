package dev.ferry.bench.page;

import com.zaxxer.hikari.HikariDataSource;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One occurrence list page (DB + mapping + JSON) per operation, by strategy and page size, at a random
 * offset (the same sequence for every strategy), the default ordering. Sample time gives the median and
 * p95 per page; {@code -prof gc} the allocation per page. Run through {@link PageComparison}, which
 * prepares the database and passes its URL as {@code -Dpage.url}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PageBenchmark {

    @Param({"ferry", "ferry-peers", "ferry-one", "jdbc", "hibernate", "jooq-multiset"})
    public String strategy;

    @Param({"10", "25", "100"})
    public int limit;

    private HikariDataSource pool;
    private PageStrategy pages;
    private long total;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String url = System.getProperty("page.url");
        if (url == null) {
            throw new IllegalStateException("run through PageComparison, which starts the database and sets -Dpage.url");
        }
        pool = PageWorkload.pool(url, 4);
        pages = Strategies.create(strategy, pool);
        total = Long.getLong("page.total", 0);
        if (total <= 0) {
            throw new IllegalStateException("-Dpage.total (the project's row count) is not set");
        }
        random = new SplittableRandom(7);
    }

    @Benchmark
    public byte[] page() throws Exception {
        long offset = random.nextLong(Math.max(1, total - limit + 1));
        return PageRequests.render(pages, PageRequests.PROJECT, limit, offset);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pages.close();
        pool.close();
    }
}
