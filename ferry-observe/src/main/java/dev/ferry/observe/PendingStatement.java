package dev.ferry.observe;

/** Hold a statement that ran but whose rows are still being read; record it once. */
final class PendingStatement {
    private final Scope scope;
    private final String sql;
    private final String shape;
    private final int parameters;
    private final int parameterHash;
    private final StackTraceElement callSite;
    private final boolean planned;
    private final String hint;
    private final long start;
    private long nanos;
    private boolean failed;
    private long rows;
    private boolean done;

    /** Start the clock: the last thing done before the driver is called. */
    PendingStatement(Scope scope, String sql, String shape, int parameters, int parameterHash,
                     StackTraceElement callSite, boolean planned, String hint) {
        this.scope = scope;
        this.sql = sql;
        this.shape = shape;
        this.parameters = parameters;
        this.parameterHash = parameterHash;
        this.callSite = callSite;
        this.planned = planned;
        this.hint = hint;
        this.start = System.nanoTime();
    }

    /** Stop the clock when the driver returns (reading the rows is the caller's time, not the statement's). */
    void stop() {
        nanos = System.nanoTime() - start;
    }

    void row() {
        rows++;
    }

    void rows(long count) {
        rows = count;
    }

    void fail() {
        failed = true;
        rows = -1;
        finish();
    }

    void finish() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        scope.add(new StatementRecord(sql, shape, parameters, parameterHash, nanos, rows, callSite, scope.name(),
                planned, failed, hint));
    }
}
