package dev.ferry.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Wraps a DataSource and records the SQL text of every statement executed through it, so tests
 * can count queries (like Django's {@code assertNumQueries}). Built on dynamic proxies so it works
 * with any driver. Transaction control ({@code commit}, {@code rollback}, {@code setAutoCommit})
 * is not a statement and is not recorded. One {@code executeBatch} is one entry.
 */
public final class StatementLog {

    private static final Set<String> EXECUTE = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> EXECUTE_BATCH = Set.of("executeBatch", "executeLargeBatch");

    private final List<String> statements = new ArrayList<>(); // guarded by itself
    private final DataSource dataSource;

    private StatementLog(DataSource target) {
        this.dataSource = proxy(DataSource.class, (p, m, a) -> {
            Object result = invoke(target, m, a);
            return result instanceof Connection c ? proxy(Connection.class, new ConnectionHandler(c)) : result;
        });
    }

    public static StatementLog wrap(DataSource ds) {
        return new StatementLog(ds);
    }

    /** The logging DataSource: use it in place of the wrapped one. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A copy of the SQL texts recorded so far, in execution order. */
    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    public int count() {
        synchronized (statements) {
            return statements.size();
        }
    }

    public void reset() {
        synchronized (statements) {
            statements.clear();
        }
    }

    /** A numbered listing ("1. SELECT ...") for assertion messages. */
    public String describe() {
        List<String> all = statements();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            sb.append(i + 1).append(". ").append(all.get(i)).append('\n');
        }
        return sb.toString();
    }

    private void record(String sql) {
        synchronized (statements) {
            statements.add(sql);
        }
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection target;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] a) throws Throwable {
            Object result = StatementLog.invoke(target, m, a);
            if (!(result instanceof Statement s)) {
                return result;
            }
            // A prepared statement's SQL is the first argument of prepareStatement/prepareCall.
            String sql = s instanceof PreparedStatement ? (String) a[0] : null;
            Class<? extends Statement> type = s instanceof CallableStatement ? CallableStatement.class
                    : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return proxy(type, new StatementHandler(s, sql, (Connection) proxy));
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final String preparedSql;
        private final Connection connection;
        private final List<String> batch = new ArrayList<>(); // plain Statement.addBatch(sql) texts

        StatementHandler(Statement target, String preparedSql, Connection connection) {
            this.target = target;
            this.preparedSql = preparedSql;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] a) throws Throwable {
            String name = m.getName();
            boolean hasSql = a != null && a.length > 0 && a[0] instanceof String;
            // Recorded before running, so a failing statement is in the log too.
            if (EXECUTE.contains(name)) {
                record(hasSql ? (String) a[0] : preparedSql);
            } else if (EXECUTE_BATCH.contains(name)) {
                record(preparedSql != null ? preparedSql : String.join(";\n", batch));
                batch.clear();
            } else if (name.equals("addBatch") && hasSql) {
                batch.add((String) a[0]);
            } else if (name.equals("clearBatch")) {
                batch.clear();
            } else if (name.equals("getConnection")) {
                return connection; // keep callers inside the logging proxies
            }
            return StatementLog.invoke(target, m, a);
        }
    }

    /** Calls {@code m} on the target, rethrowing the target's own exception (e.g. SQLException). */
    private static Object invoke(Object target, Method m, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        // equals/hashCode are the proxy's own identity (forwarding them would make a proxy unequal to itself).
        InvocationHandler h = (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class && !m.getName().equals("toString")) {
                return m.getName().equals("equals") ? p == a[0] : System.identityHashCode(p);
            }
            return handler.invoke(p, m, a);
        };
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
