package dev.ferry.observe;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;

/** Wrap a connection so its statements are observed. */
final class ObservedConnection implements InvocationHandler {
    private static final Class<?>[] CONNECTION = {Connection.class};

    final Connection delegate;
    final Observer observer;
    Connection proxy;
    // Statements not yet closed, so closing the connection records what they still hold.
    private final ArrayList<ObservedStatement> open = new ArrayList<>();

    private ObservedConnection(Connection delegate, Observer observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    static Connection wrap(Connection delegate, Observer observer) {
        ObservedConnection handler = new ObservedConnection(delegate, observer);
        handler.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), CONNECTION, handler);
        return handler.proxy;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return Jdbc.objectMethod(proxy, delegate, method, args);
        }
        switch (method.getName()) {
            case "createStatement":
                return statement(Statement.class, method, args, null);
            case "prepareStatement":
                return statement(PreparedStatement.class, method, args, (String) args[0]);
            case "prepareCall":
                return statement(CallableStatement.class, method, args, (String) args[0]);
            case "close":
                flush();
                return Jdbc.call(delegate, method, args);
            default:
                return Jdbc.call(delegate, method, args);
        }
    }

    private Object statement(Class<? extends Statement> type, Method method, Object[] args, String sql)
            throws Throwable {
        Statement raw = (Statement) Jdbc.call(delegate, method, args);
        ObservedStatement handler = new ObservedStatement(raw, this, sql);
        synchronized (open) {
            open.add(handler);
        }
        return handler.proxy(type);
    }

    void closed(ObservedStatement statement) {
        synchronized (open) {
            // Statements usually close in reverse order of creation: scan from the tail.
            for (int i = open.size() - 1; i >= 0; i--) {
                if (open.get(i) == statement) {
                    open.remove(i);
                    return;
                }
            }
        }
    }

    private void flush() {
        ObservedStatement[] all;
        synchronized (open) {
            all = open.toArray(new ObservedStatement[0]);
            open.clear();
        }
        for (ObservedStatement s : all) {
            s.finishPending();
        }
    }
}
