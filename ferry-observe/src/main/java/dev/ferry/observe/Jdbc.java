package dev.ferry.observe;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Share the reflective call and the Object-method handling of the JDBC proxies. */
final class Jdbc {
    private Jdbc() {
    }

    /** Call the delegate, rethrowing what it threw unchanged (never an InvocationTargetException). */
    static Object call(Object delegate, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Answer equals/hashCode/toString on the proxy itself, so proxies behave as distinct objects. */
    static Object objectMethod(Object proxy, Object delegate, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "Observed[" + delegate + "]";
        }
    }
}
