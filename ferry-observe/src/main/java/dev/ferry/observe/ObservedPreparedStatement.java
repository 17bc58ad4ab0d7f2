package dev.ferry.observe;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/** A prepared statement that hashes each bound value, then records its executes as {@link ObservedStatement}. */
@SuppressWarnings("deprecation") // forwards setUnicodeStream like the rest
class ObservedPreparedStatement extends ObservedStatement implements PreparedStatement {
    private final PreparedStatement ps;
    private final String sql;

    ObservedPreparedStatement(PreparedStatement delegate, ObservedConnection connection, String sql) {
        super(delegate, connection, sql);
        this.ps = delegate;
        this.sql = sql;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        PendingStatement p = begin(sql, false);
        ResultSet rs;
        try {
            rs = ps.executeQuery();
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return query(p, rs);
    }

    @Override
    public boolean execute() throws SQLException {
        PendingStatement p = begin(sql, false);
        boolean hasResultSet;
        try {
            hasResultSet = ps.execute();
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return executed(p, hasResultSet);
    }

    @Override
    public int executeUpdate() throws SQLException {
        PendingStatement p = begin(sql, false);
        int count;
        try {
            count = ps.executeUpdate();
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        updated(p, count);
        return count;
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        PendingStatement p = begin(sql, false);
        long count;
        try {
            count = ps.executeLargeUpdate();
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return updated(p, count);
    }

    @Override
    public void addBatch() throws SQLException {
        addBatchParameters();
        ps.addBatch();
    }

    @Override
    public void clearParameters() throws SQLException {
        clearBound();
        ps.clearParameters();
    }

    // ---- parameters: hashed, then forwarded; the rest forwarded ----

@Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return ps.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return ps.getParameterMetaData();
    }

    @Override
    public void setArray(int index, Array value) throws SQLException {
        bind(index, hash(value));
        ps.setArray(index, value);
    }

    @Override
    public void setAsciiStream(int index, InputStream value) throws SQLException {
        bind(index, hash(value));
        ps.setAsciiStream(index, value);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, int arg2) throws SQLException {
        bind(index, hash(value));
        ps.setAsciiStream(index, value, arg2);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, long arg2) throws SQLException {
        bind(index, hash(value));
        ps.setAsciiStream(index, value, arg2);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        bind(index, hash(value));
        ps.setBigDecimal(index, value);
    }

    @Override
    public void setBinaryStream(int index, InputStream value) throws SQLException {
        bind(index, hash(value));
        ps.setBinaryStream(index, value);
    }

    @Override
    public void setBinaryStream(int index, InputStream value, int arg2) throws SQLException {
        bind(index, hash(value));
        ps.setBinaryStream(index, value, arg2);
    }

    @Override
    public void setBinaryStream(int index, InputStream value, long arg2) throws SQLException {
        bind(index, hash(value));
        ps.setBinaryStream(index, value, arg2);
    }

    @Override
    public void setBlob(int index, InputStream value) throws SQLException {
        bind(index, hash(value));
        ps.setBlob(index, value);
    }

    @Override
    public void setBlob(int index, InputStream value, long arg2) throws SQLException {
        bind(index, hash(value));
        ps.setBlob(index, value, arg2);
    }

    @Override
    public void setBlob(int index, Blob value) throws SQLException {
        bind(index, hash(value));
        ps.setBlob(index, value);
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        bind(index, hash(value));
        ps.setBoolean(index, value);
    }

    @Override
    public void setByte(int index, byte value) throws SQLException {
        bind(index, hash(value));
        ps.setByte(index, value);
    }

    @Override
    public void setBytes(int index, byte[] value) throws SQLException {
        bind(index, hash(value));
        ps.setBytes(index, value);
    }

    @Override
    public void setCharacterStream(int index, Reader value) throws SQLException {
        bind(index, hash(value));
        ps.setCharacterStream(index, value);
    }

    @Override
    public void setCharacterStream(int index, Reader value, int arg2) throws SQLException {
        bind(index, hash(value));
        ps.setCharacterStream(index, value, arg2);
    }

    @Override
    public void setCharacterStream(int index, Reader value, long arg2) throws SQLException {
        bind(index, hash(value));
        ps.setCharacterStream(index, value, arg2);
    }

    @Override
    public void setClob(int index, Reader value) throws SQLException {
        bind(index, hash(value));
        ps.setClob(index, value);
    }

    @Override
    public void setClob(int index, Reader value, long arg2) throws SQLException {
        bind(index, hash(value));
        ps.setClob(index, value, arg2);
    }

    @Override
    public void setClob(int index, Clob value) throws SQLException {
        bind(index, hash(value));
        ps.setClob(index, value);
    }

    @Override
    public void setDate(int index, Date value) throws SQLException {
        bind(index, hash(value));
        ps.setDate(index, value);
    }

    @Override
    public void setDate(int index, Date value, Calendar arg2) throws SQLException {
        bind(index, hash(value));
        ps.setDate(index, value, arg2);
    }

    @Override
    public void setDouble(int index, double value) throws SQLException {
        bind(index, hash(value));
        ps.setDouble(index, value);
    }

    @Override
    public void setFloat(int index, float value) throws SQLException {
        bind(index, hash(value));
        ps.setFloat(index, value);
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        bind(index, hash(value));
        ps.setInt(index, value);
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        bind(index, hash(value));
        ps.setLong(index, value);
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        bind(index, hash(value));
        ps.setNCharacterStream(index, value);
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long arg2) throws SQLException {
        bind(index, hash(value));
        ps.setNCharacterStream(index, value, arg2);
    }

    @Override
    public void setNClob(int index, Reader value) throws SQLException {
        bind(index, hash(value));
        ps.setNClob(index, value);
    }

    @Override
    public void setNClob(int index, Reader value, long arg2) throws SQLException {
        bind(index, hash(value));
        ps.setNClob(index, value, arg2);
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        bind(index, hash(value));
        ps.setNClob(index, value);
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        bind(index, hash(value));
        ps.setNString(index, value);
    }

    @Override
    public void setNull(int index, int value) throws SQLException {
        bind(index, 0);
        ps.setNull(index, value);
    }

    @Override
    public void setNull(int index, int value, String arg2) throws SQLException {
        bind(index, 0);
        ps.setNull(index, value, arg2);
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        bind(index, hash(value));
        ps.setObject(index, value);
    }

    @Override
    public void setObject(int index, Object value, int arg2) throws SQLException {
        bind(index, hash(value));
        ps.setObject(index, value, arg2);
    }

    @Override
    public void setObject(int index, Object value, int arg2, int arg3) throws SQLException {
        bind(index, hash(value));
        ps.setObject(index, value, arg2, arg3);
    }

    @Override
    public void setObject(int index, Object value, SQLType arg2) throws SQLException {
        bind(index, hash(value));
        ps.setObject(index, value, arg2);
    }

    @Override
    public void setObject(int index, Object value, SQLType arg2, int arg3) throws SQLException {
        bind(index, hash(value));
        ps.setObject(index, value, arg2, arg3);
    }

    @Override
    public void setRef(int index, Ref value) throws SQLException {
        bind(index, hash(value));
        ps.setRef(index, value);
    }

    @Override
    public void setRowId(int index, RowId value) throws SQLException {
        bind(index, hash(value));
        ps.setRowId(index, value);
    }

    @Override
    public void setSQLXML(int index, SQLXML value) throws SQLException {
        bind(index, hash(value));
        ps.setSQLXML(index, value);
    }

    @Override
    public void setShort(int index, short value) throws SQLException {
        bind(index, hash(value));
        ps.setShort(index, value);
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        bind(index, hash(value));
        ps.setString(index, value);
    }

    @Override
    public void setTime(int index, Time value) throws SQLException {
        bind(index, hash(value));
        ps.setTime(index, value);
    }

    @Override
    public void setTime(int index, Time value, Calendar arg2) throws SQLException {
        bind(index, hash(value));
        ps.setTime(index, value, arg2);
    }

    @Override
    public void setTimestamp(int index, Timestamp value) throws SQLException {
        bind(index, hash(value));
        ps.setTimestamp(index, value);
    }

    @Override
    public void setTimestamp(int index, Timestamp value, Calendar arg2) throws SQLException {
        bind(index, hash(value));
        ps.setTimestamp(index, value, arg2);
    }

    @Override
    public void setURL(int index, URL value) throws SQLException {
        bind(index, hash(value));
        ps.setURL(index, value);
    }

    @Override
    public void setUnicodeStream(int index, InputStream value, int arg2) throws SQLException {
        bind(index, hash(value));
        ps.setUnicodeStream(index, value, arg2);
    }
}
