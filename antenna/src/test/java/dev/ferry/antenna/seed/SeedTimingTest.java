package dev.ferry.antenna.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.testing.TestPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures seeding times; skipped unless asked for, e.g.
 * {@code ./mvnw -q -B -pl antenna test -Dtest=SeedTimingTest -Dseed.sizes=100000,1000000}.
 * Phase times and the summary go to the test's output file under antenna/target/surefire-reports.
 */
@EnabledIfSystemProperty(named = "seed.sizes", matches = "[0-9,_]+")
class SeedTimingTest {

    @Test
    void seedTheRequestedSizes() throws SQLException {
        for (String size : System.getProperty("seed.sizes").split(",")) {
            int n = Integer.parseInt(size.replace("_", ""));
            try (HikariDataSource ds = TestPostgres.pool(TestPostgres.freshDatabase("seed_timing"), 1)) {
                DemoData.Summary summary = DemoData.seed(ds, new DemoData.Options(42, n, false), new Timer());
                System.out.println("== " + n + " occurrences\n" + summary);
                System.out.println("database size: " + SeedDemoDataTest.q(ds,
                        "SELECT pg_database_size(current_database()) / (1024 * 1024)") + " MB");
                assertThat(summary.rows("main_occurrence")).isEqualTo(n);
            }
        }
    }

    /** Prints how long each phase took. */
    static final class Timer implements Progress {
        private String phase;
        private long started;

        @Override
        public void start(String phase, long total) {
            this.phase = phase;
            this.started = System.nanoTime();
        }

        @Override
        public void step(long n) {
        }

        @Override
        public void done() {
            System.out.printf("%-80s %8.1f s%n", phase, (System.nanoTime() - started) / 1e9);
        }
    }
}
