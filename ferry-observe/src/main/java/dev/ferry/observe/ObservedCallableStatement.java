package dev.ferry.observe;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A callable statement, observed as a prepared one; its own methods (OUT parameters, parameters by name) only
 * forward: named parameters are not counted in the record's parameter count.
 */
@SuppressWarnings("deprecation") // forwards getBigDecimal(int, int) like the rest
final class ObservedCallableStatement extends ObservedPreparedStatement implements CallableStatement {
    private final CallableStatement cs;

    ObservedCallableStatement(CallableStatement delegate, ObservedConnection connection, String sql) {
        super(delegate, connection, sql);
        this.cs = delegate;
    }

@Override
    public Array getArray(int index) throws SQLException {
        return cs.getArray(index);
    }

    @Override
    public Array getArray(String name) throws SQLException {
        return cs.getArray(name);
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws SQLException {
        return cs.getBigDecimal(index);
    }

    @Override
    public BigDecimal getBigDecimal(int index, int value) throws SQLException {
        return cs.getBigDecimal(index, value);
    }

    @Override
    public BigDecimal getBigDecimal(String name) throws SQLException {
        return cs.getBigDecimal(name);
    }

    @Override
    public Blob getBlob(int index) throws SQLException {
        return cs.getBlob(index);
    }

    @Override
    public Blob getBlob(String name) throws SQLException {
        return cs.getBlob(name);
    }

    @Override
    public boolean getBoolean(int index) throws SQLException {
        return cs.getBoolean(index);
    }

    @Override
    public boolean getBoolean(String name) throws SQLException {
        return cs.getBoolean(name);
    }

    @Override
    public byte getByte(int index) throws SQLException {
        return cs.getByte(index);
    }

    @Override
    public byte getByte(String name) throws SQLException {
        return cs.getByte(name);
    }

    @Override
    public byte[] getBytes(int index) throws SQLException {
        return cs.getBytes(index);
    }

    @Override
    public byte[] getBytes(String name) throws SQLException {
        return cs.getBytes(name);
    }

    @Override
    public Reader getCharacterStream(int index) throws SQLException {
        return cs.getCharacterStream(index);
    }

    @Override
    public Reader getCharacterStream(String name) throws SQLException {
        return cs.getCharacterStream(name);
    }

    @Override
    public Clob getClob(int index) throws SQLException {
        return cs.getClob(index);
    }

    @Override
    public Clob getClob(String name) throws SQLException {
        return cs.getClob(name);
    }

    @Override
    public Date getDate(int index) throws SQLException {
        return cs.getDate(index);
    }

    @Override
    public Date getDate(int index, Calendar value) throws SQLException {
        return cs.getDate(index, value);
    }

    @Override
    public Date getDate(String name) throws SQLException {
        return cs.getDate(name);
    }

    @Override
    public Date getDate(String name, Calendar value) throws SQLException {
        return cs.getDate(name, value);
    }

    @Override
    public double getDouble(int index) throws SQLException {
        return cs.getDouble(index);
    }

    @Override
    public double getDouble(String name) throws SQLException {
        return cs.getDouble(name);
    }

    @Override
    public float getFloat(int index) throws SQLException {
        return cs.getFloat(index);
    }

    @Override
    public float getFloat(String name) throws SQLException {
        return cs.getFloat(name);
    }

    @Override
    public int getInt(int index) throws SQLException {
        return cs.getInt(index);
    }

    @Override
    public int getInt(String name) throws SQLException {
        return cs.getInt(name);
    }

    @Override
    public long getLong(int index) throws SQLException {
        return cs.getLong(index);
    }

    @Override
    public long getLong(String name) throws SQLException {
        return cs.getLong(name);
    }

    @Override
    public Reader getNCharacterStream(int index) throws SQLException {
        return cs.getNCharacterStream(index);
    }

    @Override
    public Reader getNCharacterStream(String name) throws SQLException {
        return cs.getNCharacterStream(name);
    }

    @Override
    public NClob getNClob(int index) throws SQLException {
        return cs.getNClob(index);
    }

    @Override
    public NClob getNClob(String name) throws SQLException {
        return cs.getNClob(name);
    }

    @Override
    public String getNString(int index) throws SQLException {
        return cs.getNString(index);
    }

    @Override
    public String getNString(String name) throws SQLException {
        return cs.getNString(name);
    }

    @Override
    public <T> T getObject(int index, Class<T> value) throws SQLException {
        return cs.getObject(index, value);
    }

    @Override
    public <T> T getObject(String name, Class<T> value) throws SQLException {
        return cs.getObject(name, value);
    }

    @Override
    public Object getObject(int index) throws SQLException {
        return cs.getObject(index);
    }

    @Override
    public Object getObject(int index, Map<String, Class<?>> value) throws SQLException {
        return cs.getObject(index, value);
    }

    @Override
    public Object getObject(String name) throws SQLException {
        return cs.getObject(name);
    }

    @Override
    public Object getObject(String name, Map<String, Class<?>> value) throws SQLException {
        return cs.getObject(name, value);
    }

    @Override
    public Ref getRef(int index) throws SQLException {
        return cs.getRef(index);
    }

    @Override
    public Ref getRef(String name) throws SQLException {
        return cs.getRef(name);
    }

    @Override
    public RowId getRowId(int index) throws SQLException {
        return cs.getRowId(index);
    }

    @Override
    public RowId getRowId(String name) throws SQLException {
        return cs.getRowId(name);
    }

    @Override
    public SQLXML getSQLXML(int index) throws SQLException {
        return cs.getSQLXML(index);
    }

    @Override
    public SQLXML getSQLXML(String name) throws SQLException {
        return cs.getSQLXML(name);
    }

    @Override
    public short getShort(int index) throws SQLException {
        return cs.getShort(index);
    }

    @Override
    public short getShort(String name) throws SQLException {
        return cs.getShort(name);
    }

    @Override
    public String getString(int index) throws SQLException {
        return cs.getString(index);
    }

    @Override
    public String getString(String name) throws SQLException {
        return cs.getString(name);
    }

    @Override
    public Time getTime(int index) throws SQLException {
        return cs.getTime(index);
    }

    @Override
    public Time getTime(int index, Calendar value) throws SQLException {
        return cs.getTime(index, value);
    }

    @Override
    public Time getTime(String name) throws SQLException {
        return cs.getTime(name);
    }

    @Override
    public Time getTime(String name, Calendar value) throws SQLException {
        return cs.getTime(name, value);
    }

    @Override
    public Timestamp getTimestamp(int index) throws SQLException {
        return cs.getTimestamp(index);
    }

    @Override
    public Timestamp getTimestamp(int index, Calendar value) throws SQLException {
        return cs.getTimestamp(index, value);
    }

    @Override
    public Timestamp getTimestamp(String name) throws SQLException {
        return cs.getTimestamp(name);
    }

    @Override
    public Timestamp getTimestamp(String name, Calendar value) throws SQLException {
        return cs.getTimestamp(name, value);
    }

    @Override
    public URL getURL(int index) throws SQLException {
        return cs.getURL(index);
    }

    @Override
    public URL getURL(String name) throws SQLException {
        return cs.getURL(name);
    }

    @Override
    public void registerOutParameter(int index, int value) throws SQLException {
        cs.registerOutParameter(index, value);
    }

    @Override
    public void registerOutParameter(int index, int value, int arg2) throws SQLException {
        cs.registerOutParameter(index, value, arg2);
    }

    @Override
    public void registerOutParameter(int index, int value, String arg2) throws SQLException {
        cs.registerOutParameter(index, value, arg2);
    }

    @Override
    public void registerOutParameter(String name, int value) throws SQLException {
        cs.registerOutParameter(name, value);
    }

    @Override
    public void registerOutParameter(String name, int value, int arg2) throws SQLException {
        cs.registerOutParameter(name, value, arg2);
    }

    @Override
    public void registerOutParameter(String name, int value, String arg2) throws SQLException {
        cs.registerOutParameter(name, value, arg2);
    }

    @Override
    public void registerOutParameter(int index, SQLType value) throws SQLException {
        cs.registerOutParameter(index, value);
    }

    @Override
    public void registerOutParameter(int index, SQLType value, int arg2) throws SQLException {
        cs.registerOutParameter(index, value, arg2);
    }

    @Override
    public void registerOutParameter(int index, SQLType value, String arg2) throws SQLException {
        cs.registerOutParameter(index, value, arg2);
    }

    @Override
    public void registerOutParameter(String name, SQLType value) throws SQLException {
        cs.registerOutParameter(name, value);
    }

    @Override
    public void registerOutParameter(String name, SQLType value, int arg2) throws SQLException {
        cs.registerOutParameter(name, value, arg2);
    }

    @Override
    public void registerOutParameter(String name, SQLType value, String arg2) throws SQLException {
        cs.registerOutParameter(name, value, arg2);
    }

    @Override
    public void setAsciiStream(String name, InputStream value) throws SQLException {
        cs.setAsciiStream(name, value);
    }

    @Override
    public void setAsciiStream(String name, InputStream value, int arg2) throws SQLException {
        cs.setAsciiStream(name, value, arg2);
    }

    @Override
    public void setAsciiStream(String name, InputStream value, long arg2) throws SQLException {
        cs.setAsciiStream(name, value, arg2);
    }

    @Override
    public void setBigDecimal(String name, BigDecimal value) throws SQLException {
        cs.setBigDecimal(name, value);
    }

    @Override
    public void setBinaryStream(String name, InputStream value) throws SQLException {
        cs.setBinaryStream(name, value);
    }

    @Override
    public void setBinaryStream(String name, InputStream value, int arg2) throws SQLException {
        cs.setBinaryStream(name, value, arg2);
    }

    @Override
    public void setBinaryStream(String name, InputStream value, long arg2) throws SQLException {
        cs.setBinaryStream(name, value, arg2);
    }

    @Override
    public void setBlob(String name, InputStream value) throws SQLException {
        cs.setBlob(name, value);
    }

    @Override
    public void setBlob(String name, InputStream value, long arg2) throws SQLException {
        cs.setBlob(name, value, arg2);
    }

    @Override
    public void setBlob(String name, Blob value) throws SQLException {
        cs.setBlob(name, value);
    }

    @Override
    public void setBoolean(String name, boolean value) throws SQLException {
        cs.setBoolean(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws SQLException {
        cs.setByte(name, value);
    }

    @Override
    public void setBytes(String name, byte[] value) throws SQLException {
        cs.setBytes(name, value);
    }

    @Override
    public void setCharacterStream(String name, Reader value) throws SQLException {
        cs.setCharacterStream(name, value);
    }

    @Override
    public void setCharacterStream(String name, Reader value, int arg2) throws SQLException {
        cs.setCharacterStream(name, value, arg2);
    }

    @Override
    public void setCharacterStream(String name, Reader value, long arg2) throws SQLException {
        cs.setCharacterStream(name, value, arg2);
    }

    @Override
    public void setClob(String name, Reader value) throws SQLException {
        cs.setClob(name, value);
    }

    @Override
    public void setClob(String name, Reader value, long arg2) throws SQLException {
        cs.setClob(name, value, arg2);
    }

    @Override
    public void setClob(String name, Clob value) throws SQLException {
        cs.setClob(name, value);
    }

    @Override
    public void setDate(String name, Date value) throws SQLException {
        cs.setDate(name, value);
    }

    @Override
    public void setDate(String name, Date value, Calendar arg2) throws SQLException {
        cs.setDate(name, value, arg2);
    }

    @Override
    public void setDouble(String name, double value) throws SQLException {
        cs.setDouble(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws SQLException {
        cs.setFloat(name, value);
    }

    @Override
    public void setInt(String name, int value) throws SQLException {
        cs.setInt(name, value);
    }

    @Override
    public void setLong(String name, long value) throws SQLException {
        cs.setLong(name, value);
    }

    @Override
    public void setNCharacterStream(String name, Reader value) throws SQLException {
        cs.setNCharacterStream(name, value);
    }

    @Override
    public void setNCharacterStream(String name, Reader value, long arg2) throws SQLException {
        cs.setNCharacterStream(name, value, arg2);
    }

    @Override
    public void setNClob(String name, Reader value) throws SQLException {
        cs.setNClob(name, value);
    }

    @Override
    public void setNClob(String name, Reader value, long arg2) throws SQLException {
        cs.setNClob(name, value, arg2);
    }

    @Override
    public void setNClob(String name, NClob value) throws SQLException {
        cs.setNClob(name, value);
    }

    @Override
    public void setNString(String name, String value) throws SQLException {
        cs.setNString(name, value);
    }

    @Override
    public void setNull(String name, int value) throws SQLException {
        cs.setNull(name, value);
    }

    @Override
    public void setNull(String name, int value, String arg2) throws SQLException {
        cs.setNull(name, value, arg2);
    }

    @Override
    public void setObject(String name, Object value) throws SQLException {
        cs.setObject(name, value);
    }

    @Override
    public void setObject(String name, Object value, int arg2) throws SQLException {
        cs.setObject(name, value, arg2);
    }

    @Override
    public void setObject(String name, Object value, int arg2, int arg3) throws SQLException {
        cs.setObject(name, value, arg2, arg3);
    }

    @Override
    public void setObject(String name, Object value, SQLType arg2) throws SQLException {
        cs.setObject(name, value, arg2);
    }

    @Override
    public void setObject(String name, Object value, SQLType arg2, int arg3) throws SQLException {
        cs.setObject(name, value, arg2, arg3);
    }

    @Override
    public void setRowId(String name, RowId value) throws SQLException {
        cs.setRowId(name, value);
    }

    @Override
    public void setSQLXML(String name, SQLXML value) throws SQLException {
        cs.setSQLXML(name, value);
    }

    @Override
    public void setShort(String name, short value) throws SQLException {
        cs.setShort(name, value);
    }

    @Override
    public void setString(String name, String value) throws SQLException {
        cs.setString(name, value);
    }

    @Override
    public void setTime(String name, Time value) throws SQLException {
        cs.setTime(name, value);
    }

    @Override
    public void setTime(String name, Time value, Calendar arg2) throws SQLException {
        cs.setTime(name, value, arg2);
    }

    @Override
    public void setTimestamp(String name, Timestamp value) throws SQLException {
        cs.setTimestamp(name, value);
    }

    @Override
    public void setTimestamp(String name, Timestamp value, Calendar arg2) throws SQLException {
        cs.setTimestamp(name, value, arg2);
    }

    @Override
    public void setURL(String name, URL value) throws SQLException {
        cs.setURL(name, value);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return cs.wasNull();
    }
}
