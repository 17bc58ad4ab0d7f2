package dev.ferry.observe;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A statement that times each execute and records it in the current scope.
 *
 * <p>Hand-written delegation, like HikariCP's proxies and unlike a JDK dynamic proxy: no reflective call, no proxy
 * instance per statement, a shallow stack for the call-site walk. Each execute variant follows one pattern:
 * {@link #begin} (null outside a scope), the driver's call, then {@link #failed} or the method that records its
 * outcome. {@link ObservedPreparedStatement} adds the parameters; their values are only hashed, never kept.
 */
class ObservedStatement implements Statement {
    private final Statement delegate;
    private final ObservedConnection connection;
    private final String preparedSql; // null for a plain Statement

    // Parameters bound since the last execute: which indexes (a bit mask up to 63, then a BitSet), and a hash of each
    // value, so that two lookups with the same values can be told from an N+1.
    private long boundMask;
    private BitSet boundAbove63;
    private int[] valueHashes;
    private int batchHash;
    private String batchSql; // first SQL added to a plain Statement's batch
    private PendingStatement pending; // the last execute, until its result set is read and closed

    ObservedStatement(Statement delegate, ObservedConnection connection, String preparedSql) {
        this.delegate = delegate;
        this.connection = connection;
        this.preparedSql = preparedSql;
    }

    // ---- the execute pattern ----

    /** Start recording one execute: null when no scope is open (then it is only counted). */
    final PendingStatement begin(String sql, boolean batch) {
        // A new execute closes the previous result set (JDBC), so its statement is complete.
        finishPending();
        Observer observer = connection.observer;
        Scope scope = observer.current();
        if (scope == null) {
            observer.countUnscoped();
            resetAfterExecute(batch);
            return null;
        }
        String text = sql != null ? sql : batch && batchSql != null ? batchSql : preparedSql;
        int parameters = parameterCount();
        int hash = batch ? batchHash : parameterHash();
        resetAfterExecute(batch);
        String shape = SqlShapes.shapeOf(text);
        CallSites.Site site = scope.callSite(shape, observer);
        CallSites sites = observer.callSites();
        return new PendingStatement(scope, text, shape, parameters, hash, site.frame(), sites.planned(site),
                sites.hint());
    }

    /** Record an execute that threw. */
    static void failed(PendingStatement p) {
        if (p != null) {
            p.stop();
            p.fail();
        }
    }

    /** Record a query: complete when its result set closes (or the next execute, or the statement's close). */
    final ResultSet query(PendingStatement p, ResultSet rs) {
        if (p != null) {
            p.stop();
            pending = p;
        }
        return ObservedResultSet.wrap(rs, this, p);
    }

    /** Record an {@code execute}: a result set to read later, or an update count now. */
    final boolean executed(PendingStatement p, boolean hasResultSet) {
        if (p != null) {
            p.stop();
            pending = p;
            if (!hasResultSet) {
                p.rows(updateCount());
                finishPending();
            }
        }
        return hasResultSet;
    }

    /** Record an update with its count. */
    static long updated(PendingStatement p, long count) {
        if (p != null) {
            p.stop();
            p.rows(count);
            p.finish();
        }
        return count;
    }

    static int[] batched(PendingStatement p, int[] counts) {
        if (p != null) {
            long sum = 0;
            for (int n : counts) {
                if (n < 0) {
                    sum = -1; // SUCCESS_NO_INFO: the driver does not know
                    break;
                }
                sum += n;
            }
            updated(p, sum);
        }
        return counts;
    }

    static long[] batched(PendingStatement p, long[] counts) {
        if (p != null) {
            long sum = 0;
            for (long n : counts) {
                if (n < 0) {
                    sum = -1;
                    break;
                }
                sum += n;
            }
            updated(p, sum);
        }
        return counts;
    }

    final void finishPending() {
        PendingStatement p = pending;
        if (p != null) {
            pending = null;
            p.finish();
        }
    }

    private long updateCount() {
        try {
            return delegate.getUpdateCount();
        } catch (SQLException e) {
            return -1;
        }
    }

    // ---- parameters ----

    final void bind(int index, int valueHash) {
        if (index < 0) {
            return; // the driver will reject it; nothing to count
        }
        if (index < 64) {
            boundMask |= 1L << index;
        } else {
            if (boundAbove63 == null) {
                boundAbove63 = new BitSet();
            }
            boundAbove63.set(index);
        }
        int[] hashes = valueHashes;
        if (hashes == null || index >= hashes.length) {
            hashes = valueHashes = hashes == null ? new int[Math.max(8, index + 1)]
                    : Arrays.copyOf(hashes, Math.max(index + 1, hashes.length * 2));
        }
        hashes[index] = valueHash;
    }

    private int parameterCount() {
        return Long.bitCount(boundMask) + (boundAbove63 == null ? 0 : boundAbove63.cardinality());
    }

    private int parameterHash() {
        int h = 1;
        for (long m = boundMask; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            h = 31 * (31 * h + i) + valueHashes[i];
        }
        if (boundAbove63 != null) {
            for (int i = boundAbove63.nextSetBit(0); i >= 0; i = boundAbove63.nextSetBit(i + 1)) {
                h = 31 * (31 * h + i) + valueHashes[i];
            }
        }
        return h;
    }

    final void clearBound() {
        boundMask = 0;
        if (boundAbove63 != null) {
            boundAbove63.clear();
        }
    }

    final void addBatchParameters() {
        batchHash = 31 * batchHash + parameterHash();
    }

    private void resetAfterExecute(boolean batch) {
        clearBound();
        if (batch) {
            batchHash = 0;
            batchSql = null;
        }
    }

    static int hash(int v) {
        return Integer.hashCode(v);
    }

    static int hash(long v) {
        return Long.hashCode(v);
    }

    static int hash(short v) {
        return Short.hashCode(v);
    }

    static int hash(byte v) {
        return Byte.hashCode(v);
    }

    static int hash(boolean v) {
        return Boolean.hashCode(v);
    }

    static int hash(float v) {
        return Float.hashCode(v);
    }

    static int hash(double v) {
        return Double.hashCode(v);
    }

    static int hash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Array) {
            try {
                // Arrays bound as = ANY(?) carry the ids; hash their content so two lookups can be compared.
                Object content = ((Array) value).getArray();
                return Arrays.deepHashCode(new Object[] {content});
            } catch (SQLException | RuntimeException e) {
                return System.identityHashCode(value);
            }
        }
        if (value.getClass().isArray()) {
            return Arrays.deepHashCode(new Object[] {value});
        }
        return value.hashCode();
    }

    // ---- Statement: the intercepted methods ----

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        PendingStatement p = begin(sql, false);
        ResultSet rs;
        try {
            rs = delegate.executeQuery(sql);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return query(p, rs);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        PendingStatement p = begin(sql, false);
        boolean hasResultSet;
        try {
            hasResultSet = delegate.execute(sql);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return executed(p, hasResultSet);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        PendingStatement p = begin(sql, false);
        boolean hasResultSet;
        try {
            hasResultSet = delegate.execute(sql, autoGeneratedKeys);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return executed(p, hasResultSet);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        PendingStatement p = begin(sql, false);
        boolean hasResultSet;
        try {
            hasResultSet = delegate.execute(sql, columnIndexes);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return executed(p, hasResultSet);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        PendingStatement p = begin(sql, false);
        boolean hasResultSet;
        try {
            hasResultSet = delegate.execute(sql, columnNames);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return executed(p, hasResultSet);
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        PendingStatement p = begin(sql, false);
        int count;
        try {
            count = delegate.executeUpdate(sql);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        updated(p, count);
        return count;
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        PendingStatement p = begin(sql, false);
        int count;
        try {
            count = delegate.executeUpdate(sql, autoGeneratedKeys);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        updated(p, count);
        return count;
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        PendingStatement p = begin(sql, false);
        int count;
        try {
            count = delegate.executeUpdate(sql, columnIndexes);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        updated(p, count);
        return count;
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        PendingStatement p = begin(sql, false);
        int count;
        try {
            count = delegate.executeUpdate(sql, columnNames);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        updated(p, count);
        return count;
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        PendingStatement p = begin(sql, false);
        long count;
        try {
            count = delegate.executeLargeUpdate(sql);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return updated(p, count);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        PendingStatement p = begin(sql, false);
        long count;
        try {
            count = delegate.executeLargeUpdate(sql, autoGeneratedKeys);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return updated(p, count);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        PendingStatement p = begin(sql, false);
        long count;
        try {
            count = delegate.executeLargeUpdate(sql, columnIndexes);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return updated(p, count);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        PendingStatement p = begin(sql, false);
        long count;
        try {
            count = delegate.executeLargeUpdate(sql, columnNames);
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return updated(p, count);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        PendingStatement p = begin(null, true);
        int[] counts;
        try {
            counts = delegate.executeBatch();
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return batched(p, counts);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        PendingStatement p = begin(null, true);
        long[] counts;
        try {
            counts = delegate.executeLargeBatch();
        } catch (Throwable t) {
            failed(p);
            throw t;
        }
        return batched(p, counts);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        if (batchSql == null) {
            batchSql = sql;
        }
        addBatchParameters();
        delegate.addBatch(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        batchHash = 0;
        batchSql = null;
        delegate.clearBatch();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return ObservedResultSet.wrap(delegate.getResultSet(), this, pending);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return ObservedResultSet.wrap(delegate.getGeneratedKeys(), this, null);
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        finishPending();
        connection.closed(this);
        delegate.close();
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
    public void cancel() throws SQLException {
        delegate.cancel();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        delegate.closeOnCompletion();
    }

    @Override
    public String enquoteIdentifier(String arg, boolean value) throws SQLException {
        return delegate.enquoteIdentifier(arg, value);
    }

    @Override
    public String enquoteLiteral(String value) throws SQLException {
        return delegate.enquoteLiteral(value);
    }

    @Override
    public String enquoteNCharLiteral(String value) throws SQLException {
        return delegate.enquoteNCharLiteral(value);
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
    public long getLargeMaxRows() throws SQLException {
        return delegate.getLargeMaxRows();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return delegate.getLargeUpdateCount();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return delegate.getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        return delegate.getMaxRows();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return delegate.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int index) throws SQLException {
        return delegate.getMoreResults(index);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return delegate.getQueryTimeout();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return delegate.getResultSetConcurrency();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return delegate.getResultSetHoldability();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return delegate.getResultSetType();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return delegate.getUpdateCount();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return delegate.isCloseOnCompletion();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return delegate.isPoolable();
    }

    @Override
    public boolean isSimpleIdentifier(String value) throws SQLException {
        return delegate.isSimpleIdentifier(value);
    }

    @Override
    public void setCursorName(String value) throws SQLException {
        delegate.setCursorName(value);
    }

    @Override
    public void setEscapeProcessing(boolean value) throws SQLException {
        delegate.setEscapeProcessing(value);
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
    public void setLargeMaxRows(long value) throws SQLException {
        delegate.setLargeMaxRows(value);
    }

    @Override
    public void setMaxFieldSize(int value) throws SQLException {
        delegate.setMaxFieldSize(value);
    }

    @Override
    public void setMaxRows(int value) throws SQLException {
        delegate.setMaxRows(value);
    }

    @Override
    public void setPoolable(boolean value) throws SQLException {
        delegate.setPoolable(value);
    }

    @Override
    public void setQueryTimeout(int value) throws SQLException {
        delegate.setQueryTimeout(value);
    }
}
