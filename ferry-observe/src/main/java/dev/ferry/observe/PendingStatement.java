package dev.ferry.observe;

/** Hold a statement that ran but whose rows are still being read; record it once. */
final class PendingStatement {
    private final Scope scope;
    private final String sql;
    private final int parameters;
    private final int parameterHash;
    private final long nanos;
    private final CallSites.Site site;
    private final boolean failed;
    private long rows;
    private boolean done;

    PendingStatement(Scope scope, String sql, int parameters, int parameterHash, long nanos, CallSites.Site site,
                     boolean failed, long rows) {
        this.scope = scope;
        this.sql = sql;
        this.parameters = parameters;
        this.parameterHash = parameterHash;
        this.nanos = nanos;
        this.site = site;
        this.failed = failed;
        this.rows = rows;
    }

    void row() {
        rows++;
    }

    void finish() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        scope.add(new StatementRecord(sql, sql == null ? null : SqlShapes.shapeOf(sql), parameters, parameterHash,
                nanos, rows, site.frame(), scope.name(), site.planned(), failed, site.hint()));
    }
}
