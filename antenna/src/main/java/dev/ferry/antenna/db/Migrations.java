package dev.ferry.antenna.db;

import dev.ferry.Ferry;
import dev.ferry.antenna.model.Entities;
import dev.ferry.maintain.Maintenance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema: Flyway migrations in {@code db/migration}, then Ferry's triggers for the maintained columns
 * ({@code model.Maintained}), installed on every start (idempotent), and filled once for rows that were there
 * before the migration that added the columns.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** The migration that adds the maintained columns: rows older than it need them computed once. */
    static final String MAINTAINED_COLUMNS_VERSION = "3";

    private Migrations() {
    }

    /** Brings the database's schema up to date and installs the triggers; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Maintenance maintenance = Entities.register(Ferry.builder(dataSource)).build().maintenance();
        maintenance.install();
        boolean added = result.migrations.stream().anyMatch(m -> MAINTAINED_COLUMNS_VERSION.equals(m.version));
        if (added && hasOccurrences(dataSource)) {
            LOG.info("Filling the maintained columns of the existing occurrences (once, after migration {})...",
                    MAINTAINED_COLUMNS_VERSION);
            long started = System.nanoTime();
            long changed = maintenance.rebuild((done, total) -> LOG.info("  {} of {} occurrences", done, total));
            LOG.info("Filled the maintained columns of {} occurrences in {} s", changed,
                    (System.nanoTime() - started) / 1_000_000_000);
        }
        return result.migrationsExecuted;
    }

    private static boolean hasOccurrences(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM main_occurrence)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read main_occurrence: " + e.getMessage(), e);
        }
    }
}
