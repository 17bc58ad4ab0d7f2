package dev.ferry.antenna.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Entities;
import dev.ferry.antenna.testing.TestPostgres;
import dev.ferry.maintain.Maintenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database from before the maintained columns (schema V2, with rows) is brought up to date: V3 adds the columns,
 * the start installs Ferry's triggers and fills the columns of the rows already there, and later writes keep them.
 */
class MigrationsTest {

    @Test
    void anExistingDatabaseGetsItsMaintainedColumnsFilledAndKept() throws Exception {
        try (HikariDataSource ds = TestPostgres.pool(TestPostgres.emptyDatabase("migrations_upgrade"), 2)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("2").load().migrate();
            execute(ds, script("/occurrences/fixture.sql"));

            assertThat(Migrations.migrate(ds)).as("V3 and later").isPositive();

            Maintenance maintenance = Entities.register(Ferry.builder(ds)).build().maintenance();
            Maintenance.Verification v = maintenance.verify(5);
            assertThat(v.rows()).as("rows whose maintained columns differ: %s", v.examples()).isZero();
            assertThat(scalar(ds, "SELECT detections_count FROM main_occurrence WHERE id = 101"))
                    .isEqualTo(scalar(ds, "SELECT count(*) FROM main_detection WHERE occurrence_id = 101")).isEqualTo(2);
            assertThat(scalar(ds, "SELECT count(*) FROM main_occurrence o JOIN main_taxon t ON t.id = o.determination_id"
                    + " WHERE o.determination_name = t.name")).isPositive()
                    .isEqualTo(scalar(ds, "SELECT count(*) FROM main_occurrence WHERE determination_id IS NOT NULL"));

            // The triggers keep them from now on; a second start changes nothing.
            execute(ds, "INSERT INTO main_detection (id, created_at, updated_at, source_image_id, timestamp, occurrence_id)"
                    + " SELECT 9001, now(), now(), source_image_id, timestamp, 101 FROM main_detection WHERE occurrence_id = 101 LIMIT 1");
            assertThat(scalar(ds, "SELECT detections_count FROM main_occurrence WHERE id = 101")).isEqualTo(3);
            assertThat(Migrations.migrate(ds)).isZero();
            assertThat(maintenance.verify()).isZero();
        }
    }

    private static void execute(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long scalar(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = MigrationsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
