package dev.ferry.antenna.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.db.DatabaseSettings;
import dev.ferry.policy.FetchPolicy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code antenna seed}: generate demo data into the embedded or a given PostgreSQL. */
@Command(name = "seed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate demo data (projects, stations, sessions, captures, occurrences with their detections, "
                + "predictions and identifications) into the database.")
public final class SeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--occurrences", paramLabel = "N", defaultValue = "20000",
            description = "Occurrences to generate (default: ${DEFAULT-VALUE}).")
    int occurrences;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Random seed; the same seed gives the same data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reset", description = "Delete the existing data first.")
    boolean reset;

    @Override
    public Integer call() {
        if (occurrences < 0) {
            throw new ParameterException(spec.commandLine(), "--occurrences must not be negative, was " + occurrences);
        }
        DatabaseSettings settings = database.settings(spec, FetchPolicy.PEERS);
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(settings)) {
            if (!reset && !db.isEmpty()) {
                spec.commandLine().getErr().println("The database already holds data; add --reset to replace it.");
                return 1;
            }
            try (HikariDataSource writer = db.openWriter()) {
                Seeding.seed(writer, seed, occurrences, reset);
            }
            out.printf("Generated %,d occurrences (seed %d) in %s%n", occurrences, seed,
                    db.embedded() != null ? db.embedded().dataDir() : db.displayUrl());
        }
        return 0;
    }
}
