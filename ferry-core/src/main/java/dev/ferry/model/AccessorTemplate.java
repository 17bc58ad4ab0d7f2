package dev.ferry.model;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/** Never used as is: the per-component copy of {@link ConstructorTemplate}'s trick for accessors. */
final class AccessorTemplate implements Handles.Accessor {
    private static final MethodHandle TARGET;

    static {
        try {
            TARGET = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Object read(Object entity) throws Throwable {
        return (Object) TARGET.invokeExact(entity);
    }
}
