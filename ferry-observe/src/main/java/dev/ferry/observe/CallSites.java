package dev.ferry.observe;

import java.util.Iterator;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Find the call site of a statement and whether it is one of Ferry's planned prefetches. */
final class CallSites {
    private static final String PREFETCH_ENGINE = "dev.ferry.prefetch.PrefetchEngine";
    private static final String RELATION_BATCH = "dev.ferry.prefetch.RelationBatch";
    private static final int CALLER = 0;
    private static final int EXCLUDED = 1;
    private static final int ENGINE = 2;
    private static final int BATCH = 3;
    private static final Integer[] KINDS = {CALLER, EXCLUDED, ENGINE, BATCH};

    // The JDK's default first batch: a larger estimate makes every walk fill (and allocate) more frames.
    private final StackWalker walker = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));
    private final String[] excluded;
    private final Supplier<String> hints;
    private final BooleanSupplier planned; // null: planned is read from the stack
    // What each class is to the walk, decided once per class rather than by prefix comparisons per frame.
    private final ClassValue<Integer> kinds = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return KINDS[kindOf(type.getName())];
        }
    };

    CallSites(String[] excluded, Supplier<String> hints, BooleanSupplier planned) {
        this.excluded = excluded;
        this.hints = hints;
        this.planned = planned;
    }

    /** Whether the library said the statement about to run is planned, or else what the walk found. */
    boolean planned(Site site) {
        return planned != null ? planned.getAsBoolean() : site.planned();
    }

    /** The result of one stack walk: the call site (null if every frame is excluded), and whether it is planned. */
    record Site(StackTraceElement frame, boolean planned) {
    }

    /** No walk was made: the call site is unknown, and the statement is not known to be planned. */
    static final Site UNKNOWN = new Site(null, false);

    /** The hint the library published for the statement about to run, if any (e.g. Ferry's lazy-load fix). */
    String hint() {
        return hints == null ? null : hints.get();
    }

    /** Walk the current stack once; call only when a scope is active. */
    Site capture() {
        return walker.walk(frames -> {
            StackWalker.StackFrame first = null;
            boolean engine = false;
            boolean relationBatch = false;
            // Ferry's frames sit between the driver and the caller, so the walk stops at the call site:
            // a full walk of a deep web stack on every statement would cost several microseconds.
            for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame f = it.next();
                int kind = kinds.get(f.getDeclaringClass());
                if (kind == CALLER) {
                    first = f;
                    break;
                }
                if (kind == ENGINE) {
                    engine = true;
                } else if (kind == BATCH) {
                    relationBatch = true;
                }
            }
            return new Site(first == null ? null : first.toStackTraceElement(), engine && !relationBatch);
        });
    }

    private int kindOf(String cls) {
        if (is(cls, PREFETCH_ENGINE)) {
            return ENGINE;
        }
        if (is(cls, RELATION_BATCH)) {
            return BATCH;
        }
        for (String prefix : excluded) {
            if (cls.startsWith(prefix)) {
                return EXCLUDED;
            }
        }
        return CALLER;
    }

    // Nested classes count as the class itself (a lambda body or inner helper of PrefetchEngine).
    private static boolean is(String cls, String name) {
        return cls.startsWith(name) && (cls.length() == name.length() || cls.charAt(name.length()) == '$');
    }
}
