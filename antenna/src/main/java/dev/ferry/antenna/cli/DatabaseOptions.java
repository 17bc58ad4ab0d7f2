package dev.ferry.antenna.cli;

import dev.ferry.antenna.db.DatabaseSettings;
import dev.ferry.policy.FetchPolicy;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the database is: the options {@code serve} and {@code seed} share. */
final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the embedded PostgreSQL, created on first start and reused after (default: ${DEFAULT-VALUE} "
                    + "when no --database-url is given).", defaultValue = "data/antenna-pg")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "Use this PostgreSQL instead of the embedded one, e.g. jdbc:postgresql://localhost:5432/antenna.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "User for --database-url.")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:ANTENNA_DB_PASSWORD}",
            description = "Password for --database-url (default: the ANTENNA_DB_PASSWORD environment variable).")
    String password;

    @Option(names = "--pg-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the embedded PostgreSQL; 0 picks a free one (default).")
    int pgPort;

    @Option(names = "--pool-size", paramLabel = "N", defaultValue = "4",
            description = "Database connections serving requests (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest a request's SQL statement may run (default: ${DEFAULT-VALUE}).")
    Duration statementTimeout;

    @Option(names = "--connection-timeout", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Longest a request waits for a database connection before answering 503 (default: ${DEFAULT-VALUE}).")
    Duration connectionTimeout;

    /** The settings these options describe; a bad combination is a usage error naming the options. */
    DatabaseSettings settings(CommandSpec spec, FetchPolicy fetchPolicy) {
        boolean dataDirGiven = spec.commandLine().getParseResult().hasMatchedOption("--data-dir");
        if (url != null && dataDirGiven) {
            throw new ParameterException(spec.commandLine(), "Give --data-dir (embedded PostgreSQL) or --database-url, not both");
        }
        if (url == null && (user != null || spec.commandLine().getParseResult().hasMatchedOption("--db-password"))) {
            throw new ParameterException(spec.commandLine(), "--db-user and --db-password go with --database-url");
        }
        try {
            DatabaseSettings base = url != null ? DatabaseSettings.external(url, user, password)
                    : DatabaseSettings.embedded(dataDir).withEmbeddedPort(pgPort);
            return base.withPoolSize(poolSize)
                    .withStatementTimeout(statementTimeout)
                    .withConnectionTimeout(connectionTimeout)
                    .withFetchPolicy(fetchPolicy);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
