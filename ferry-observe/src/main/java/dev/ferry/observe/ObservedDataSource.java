package dev.ferry.observe;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Record every statement run through a wrapped {@link DataSource} into the current {@link Scope}.
 *
 * <p>Works over any data source (HikariCP, or the one Hibernate, jOOQ, JDBI or plain JDBC uses). Connections,
 * statements and result sets are hand-written delegates; {@code unwrap} reaches the driver's own objects.
 */
public final class ObservedDataSource implements DataSource {
    private final DataSource delegate;
    private final Observer observer;

    ObservedDataSource(DataSource delegate, Observer observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    /** Return the observer this data source records into. */
    public Observer observer() {
        return observer;
    }

    /** Return the wrapped data source. */
    public DataSource delegate() {
        return delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return new ObservedConnection(delegate.getConnection(), observer);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return new ObservedConnection(delegate.getConnection(username, password), observer);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
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
        return "ObservedDataSource[" + delegate + "]";
    }
}
