package dev.ferry.antenna.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema, as Flyway migrations in {@code db/migration}. */
public final class Migrations {

    private Migrations() {
    }

    /** Brings the database's schema up to date; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
