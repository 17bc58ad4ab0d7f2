package dev.ferry.antenna.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database outage apart from a bug, whatever wraps it (Ferry, the pool, the driver). */
final class Failures {

    private Failures() {
    }

    /**
     * True when {@code error} means the database cannot answer now: no pooled connection within the
     * timeout (HikariCP), a connection failure (SQLState class 08), the server shutting down or not yet
     * accepting connections (57P01-57P03), a statement cancelled by {@code statement_timeout} (57014),
     * or a refused or timed-out socket.
     */
    static boolean databaseUnavailable(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && unavailableState(e.getSQLState())) {
                return true;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57014") || state.startsWith("57P"));
    }

    /** The innermost cause's message, for a one-line log. */
    static String rootMessage(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 32; depth++) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
