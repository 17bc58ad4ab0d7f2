package dev.ferry.bench.replay;

/**
 * Every abstract method of {@link java.sql.Connection} throws; subclasses override what they serve.
 * Generated from the interface by reflection (JDK 25, JDBC 4.3); regenerate rather than edit by hand.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedConnection implements java.sql.Connection {

    @Override
    public void abort(java.util.concurrent.Executor a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.abort");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.clearWarnings");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.close");
    }

    @Override
    public void commit() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.commit");
    }

    @Override
    public java.sql.Array createArrayOf(String a0, Object[] a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createArrayOf");
    }

    @Override
    public java.sql.Blob createBlob() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createBlob");
    }

    @Override
    public java.sql.Clob createClob() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createClob");
    }

    @Override
    public java.sql.NClob createNClob() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createNClob");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createSQLXML");
    }

    @Override
    public java.sql.Statement createStatement() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createStatement");
    }

    @Override
    public java.sql.Statement createStatement(int a0, int a1, int a2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createStatement");
    }

    @Override
    public java.sql.Statement createStatement(int a0, int a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createStatement");
    }

    @Override
    public java.sql.Struct createStruct(String a0, Object[] a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.createStruct");
    }

    @Override
    public boolean getAutoCommit() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getAutoCommit");
    }

    @Override
    public String getCatalog() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getCatalog");
    }

    @Override
    public java.util.Properties getClientInfo() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getClientInfo");
    }

    @Override
    public String getClientInfo(String a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getClientInfo");
    }

    @Override
    public int getHoldability() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getHoldability");
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getMetaData");
    }

    @Override
    public int getNetworkTimeout() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getNetworkTimeout");
    }

    @Override
    public String getSchema() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getSchema");
    }

    @Override
    public int getTransactionIsolation() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getTransactionIsolation");
    }

    @Override
    public java.util.Map<String, Class<?>> getTypeMap() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getTypeMap");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.getWarnings");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.isClosed");
    }

    @Override
    public boolean isReadOnly() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.isReadOnly");
    }

    @Override
    public boolean isValid(int a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.isValid");
    }

    @Override
    public boolean isWrapperFor(Class<?> a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.isWrapperFor");
    }

    @Override
    public String nativeSQL(String a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.nativeSQL");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String a0, int a1, int a2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareCall");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String a0, int[] a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String a0, String[] a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String a0, int a1, int a2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String a0, int a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.prepareStatement");
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.releaseSavepoint");
    }

    @Override
    public void rollback() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.rollback");
    }

    @Override
    public void rollback(java.sql.Savepoint a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.rollback");
    }

    @Override
    public void setAutoCommit(boolean a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setAutoCommit");
    }

    @Override
    public void setCatalog(String a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setCatalog");
    }

    @Override
    public void setClientInfo(String a0, String a1) throws java.sql.SQLClientInfoException {
        throw new java.sql.SQLClientInfoException("Connection.setClientInfo", null);
    }

    @Override
    public void setClientInfo(java.util.Properties a0) throws java.sql.SQLClientInfoException {
        throw new java.sql.SQLClientInfoException("Connection.setClientInfo", null);
    }

    @Override
    public void setHoldability(int a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setHoldability");
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor a0, int a1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setNetworkTimeout");
    }

    @Override
    public void setReadOnly(boolean a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setReadOnly");
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setSavepoint");
    }

    @Override
    public java.sql.Savepoint setSavepoint(String a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setSavepoint");
    }

    @Override
    public void setSchema(String a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setSchema");
    }

    @Override
    public void setTransactionIsolation(int a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setTransactionIsolation");
    }

    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.setTypeMap");
    }

    @Override
    public <T> T unwrap(Class<T> a0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("Connection.unwrap");
    }
}
