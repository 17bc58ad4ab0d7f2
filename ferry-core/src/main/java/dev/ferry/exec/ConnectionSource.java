package dev.ferry.exec;

import dev.ferry.error.FerrySqlException;

import java.sql.Connection;
import java.sql.SQLException;

/** Where statements get their connection: a pool, or the one connection of a transaction. */
public interface ConnectionSource {
    Connection acquire() throws SQLException;

    /** Gives the connection back (closes a pooled one; keeps a transaction's open). */
    void release(Connection connection) throws SQLException;

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection and always gives it back. SQL errors become
     * {@link FerrySqlException}s; a failure to give the connection back never hides the work's own.
     */
    default <R> R with(Work<R> work) {
        Connection c;
        try {
            c = acquire();
        } catch (SQLException e) {
            throw new FerrySqlException("getting a connection", null, e);
        }
        R result;
        try {
            result = work.run(c);
        } catch (SQLException e) {
            FerrySqlException failure = new FerrySqlException("JDBC work", null, e);
            releaseAfter(c, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            releaseAfter(c, e);
            throw e;
        }
        try {
            release(c);
        } catch (SQLException e) {
            throw new FerrySqlException("returning a connection", null, e);
        }
        return result;
    }

    private void releaseAfter(Connection c, Throwable failure) {
        try {
            release(c);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
