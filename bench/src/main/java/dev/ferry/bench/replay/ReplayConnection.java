package dev.ferry.bench.replay;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** A connection that serves recorded results by SQL text; an unrecorded statement is an error. */
final class ReplayConnection extends UnsupportedConnection {

    private final Map<String, Object[][]> results;
    private boolean closed;
    private boolean autoCommit = true;

    ReplayConnection(Map<String, Object[][]> results) {
        this.results = results;
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        Object[][] rows = results.get(sql);
        if (rows == null) {
            throw new SQLException("no recorded result for: " + sql + "\nrecorded: " + results.keySet());
        }
        return new ReplayStatement(this, rows);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) {
        return new ReplayArray(typeName, elements);
    }

    /** Only the product name, so Ferry can detect its dialect (PostgreSQL: the recordings come from it). */
    @Override
    public java.sql.DatabaseMetaData getMetaData() {
        return (java.sql.DatabaseMetaData) java.lang.reflect.Proxy.newProxyInstance(
                ReplayConnection.class.getClassLoader(), new Class<?>[] {java.sql.DatabaseMetaData.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("getDatabaseProductName")) {
                        return "PostgreSQL";
                    }
                    throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData." + m.getName());
                });
    }

    @Override
    public boolean getAutoCommit() {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
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
