package dev.ferry.bench.replay;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A DataSource that runs statements on a real database and records them: the SQL text of every
 * prepared statement, in order, and each query's rows decoded to Java values. The caller reads the
 * recorded rows through a {@link ReplayResultSet}, so a recorded run returns what a replayed run will.
 * Set-up only: it uses reflection proxies and is not meant to be fast.
 */
public final class Recorder implements DataSource {

    private final DataSource real;
    private final List<String> statements = new ArrayList<>();
    private final Map<String, Object[][]> results = new LinkedHashMap<>();

    public Recorder(DataSource real) {
        this.real = real;
    }

    /** SQL texts prepared since the last {@link #clearStatements()}, in order. */
    public synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    public synchronized void clearStatements() {
        statements.clear();
    }

    /** Every query result recorded, by SQL text. */
    public synchronized Map<String, Object[][]> results() {
        return new LinkedHashMap<>(results);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = real.getConnection();
        return (Connection) Proxy.newProxyInstance(Recorder.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Forward(c) {
                    @Override
                    Object around(Method m, Object[] args) throws Throwable {
                        if (m.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                            synchronized (Recorder.this) {
                                statements.add(sql);
                            }
                            PreparedStatement ps = (PreparedStatement) call(m, args);
                            return statement(ps, sql);
                        }
                        return call(m, args);
                    }
                });
    }

    private PreparedStatement statement(PreparedStatement ps, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(Recorder.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new Forward(ps) {
                    @Override
                    Object around(Method m, Object[] args) throws Throwable {
                        if (m.getName().equals("executeQuery") && (args == null || args.length == 0)) {
                            Object[][] rows;
                            try (ResultSet rs = ps.executeQuery()) {
                                rows = read(rs);
                            }
                            synchronized (Recorder.this) {
                                results.put(sql, rows);
                            }
                            return new ReplayResultSet(rows);
                        }
                        return call(m, args);
                    }
                });
    }

    /** Every row, each column decoded once by its SQL type. */
    static Object[][] read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = md.getColumnType(i + 1);
        }
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = value(rs, i + 1, types[i]);
            }
            rows.add(row);
        }
        return rows.toArray(Object[][]::new);
    }

    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        Object v = switch (type) {
            case Types.BIGINT -> rs.getLong(column);
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getInt(column);
            case Types.DOUBLE, Types.FLOAT -> rs.getDouble(column);
            case Types.REAL -> rs.getFloat(column);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(column);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NVARCHAR -> rs.getString(column);
            case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case Types.TIME -> rs.getObject(column, java.time.LocalTime.class);
            case Types.DATE -> rs.getObject(column, java.time.LocalDate.class);
            case Types.ARRAY -> {
                // decoded now: the driver's array reads through its connection, which replay does not have
                java.sql.Array a = rs.getArray(column);
                yield a == null ? null : new ReplayArray(a.getBaseTypeName(), (Object[]) a.getArray());
            }
            default -> rs.getObject(column);
        };
        return rs.wasNull() ? null : v;
    }

    /** Forwards every call to the target, unwrapping reflection's exceptions. */
    private abstract static class Forward implements InvocationHandler {
        private final Object target;

        Forward(Object target) {
            this.target = target;
        }

        abstract Object around(Method m, Object[] args) throws Throwable;

        final Object call(Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public final Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "recording " + target;
                };
            }
            return around(m, args);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
