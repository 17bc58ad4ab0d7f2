package dev.ferry.observe;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.BitSet;

/** Wrap a statement to time each execute and record it in the current scope. */
final class ObservedStatement implements InvocationHandler {
    private final Statement delegate;
    private final ObservedConnection connection;
    private final String preparedSql; // null for a plain Statement
    private Object proxy;

    // Parameters bound since the last execute: which indexes, and a hash of each value.
    private final BitSet bound = new BitSet();
    private int[] valueHashes = new int[8];
    private int batchHash;
    private String batchSql; // first SQL added to a plain Statement's batch
    private PendingStatement pending;

    ObservedStatement(Statement delegate, ObservedConnection connection, String preparedSql) {
        this.delegate = delegate;
        this.connection = connection;
        this.preparedSql = preparedSql;
    }

    Object proxy(Class<? extends Statement> type) {
        proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this);
        return proxy;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Class<?> owner = method.getDeclaringClass();
        if (owner == Object.class) {
            return Jdbc.objectMethod(proxy, delegate, method, args);
        }
        String name = method.getName();
        if (name.startsWith("execute")) {
            return execute(method, args);
        }
        if ((owner == PreparedStatement.class || owner == CallableStatement.class) && name.startsWith("set")
                && args != null && args.length >= 2 && args[0] instanceof Integer) {
            bind((Integer) args[0], args[1]);
            return Jdbc.call(delegate, method, args);
        }
        switch (name) {
            case "getResultSet":
                return ObservedResultSet.wrap((ResultSet) Jdbc.call(delegate, method, args), proxy, pending);
            case "getGeneratedKeys":
                return ObservedResultSet.wrap((ResultSet) Jdbc.call(delegate, method, args), proxy, null);
            case "getConnection":
                return connection.proxy;
            case "clearParameters":
                resetParameters();
                return Jdbc.call(delegate, method, args);
            case "addBatch":
                if (args != null && args.length == 1 && batchSql == null) {
                    batchSql = (String) args[0];
                }
                batchHash = 31 * batchHash + parameterHash();
                return Jdbc.call(delegate, method, args);
            case "clearBatch":
                batchHash = 0;
                batchSql = null;
                return Jdbc.call(delegate, method, args);
            case "close":
                finishPending();
                connection.closed(this);
                return Jdbc.call(delegate, method, args);
            default:
                return Jdbc.call(delegate, method, args);
        }
    }

    private Object execute(Method method, Object[] args) throws Throwable {
        // A new execute closes the previous result set (JDBC), so its statement is complete.
        finishPending();
        boolean batch = method.getName().endsWith("Batch");
        Scope scope = connection.observer.current();
        if (scope == null) {
            connection.observer.countUnscoped();
            resetAfterExecute(batch);
            Object result = Jdbc.call(delegate, method, args);
            return result instanceof ResultSet ? ObservedResultSet.wrap((ResultSet) result, proxy, null) : result;
        }
        String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0]
                : batch && batchSql != null ? batchSql : preparedSql;
        int parameters = bound.cardinality();
        int hash = batch ? batchHash : parameterHash();
        resetAfterExecute(batch);
        CallSites.Site site = connection.observer.callSites().capture();
        Object result;
        long start = System.nanoTime();
        try {
            result = method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            long nanos = System.nanoTime() - start;
            new PendingStatement(scope, sql, parameters, hash, nanos, site, true, -1).finish();
            throw e.getCause();
        }
        long nanos = System.nanoTime() - start;
        if (result instanceof ResultSet) {
            pending = new PendingStatement(scope, sql, parameters, hash, nanos, site, false, 0);
            return ObservedResultSet.wrap((ResultSet) result, proxy, pending);
        }
        if (result instanceof Boolean) {
            boolean hasResultSet = (Boolean) result;
            long rows = hasResultSet ? 0 : updateCount();
            pending = new PendingStatement(scope, sql, parameters, hash, nanos, site, false, rows);
            if (!hasResultSet) {
                finishPending();
            }
            return result;
        }
        new PendingStatement(scope, sql, parameters, hash, nanos, site, false, rows(result)).finish();
        return result;
    }

    void finishPending() {
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

    private static long rows(Object result) {
        if (result instanceof Number) {
            return ((Number) result).longValue();
        }
        long sum = 0;
        if (result instanceof int[]) {
            for (int n : (int[]) result) {
                if (n < 0) {
                    return -1; // SUCCESS_NO_INFO: the driver does not know
                }
                sum += n;
            }
            return sum;
        }
        if (result instanceof long[]) {
            for (long n : (long[]) result) {
                if (n < 0) {
                    return -1;
                }
                sum += n;
            }
            return sum;
        }
        return -1;
    }

    private void bind(int index, Object value) {
        if (index < 0) {
            return; // the driver will reject it; nothing to count
        }
        if (index >= valueHashes.length) {
            valueHashes = Arrays.copyOf(valueHashes, Math.max(index + 1, valueHashes.length * 2));
        }
        bound.set(index);
        valueHashes[index] = hashOf(value);
    }

    private int parameterHash() {
        int h = 1;
        for (int i = bound.nextSetBit(0); i >= 0; i = bound.nextSetBit(i + 1)) {
            h = 31 * (31 * h + i) + valueHashes[i];
        }
        return h;
    }

    private void resetAfterExecute(boolean batch) {
        resetParameters();
        if (batch) {
            batchHash = 0;
            batchSql = null;
        }
    }

    private void resetParameters() {
        bound.clear();
    }

    private static int hashOf(Object value) {
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
}
