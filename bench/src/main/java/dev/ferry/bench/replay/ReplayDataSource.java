package dev.ferry.bench.replay;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Serves the results a {@link Recorder} captured, from memory: the database and the driver's
 * decoding drop out, so what remains is the caller's own work per statement and per row. The
 * results are keyed by SQL text only, so replay a statement only with the parameters it was
 * recorded with. Build Ferry on it with an explicit dialect (there is no metadata to detect one).
 */
public final class ReplayDataSource implements DataSource {

    private final Map<String, Object[][]> results;

    public ReplayDataSource(Map<String, Object[][]> results) {
        this.results = Map.copyOf(results);
    }

    @Override
    public Connection getConnection() {
        return new ReplayConnection(results);
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
