package dev.ferry.antenna.db;

import dev.ferry.policy.FetchPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the service's database is and how to use it: an embedded PostgreSQL kept in {@code dataDir}
 * ({@code url == null}), or any PostgreSQL at {@code url}; then the pool's size and timeouts.
 *
 * @param dataDir           folder of the embedded server's data, created on first start and reused after
 * @param embeddedPort      port of the embedded server; 0 picks a free one
 * @param url               JDBC URL of an external PostgreSQL, or null for the embedded one
 * @param user              user for {@code url} (null: from the URL or the driver's default)
 * @param password          password for {@code url}
 * @param poolSize          connections in the request pool (the incident ran on 4)
 * @param connectionTimeout how long a request waits for a pooled connection before failing with 503
 * @param statementTimeout  PostgreSQL's {@code statement_timeout} for every request statement
 * @param fetchPolicy       Ferry's policy for relations a query did not load
 */
public record DatabaseSettings(Path dataDir, int embeddedPort, String url, String user, String password,
                               int poolSize, Duration connectionTimeout, Duration statementTimeout,
                               FetchPolicy fetchPolicy) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data", "antenna-pg");
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    public DatabaseSettings {
        if ((dataDir == null) == (url == null)) {
            throw new IllegalArgumentException("give either a data folder (embedded PostgreSQL) or a JDBC URL, not "
                    + (url == null ? "neither" : "both"));
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: (was " + url + ")");
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("the embedded PostgreSQL port must be 0 (any free port) or 1-65535, was "
                    + embeddedPort);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool size must be at least 1, was " + poolSize);
        }
        // HikariCP refuses connection timeouts under 250 ms.
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("the connection timeout must be at least 250ms, was " + connectionTimeout);
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("the statement timeout must be positive, was " + statementTimeout);
        }
        Objects.requireNonNull(fetchPolicy, "fetchPolicy");
    }

    /** The embedded PostgreSQL in {@code dataDir}, with the default pool. */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(dataDir, 0, null, null, null, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT, FetchPolicy.PEERS);
    }

    /** The PostgreSQL at {@code url}, with the default pool. */
    public static DatabaseSettings external(String url, String user, String password) {
        return new DatabaseSettings(null, 0, url, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT, FetchPolicy.PEERS);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    public DatabaseSettings withEmbeddedPort(int port) {
        return new DatabaseSettings(dataDir, port, url, user, password, poolSize, connectionTimeout, statementTimeout,
                fetchPolicy);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(dataDir, embeddedPort, url, user, password, size, connectionTimeout,
                statementTimeout, fetchPolicy);
    }

    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(dataDir, embeddedPort, url, user, password, poolSize, timeout, statementTimeout,
                fetchPolicy);
    }

    public DatabaseSettings withStatementTimeout(Duration timeout) {
        return new DatabaseSettings(dataDir, embeddedPort, url, user, password, poolSize, connectionTimeout, timeout,
                fetchPolicy);
    }

    public DatabaseSettings withFetchPolicy(FetchPolicy policy) {
        return new DatabaseSettings(dataDir, embeddedPort, url, user, password, poolSize, connectionTimeout,
                statementTimeout, policy);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + (isEmbedded() ? "embedded in " + dataDir : url) + ", pool=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + ", statementTimeout=" + statementTimeout
                + ", fetchPolicy=" + fetchPolicy + "]";
    }
}
