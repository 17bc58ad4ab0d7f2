package dev.ferry.bench.replay;

/**
 * Every abstract method of {@link java.sql.Array} throws; subclasses override what they serve.
 * Generated from the interface by reflection (JDK 25, JDBC 4.3); regenerate rather than edit by hand.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedArray implements java.sql.Array {

    @Override
    public void free() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.free");
    }

    @Override
    public Object getArray() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
    }

    @Override
    public Object getArray(java.util.Map<String, Class<?>> a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
    }

    @Override
    public Object getArray(long a0, int a1, java.util.Map<String, Class<?>> a2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
    }

    @Override
    public Object getArray(long a0, int a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
    }

    @Override
    public String getBaseTypeName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getBaseTypeName");
    }

    @Override
    public int getBaseType() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getBaseType");
    }

    @Override
    public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
    }

    @Override
    public java.sql.ResultSet getResultSet(java.util.Map<String, Class<?>> a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
    }

    @Override
    public java.sql.ResultSet getResultSet(long a0, int a1, java.util.Map<String, Class<?>> a2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
    }

    @Override
    public java.sql.ResultSet getResultSet(long a0, int a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
    }
}
