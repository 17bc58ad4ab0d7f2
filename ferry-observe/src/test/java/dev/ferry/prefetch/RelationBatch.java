package dev.ferry.prefetch;

import java.util.concurrent.Callable;

/** Stand in, on the stack only, for ferry-core's lazy relation batch (a load that is not planned). */
public final class RelationBatch {
    private RelationBatch() {
    }

    /** Run work as if a lazy relation load issued it. */
    public static <T> T run(Callable<T> work) throws Exception {
        return work.call();
    }
}
