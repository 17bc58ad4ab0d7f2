package dev.ferry.bench.replay;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * A forward-only result over rows held in memory, already decoded to Java values (Long, Integer,
 * Double, String, LocalDateTime). Getters are array reads, so a benchmark on it measures the
 * caller's mapping work, not the driver's decoding or the database.
 */
public final class ReplayResultSet extends UnsupportedResultSet {

    private final Object[][] rows;
    private int cursor = -1;
    private Object[] row;
    private boolean wasNull;
    private boolean closed;

    public ReplayResultSet(Object[][] rows) {
        this.rows = rows;
    }

    private Object value(int column) throws SQLException {
        if (row == null) {
            throw new SQLException("no current row");
        }
        Object v = row[column - 1];
        wasNull = v == null;
        return v;
    }

    @Override
    public boolean next() {
        if (++cursor < rows.length) {
            row = rows[cursor];
            return true;
        }
        cursor = rows.length;
        row = null;
        return false;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0L : ((Number) v).longValue();
    }

    @Override
    public int getInt(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ((Number) v).intValue();
    }

    @Override
    public short getShort(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : ((Number) v).shortValue();
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0d : ((Number) v).doubleValue();
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0f : ((Number) v).floatValue();
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object v = value(column);
        return v != null && (Boolean) v;
    }

    @Override
    public String getString(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : v.toString();
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : v instanceof LocalDateTime t ? Timestamp.valueOf(t) : (Timestamp) v;
    }

    @Override
    public Object getObject(int column) throws SQLException {
        return value(column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw new SQLException("column " + column + " holds a " + v.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(v);
    }

    @Override
    public java.sql.Array getArray(int column) throws SQLException {
        return (java.sql.Array) value(column);
    }

    /** Only the column count, from the first row (an empty result has no row to count). */
    @Override
    public java.sql.ResultSetMetaData getMetaData() {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        return (java.sql.ResultSetMetaData) java.lang.reflect.Proxy.newProxyInstance(
                ReplayResultSet.class.getClassLoader(), new Class<?>[] {java.sql.ResultSetMetaData.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("getColumnCount")) {
                        return columns;
                    }
                    throw new SQLFeatureNotSupportedException("ResultSetMetaData." + m.getName());
                });
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
