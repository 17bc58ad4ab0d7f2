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
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A result set that counts the rows read and records its statement when it closes.
 *
 * <p>Hand-written delegation (no dynamic proxy): every read is one direct call, so the per-row cost is a field
 * load. Only {@code next}, {@code close} and {@code getStatement} do more than forward.
 */
@SuppressWarnings("deprecation") // forwards the deprecated getters and setters like the rest
final class ObservedResultSet implements ResultSet {
    private final ResultSet delegate;
    private final Statement statement; // the observed statement, so getStatement() never leaks the raw one
    private final PendingStatement pending; // null when no scope was active

    private ObservedResultSet(ResultSet delegate, Statement statement, PendingStatement pending) {
        this.delegate = delegate;
        this.statement = statement;
        this.pending = pending;
    }

    static ResultSet wrap(ResultSet delegate, Statement statement, PendingStatement pending) {
        return delegate == null ? null : new ObservedResultSet(delegate, statement, pending);
    }

    @Override
    public boolean next() throws SQLException {
        boolean more = delegate.next();
        if (more && pending != null) {
            pending.row();
        }
        return more;
    }

    @Override
    public void close() throws SQLException {
        try {
            delegate.close();
        } finally {
            if (pending != null) {
                pending.finish();
            }
        }
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "Observed[" + delegate + "]";
    }

    // ---- plain forwarding below ----

    @Override
    public boolean absolute(int value) throws SQLException {
        return delegate.absolute(value);
    }

    @Override
    public void afterLast() throws SQLException {
        delegate.afterLast();
    }

    @Override
    public void beforeFirst() throws SQLException {
        delegate.beforeFirst();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        delegate.cancelRowUpdates();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public void deleteRow() throws SQLException {
        delegate.deleteRow();
    }

    @Override
    public int findColumn(String value) throws SQLException {
        return delegate.findColumn(value);
    }

    @Override
    public boolean first() throws SQLException {
        return delegate.first();
    }

    @Override
    public Array getArray(int column) throws SQLException {
        return delegate.getArray(column);
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return delegate.getArray(label);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        return delegate.getAsciiStream(column);
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return delegate.getAsciiStream(label);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return delegate.getBigDecimal(column);
    }

    @Override
    public BigDecimal getBigDecimal(int column, int value) throws SQLException {
        return delegate.getBigDecimal(column, value);
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return delegate.getBigDecimal(label);
    }

    @Override
    public BigDecimal getBigDecimal(String label, int value) throws SQLException {
        return delegate.getBigDecimal(label, value);
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        return delegate.getBinaryStream(column);
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return delegate.getBinaryStream(label);
    }

    @Override
    public Blob getBlob(int column) throws SQLException {
        return delegate.getBlob(column);
    }

    @Override
    public Blob getBlob(String label) throws SQLException {
        return delegate.getBlob(label);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        return delegate.getBoolean(column);
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return delegate.getBoolean(label);
    }

    @Override
    public byte getByte(int column) throws SQLException {
        return delegate.getByte(column);
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return delegate.getByte(label);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return delegate.getBytes(column);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return delegate.getBytes(label);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        return delegate.getCharacterStream(column);
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return delegate.getCharacterStream(label);
    }

    @Override
    public Clob getClob(int column) throws SQLException {
        return delegate.getClob(column);
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        return delegate.getClob(label);
    }

    @Override
    public int getConcurrency() throws SQLException {
        return delegate.getConcurrency();
    }

    @Override
    public String getCursorName() throws SQLException {
        return delegate.getCursorName();
    }

    @Override
    public Date getDate(int column) throws SQLException {
        return delegate.getDate(column);
    }

    @Override
    public Date getDate(int column, Calendar value) throws SQLException {
        return delegate.getDate(column, value);
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return delegate.getDate(label);
    }

    @Override
    public Date getDate(String label, Calendar value) throws SQLException {
        return delegate.getDate(label, value);
    }

    @Override
    public double getDouble(int column) throws SQLException {
        return delegate.getDouble(column);
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return delegate.getDouble(label);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return delegate.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return delegate.getFetchSize();
    }

    @Override
    public float getFloat(int column) throws SQLException {
        return delegate.getFloat(column);
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return delegate.getFloat(label);
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public int getInt(int column) throws SQLException {
        return delegate.getInt(column);
    }

    @Override
    public int getInt(String label) throws SQLException {
        return delegate.getInt(label);
    }

    @Override
    public long getLong(int column) throws SQLException {
        return delegate.getLong(column);
    }

    @Override
    public long getLong(String label) throws SQLException {
        return delegate.getLong(label);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return delegate.getMetaData();
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return delegate.getNCharacterStream(column);
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return delegate.getNCharacterStream(label);
    }

    @Override
    public NClob getNClob(int column) throws SQLException {
        return delegate.getNClob(column);
    }

    @Override
    public NClob getNClob(String label) throws SQLException {
        return delegate.getNClob(label);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return delegate.getNString(column);
    }

    @Override
    public String getNString(String label) throws SQLException {
        return delegate.getNString(label);
    }

    @Override
    public <T> T getObject(int column, Class<T> value) throws SQLException {
        return delegate.getObject(column, value);
    }

    @Override
    public <T> T getObject(String label, Class<T> value) throws SQLException {
        return delegate.getObject(label, value);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        return delegate.getObject(column);
    }

    @Override
    public Object getObject(int column, Map<String, Class<?>> value) throws SQLException {
        return delegate.getObject(column, value);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return delegate.getObject(label);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> value) throws SQLException {
        return delegate.getObject(label, value);
    }

    @Override
    public Ref getRef(int column) throws SQLException {
        return delegate.getRef(column);
    }

    @Override
    public Ref getRef(String label) throws SQLException {
        return delegate.getRef(label);
    }

    @Override
    public int getRow() throws SQLException {
        return delegate.getRow();
    }

    @Override
    public RowId getRowId(int column) throws SQLException {
        return delegate.getRowId(column);
    }

    @Override
    public RowId getRowId(String label) throws SQLException {
        return delegate.getRowId(label);
    }

    @Override
    public SQLXML getSQLXML(int column) throws SQLException {
        return delegate.getSQLXML(column);
    }

    @Override
    public SQLXML getSQLXML(String label) throws SQLException {
        return delegate.getSQLXML(label);
    }

    @Override
    public short getShort(int column) throws SQLException {
        return delegate.getShort(column);
    }

    @Override
    public short getShort(String label) throws SQLException {
        return delegate.getShort(label);
    }

    @Override
    public String getString(int column) throws SQLException {
        return delegate.getString(column);
    }

    @Override
    public String getString(String label) throws SQLException {
        return delegate.getString(label);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return delegate.getTime(column);
    }

    @Override
    public Time getTime(int column, Calendar value) throws SQLException {
        return delegate.getTime(column, value);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return delegate.getTime(label);
    }

    @Override
    public Time getTime(String label, Calendar value) throws SQLException {
        return delegate.getTime(label, value);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return delegate.getTimestamp(column);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar value) throws SQLException {
        return delegate.getTimestamp(column, value);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return delegate.getTimestamp(label);
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar value) throws SQLException {
        return delegate.getTimestamp(label, value);
    }

    @Override
    public int getType() throws SQLException {
        return delegate.getType();
    }

    @Override
    public URL getURL(int column) throws SQLException {
        return delegate.getURL(column);
    }

    @Override
    public URL getURL(String label) throws SQLException {
        return delegate.getURL(label);
    }

    @Override
    public InputStream getUnicodeStream(int column) throws SQLException {
        return delegate.getUnicodeStream(column);
    }

    @Override
    public InputStream getUnicodeStream(String label) throws SQLException {
        return delegate.getUnicodeStream(label);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void insertRow() throws SQLException {
        delegate.insertRow();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return delegate.isAfterLast();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return delegate.isBeforeFirst();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public boolean isFirst() throws SQLException {
        return delegate.isFirst();
    }

    @Override
    public boolean isLast() throws SQLException {
        return delegate.isLast();
    }

    @Override
    public boolean last() throws SQLException {
        return delegate.last();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        delegate.moveToCurrentRow();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        delegate.moveToInsertRow();
    }

    @Override
    public boolean previous() throws SQLException {
        return delegate.previous();
    }

    @Override
    public void refreshRow() throws SQLException {
        delegate.refreshRow();
    }

    @Override
    public boolean relative(int value) throws SQLException {
        return delegate.relative(value);
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return delegate.rowDeleted();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return delegate.rowInserted();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return delegate.rowUpdated();
    }

    @Override
    public void setFetchDirection(int value) throws SQLException {
        delegate.setFetchDirection(value);
    }

    @Override
    public void setFetchSize(int value) throws SQLException {
        delegate.setFetchSize(value);
    }

    @Override
    public void updateArray(int column, Array value) throws SQLException {
        delegate.updateArray(column, value);
    }

    @Override
    public void updateArray(String label, Array value) throws SQLException {
        delegate.updateArray(label, value);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value) throws SQLException {
        delegate.updateAsciiStream(column, value);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value, int arg2) throws SQLException {
        delegate.updateAsciiStream(column, value, arg2);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value, long arg2) throws SQLException {
        delegate.updateAsciiStream(column, value, arg2);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value) throws SQLException {
        delegate.updateAsciiStream(label, value);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value, int arg2) throws SQLException {
        delegate.updateAsciiStream(label, value, arg2);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value, long arg2) throws SQLException {
        delegate.updateAsciiStream(label, value, arg2);
    }

    @Override
    public void updateBigDecimal(int column, BigDecimal value) throws SQLException {
        delegate.updateBigDecimal(column, value);
    }

    @Override
    public void updateBigDecimal(String label, BigDecimal value) throws SQLException {
        delegate.updateBigDecimal(label, value);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value) throws SQLException {
        delegate.updateBinaryStream(column, value);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value, int arg2) throws SQLException {
        delegate.updateBinaryStream(column, value, arg2);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value, long arg2) throws SQLException {
        delegate.updateBinaryStream(column, value, arg2);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value) throws SQLException {
        delegate.updateBinaryStream(label, value);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value, int arg2) throws SQLException {
        delegate.updateBinaryStream(label, value, arg2);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value, long arg2) throws SQLException {
        delegate.updateBinaryStream(label, value, arg2);
    }

    @Override
    public void updateBlob(int column, InputStream value) throws SQLException {
        delegate.updateBlob(column, value);
    }

    @Override
    public void updateBlob(int column, InputStream value, long arg2) throws SQLException {
        delegate.updateBlob(column, value, arg2);
    }

    @Override
    public void updateBlob(int column, Blob value) throws SQLException {
        delegate.updateBlob(column, value);
    }

    @Override
    public void updateBlob(String label, InputStream value) throws SQLException {
        delegate.updateBlob(label, value);
    }

    @Override
    public void updateBlob(String label, InputStream value, long arg2) throws SQLException {
        delegate.updateBlob(label, value, arg2);
    }

    @Override
    public void updateBlob(String label, Blob value) throws SQLException {
        delegate.updateBlob(label, value);
    }

    @Override
    public void updateBoolean(int column, boolean value) throws SQLException {
        delegate.updateBoolean(column, value);
    }

    @Override
    public void updateBoolean(String label, boolean value) throws SQLException {
        delegate.updateBoolean(label, value);
    }

    @Override
    public void updateByte(int column, byte value) throws SQLException {
        delegate.updateByte(column, value);
    }

    @Override
    public void updateByte(String label, byte value) throws SQLException {
        delegate.updateByte(label, value);
    }

    @Override
    public void updateBytes(int column, byte[] value) throws SQLException {
        delegate.updateBytes(column, value);
    }

    @Override
    public void updateBytes(String label, byte[] value) throws SQLException {
        delegate.updateBytes(label, value);
    }

    @Override
    public void updateCharacterStream(int column, Reader value) throws SQLException {
        delegate.updateCharacterStream(column, value);
    }

    @Override
    public void updateCharacterStream(int column, Reader value, int arg2) throws SQLException {
        delegate.updateCharacterStream(column, value, arg2);
    }

    @Override
    public void updateCharacterStream(int column, Reader value, long arg2) throws SQLException {
        delegate.updateCharacterStream(column, value, arg2);
    }

    @Override
    public void updateCharacterStream(String label, Reader value) throws SQLException {
        delegate.updateCharacterStream(label, value);
    }

    @Override
    public void updateCharacterStream(String label, Reader value, int arg2) throws SQLException {
        delegate.updateCharacterStream(label, value, arg2);
    }

    @Override
    public void updateCharacterStream(String label, Reader value, long arg2) throws SQLException {
        delegate.updateCharacterStream(label, value, arg2);
    }

    @Override
    public void updateClob(int column, Reader value) throws SQLException {
        delegate.updateClob(column, value);
    }

    @Override
    public void updateClob(int column, Reader value, long arg2) throws SQLException {
        delegate.updateClob(column, value, arg2);
    }

    @Override
    public void updateClob(int column, Clob value) throws SQLException {
        delegate.updateClob(column, value);
    }

    @Override
    public void updateClob(String label, Reader value) throws SQLException {
        delegate.updateClob(label, value);
    }

    @Override
    public void updateClob(String label, Reader value, long arg2) throws SQLException {
        delegate.updateClob(label, value, arg2);
    }

    @Override
    public void updateClob(String label, Clob value) throws SQLException {
        delegate.updateClob(label, value);
    }

    @Override
    public void updateDate(int column, Date value) throws SQLException {
        delegate.updateDate(column, value);
    }

    @Override
    public void updateDate(String label, Date value) throws SQLException {
        delegate.updateDate(label, value);
    }

    @Override
    public void updateDouble(int column, double value) throws SQLException {
        delegate.updateDouble(column, value);
    }

    @Override
    public void updateDouble(String label, double value) throws SQLException {
        delegate.updateDouble(label, value);
    }

    @Override
    public void updateFloat(int column, float value) throws SQLException {
        delegate.updateFloat(column, value);
    }

    @Override
    public void updateFloat(String label, float value) throws SQLException {
        delegate.updateFloat(label, value);
    }

    @Override
    public void updateInt(int column, int value) throws SQLException {
        delegate.updateInt(column, value);
    }

    @Override
    public void updateInt(String label, int value) throws SQLException {
        delegate.updateInt(label, value);
    }

    @Override
    public void updateLong(int column, long value) throws SQLException {
        delegate.updateLong(column, value);
    }

    @Override
    public void updateLong(String label, long value) throws SQLException {
        delegate.updateLong(label, value);
    }

    @Override
    public void updateNCharacterStream(int column, Reader value) throws SQLException {
        delegate.updateNCharacterStream(column, value);
    }

    @Override
    public void updateNCharacterStream(int column, Reader value, long arg2) throws SQLException {
        delegate.updateNCharacterStream(column, value, arg2);
    }

    @Override
    public void updateNCharacterStream(String label, Reader value) throws SQLException {
        delegate.updateNCharacterStream(label, value);
    }

    @Override
    public void updateNCharacterStream(String label, Reader value, long arg2) throws SQLException {
        delegate.updateNCharacterStream(label, value, arg2);
    }

    @Override
    public void updateNClob(int column, Reader value) throws SQLException {
        delegate.updateNClob(column, value);
    }

    @Override
    public void updateNClob(int column, Reader value, long arg2) throws SQLException {
        delegate.updateNClob(column, value, arg2);
    }

    @Override
    public void updateNClob(int column, NClob value) throws SQLException {
        delegate.updateNClob(column, value);
    }

    @Override
    public void updateNClob(String label, Reader value) throws SQLException {
        delegate.updateNClob(label, value);
    }

    @Override
    public void updateNClob(String label, Reader value, long arg2) throws SQLException {
        delegate.updateNClob(label, value, arg2);
    }

    @Override
    public void updateNClob(String label, NClob value) throws SQLException {
        delegate.updateNClob(label, value);
    }

    @Override
    public void updateNString(int column, String value) throws SQLException {
        delegate.updateNString(column, value);
    }

    @Override
    public void updateNString(String label, String value) throws SQLException {
        delegate.updateNString(label, value);
    }

    @Override
    public void updateNull(int column) throws SQLException {
        delegate.updateNull(column);
    }

    @Override
    public void updateNull(String label) throws SQLException {
        delegate.updateNull(label);
    }

    @Override
    public void updateObject(int column, Object value) throws SQLException {
        delegate.updateObject(column, value);
    }

    @Override
    public void updateObject(int column, Object value, int arg2) throws SQLException {
        delegate.updateObject(column, value, arg2);
    }

    @Override
    public void updateObject(String label, Object value) throws SQLException {
        delegate.updateObject(label, value);
    }

    @Override
    public void updateObject(String label, Object value, int arg2) throws SQLException {
        delegate.updateObject(label, value, arg2);
    }

    @Override
    public void updateObject(int column, Object value, SQLType arg2) throws SQLException {
        delegate.updateObject(column, value, arg2);
    }

    @Override
    public void updateObject(int column, Object value, SQLType arg2, int arg3) throws SQLException {
        delegate.updateObject(column, value, arg2, arg3);
    }

    @Override
    public void updateObject(String label, Object value, SQLType arg2) throws SQLException {
        delegate.updateObject(label, value, arg2);
    }

    @Override
    public void updateObject(String label, Object value, SQLType arg2, int arg3) throws SQLException {
        delegate.updateObject(label, value, arg2, arg3);
    }

    @Override
    public void updateRef(int column, Ref value) throws SQLException {
        delegate.updateRef(column, value);
    }

    @Override
    public void updateRef(String label, Ref value) throws SQLException {
        delegate.updateRef(label, value);
    }

    @Override
    public void updateRow() throws SQLException {
        delegate.updateRow();
    }

    @Override
    public void updateRowId(int column, RowId value) throws SQLException {
        delegate.updateRowId(column, value);
    }

    @Override
    public void updateRowId(String label, RowId value) throws SQLException {
        delegate.updateRowId(label, value);
    }

    @Override
    public void updateSQLXML(int column, SQLXML value) throws SQLException {
        delegate.updateSQLXML(column, value);
    }

    @Override
    public void updateSQLXML(String label, SQLXML value) throws SQLException {
        delegate.updateSQLXML(label, value);
    }

    @Override
    public void updateShort(int column, short value) throws SQLException {
        delegate.updateShort(column, value);
    }

    @Override
    public void updateShort(String label, short value) throws SQLException {
        delegate.updateShort(label, value);
    }

    @Override
    public void updateString(int column, String value) throws SQLException {
        delegate.updateString(column, value);
    }

    @Override
    public void updateString(String label, String value) throws SQLException {
        delegate.updateString(label, value);
    }

    @Override
    public void updateTime(int column, Time value) throws SQLException {
        delegate.updateTime(column, value);
    }

    @Override
    public void updateTime(String label, Time value) throws SQLException {
        delegate.updateTime(label, value);
    }

    @Override
    public void updateTimestamp(int column, Timestamp value) throws SQLException {
        delegate.updateTimestamp(column, value);
    }

    @Override
    public void updateTimestamp(String label, Timestamp value) throws SQLException {
        delegate.updateTimestamp(label, value);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return delegate.wasNull();
    }
}
