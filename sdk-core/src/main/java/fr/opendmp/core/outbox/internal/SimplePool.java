package fr.opendmp.core.outbox.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small pool over {@link DriverManager} for the stores the SDK opens itself (the embedded H2 file,
 * or a JDBC URL): at most {@code max} connections, idle ones reused. An application that has a
 * pool gives its {@link DataSource} instead.
 */
public final class SimplePool implements DataSource, AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final int max;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;

    /**
     * @param url the JDBC URL (never printed: it may hold a path or a password)
     * @param user the user
     * @param password the password
     * @param max the most connections open at once
     */
    public SimplePool(String url, String user, String password, int max) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.max = max;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c;
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new SQLException("the outbox store is closed");
                }
                c = idle.pollFirst();
                if (c != null || open < max) {
                    break;
                }
                try {
                    wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for a connection");
                }
            }
            if (c == null) {
                open++;
            }
        }
        if (c != null && c.isValid(2)) {
            return wrap(c);
        }
        if (c != null) {
            quietClose(c);
        }
        try {
            return wrap(DriverManager.getConnection(url, user, password));
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                open--;
                notifyAll();
            }
            throw e;
        }
    }

    private Connection wrap(Connection real) {
        // JDBC lets close() be called twice (Flyway does): the connection goes back to the pool once
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (released.compareAndSet(false, true)) {
                            release(real);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && released.get()) {
                        return true;
                    }
                    if (released.get()) {
                        throw new java.sql.SQLException("connection already given back to the pool");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void release(Connection real) {
        boolean keep;
        try {
            keep = !real.isClosed() && real.getAutoCommit();
            if (!keep) {
                real.rollback();
                real.setAutoCommit(true);
                keep = true;
            }
        } catch (SQLException e) {
            keep = false;
        }
        synchronized (this) {
            if (keep && !closed) {
                idle.addFirst(real);
            } else {
                open--;
                quietClose(real);
            }
            notifyAll();
        }
    }

    private static void quietClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(SimplePool::quietClose);
        open -= idle.size();
        idle.clear();
        notifyAll();
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
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
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    @Override
    public String toString() {
        return "SimplePool[max " + max + "]";
    }
}
