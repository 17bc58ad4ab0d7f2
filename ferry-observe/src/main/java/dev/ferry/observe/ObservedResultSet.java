package dev.ferry.observe;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;

/** Wrap a result set to count the rows read and record its statement when it closes. */
final class ObservedResultSet implements InvocationHandler {
    private static final Class<?>[] RESULT_SET = {ResultSet.class};

    private final ResultSet delegate;
    private final Object statementProxy;
    private final PendingStatement pending; // null when no scope was active

    private ObservedResultSet(ResultSet delegate, Object statementProxy, PendingStatement pending) {
        this.delegate = delegate;
        this.statementProxy = statementProxy;
        this.pending = pending;
    }

    static ResultSet wrap(ResultSet delegate, Object statementProxy, PendingStatement pending) {
        if (delegate == null) {
            return null;
        }
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), RESULT_SET,
                new ObservedResultSet(delegate, statementProxy, pending));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return Jdbc.objectMethod(proxy, delegate, method, args);
        }
        switch (method.getName()) {
            case "next": {
                Object more = Jdbc.call(delegate, method, args);
                if (pending != null && Boolean.TRUE.equals(more)) {
                    pending.row();
                }
                return more;
            }
            case "close":
                try {
                    return Jdbc.call(delegate, method, args);
                } finally {
                    if (pending != null) {
                        pending.finish();
                    }
                }
            case "getStatement":
                return statementProxy;
            default:
                return Jdbc.call(delegate, method, args);
        }
    }
}
