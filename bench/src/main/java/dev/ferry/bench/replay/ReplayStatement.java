package dev.ferry.bench.replay;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;

/**
 * A prepared statement whose result was recorded: parameters are accepted and ignored (the recording
 * was made with the same parameters), {@link #executeQuery()} replays the rows.
 */
final class ReplayStatement extends UnsupportedPreparedStatement {

    private final ReplayConnection connection;
    private final Object[][] rows;
    private boolean closed;

    ReplayStatement(ReplayConnection connection, Object[][] rows) {
        this.connection = connection;
        this.rows = rows;
    }

    @Override
    public ResultSet executeQuery() {
        return new ReplayResultSet(rows);
    }

    @Override
    public void setLong(int index, long x) {
    }

    @Override
    public void setInt(int index, int x) {
    }

    @Override
    public void setString(int index, String x) {
    }

    @Override
    public void setObject(int index, Object x) {
    }

    @Override
    public void setArray(int index, Array x) {
    }

    @Override
    public void setNull(int index, int sqlType) {
    }

    @Override
    public void setDouble(int index, double x) {
    }

    @Override
    public void setBoolean(int index, boolean x) {
    }

    @Override
    public void setTimestamp(int index, java.sql.Timestamp x) {
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) {
    }

    @Override
    public void setFetchSize(int rows) {
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }
}
