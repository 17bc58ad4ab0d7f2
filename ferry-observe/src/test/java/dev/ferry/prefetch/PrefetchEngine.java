package dev.ferry.prefetch;

import java.util.concurrent.Callable;

/** Stand in, on the stack only, for ferry-core's prefetch engine (ferry-observe must not depend on ferry-core). */
public final class PrefetchEngine {
    private PrefetchEngine() {
    }

    /** Run work as if the engine issued it. */
    public static <T> T run(Callable<T> work) throws Exception {
        return work.call();
    }
}
