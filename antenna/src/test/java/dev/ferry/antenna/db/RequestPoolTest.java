package dev.ferry.antenna.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.antenna.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request pool's sessions: read-only transactions, the statement timeout, no JIT compilation. */
class RequestPoolTest {

    @Test
    void sessionsAreReadOnlyBoundedAndNeverJitCompiled() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.external(TestPostgres.freshDatabase("request_pool"), null, null)
                .withStatementTimeout(Duration.ofSeconds(3)).withPoolSize(2);
        try (Database db = Database.open(settings); Connection c = db.pool().getConnection()) {
            assertThat(show(c, "statement_timeout")).isEqualTo("3s");
            assertThat(show(c, "jit")).isEqualTo("off");
            c.setAutoCommit(false); // the requests' transactions (pgjdbc begins them READ ONLY)
            assertThat(show(c, "transaction_read_only")).isEqualTo("on");
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
