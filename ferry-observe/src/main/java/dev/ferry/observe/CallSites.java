package dev.ferry.observe;

import java.util.Iterator;
import java.util.function.Supplier;

/** Find the call site of a statement and whether it is one of Ferry's planned prefetches. */
final class CallSites {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String PREFETCH_ENGINE = "dev.ferry.prefetch.PrefetchEngine";
    private static final String RELATION_BATCH = "dev.ferry.prefetch.RelationBatch";

    private final String[] excluded;
    private final Supplier<String> hints;

    CallSites(String[] excluded, Supplier<String> hints) {
        this.excluded = excluded;
        this.hints = hints;
    }

    /** The result of one stack walk, with the hint the library published for this statement, if any. */
    record Site(StackTraceElement frame, boolean planned, String hint) {
    }

    /** Walk the current stack once; call only when a scope is active. */
    Site capture() {
        return WALKER.walk(frames -> {
            StackTraceElement first = null;
            boolean engine = false;
            boolean relationBatch = false;
            // Ferry's frames sit between the driver and the caller, so the walk stops at the call site:
            // a full walk of a deep web stack on every statement would cost several microseconds.
            for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame f = it.next();
                String cls = f.getClassName();
                if (!isExcluded(cls)) {
                    first = f.toStackTraceElement();
                    break;
                }
                if (is(cls, PREFETCH_ENGINE)) {
                    engine = true;
                } else if (is(cls, RELATION_BATCH)) {
                    relationBatch = true;
                }
            }
            return new Site(first, engine && !relationBatch, hints == null ? null : hints.get());
        });
    }

    private boolean isExcluded(String cls) {
        for (String prefix : excluded) {
            if (cls.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    // Nested classes count as the class itself (a lambda body or inner helper of PrefetchEngine).
    private static boolean is(String cls, String name) {
        return cls.startsWith(name) && (cls.length() == name.length() || cls.charAt(name.length()) == '$');
    }
}
