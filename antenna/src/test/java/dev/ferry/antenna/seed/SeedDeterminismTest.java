package dev.ferry.antenna.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Same seed, same rows; another seed, other rows; a non-empty database needs reset. */
class SeedDeterminismTest {

    static final int N = 2_000;

    @Test
    void sameSeedGivesIdenticalTablesAndAnotherSeedDoesNot() throws SQLException {
        try (HikariDataSource a = fresh("seed_det_a"); HikariDataSource b = fresh("seed_det_b");
             HikariDataSource c = fresh("seed_det_c")) {
            DemoData.seed(a, new DemoData.Options(11, N, false), Progress.NONE);
            DemoData.seed(b, new DemoData.Options(11, N, false), Progress.NONE);
            DemoData.seed(c, new DemoData.Options(12, N, false), Progress.NONE);
            Map<String, String> first = digests(a);
            assertThat(digests(b)).isEqualTo(first);
            Map<String, String> other = digests(c);
            for (String table : new String[] {"main_taxon", "main_event", "main_sourceimage", "main_occurrence",
                "main_detection", "main_classification", "main_identification", "jobs_job"}) {
                assertThat(other.get(table)).as(table).isNotEqualTo(first.get(table));
            }
        }
    }

    @Test
    void aNonEmptyDatabaseNeedsResetAndResetReplacesEverything() throws SQLException {
        try (HikariDataSource reused = fresh("seed_det_reset"); HikariDataSource clean = fresh("seed_det_clean")) {
            DemoData.seed(reused, new DemoData.Options(5, N, false), Progress.NONE);
            Map<String, String> before = digests(reused);

            assertThatThrownBy(() -> DemoData.seed(reused, new DemoData.Options(6, N, false), Progress.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("database already holds 2000 occurrences; pass --reset to replace them");
            assertThat(digests(reused)).as("refusing leaves the data alone").isEqualTo(before);

            DemoData.Summary summary = DemoData.seed(reused, new DemoData.Options(6, N, true), Progress.NONE);
            DemoData.seed(clean, new DemoData.Options(6, N, false), Progress.NONE);
            assertThat(summary.rows("main_occurrence")).isEqualTo(N);
            assertThat(digests(reused)).isEqualTo(digests(clean));
            // identities continue after the reloaded ids
            assertThat(SeedDemoDataTest.q(reused, "SELECT nextval(pg_get_serial_sequence('main_occurrence', 'id'))"))
                    .isEqualTo(N + 1);
        }
    }

    @Test
    void otherRowsWithoutOccurrencesAlsoNeedReset() throws SQLException {
        try (HikariDataSource ds = fresh("seed_det_users")) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO users_user (email, date_joined) VALUES ('someone@example.org', now())");
            }
            assertThatThrownBy(() -> DemoData.seed(ds, new DemoData.Options(1, N, false), Progress.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("users_user").hasMessageContaining("--reset");
            DemoData.seed(ds, new DemoData.Options(1, N, true), Progress.NONE);
            assertThat(SeedDemoDataTest.q(ds, "SELECT count(*) FROM users_user WHERE email = 'someone@example.org'"))
                    .isZero();
        }
    }

    @Test
    void optionsRejectImpossibleSizes() {
        assertThatThrownBy(() -> new DemoData.Options(1, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoData.Options(1, 20_000_001, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroOccurrencesStillGivesStationsNightsAndCaptures() throws SQLException {
        try (HikariDataSource ds = fresh("seed_det_zero")) {
            DemoData.Summary summary = DemoData.seed(ds, new DemoData.Options(3, 0, false), Progress.NONE);
            assertThat(summary.rows("main_occurrence")).isZero();
            assertThat(summary.rows("main_detection")).isZero();
            assertThat(summary.rows("main_sourceimage")).isPositive();
            assertThat(SeedDemoDataTest.q(ds, "SELECT count(*) FROM main_deployment WHERE occurrences_count = 0 "
                    + "AND taxa_count = 0 AND captures_count > 0")).isEqualTo(3);
        }
    }

    /** md5 of every seeded table's rows in id order. */
    static Map<String, String> digests(DataSource ds) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : DemoData.TABLES) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY id)) FROM " + table + " t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        }
        return digests;
    }

    private static HikariDataSource fresh(String name) {
        return TestPostgres.pool(TestPostgres.freshDatabase(name), 2);
    }
}
