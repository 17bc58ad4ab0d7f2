package dev.ferry.model;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Never used as is: {@link Handles} copies its bytes into one hidden class per entity, whose class
 * data is that entity's spread constructor. As a static final field the handle is a constant to the
 * JIT, which then compiles {@code construct} to a direct {@code new} (a handle in an instance field
 * is an opaque call).
 */
final class ConstructorTemplate implements Handles.Constructor {
    private static final MethodHandle TARGET;

    static {
        try {
            TARGET = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Object construct(Object[] args) throws Throwable {
        return (Object) TARGET.invokeExact(args);
    }
}
