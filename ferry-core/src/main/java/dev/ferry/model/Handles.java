package dev.ferry.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Constructors and accessors that the JIT can inline: each is a hidden class copied from a template
 * whose static final method handle is the target (see {@link ConstructorTemplate}). Where hidden
 * classes cannot be defined, a plain method handle does the same work, more slowly. Internal: the
 * types are public only because {@link Property} carries an accessor.
 */
public final class Handles {
    private Handles() {
    }

    /** Builds an entity from its component values. */
    public interface Constructor {
        Object construct(Object[] args) throws Throwable;
    }

    /** Reads one component of an entity. */
    public interface Accessor {
        Object read(Object entity) throws Throwable;
    }

    private static final byte[] CONSTRUCTOR = bytes(ConstructorTemplate.class);
    private static final byte[] ACCESSOR = bytes(AccessorTemplate.class);

    /** @param target of type {@code (Object[])Object} */
    static Constructor constructor(MethodHandle target) {
        Object fast = define(CONSTRUCTOR, target);
        if (fast != null) {
            return (Constructor) fast;
        }
        return args -> (Object) target.invokeExact(args);
    }

    /** @param target of type {@code (Object)Object} */
    static Accessor accessor(MethodHandle target) {
        Object fast = define(ACCESSOR, target);
        if (fast != null) {
            return (Accessor) fast;
        }
        return entity -> (Object) target.invokeExact(entity);
    }

    private static Object define(byte[] template, MethodHandle target) {
        if (template == null) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(template, target, true);
            return hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    private static byte[] bytes(Class<?> template) {
        try (InputStream in = template.getResourceAsStream(template.getSimpleName() + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
