package dev.ferry.observe;

/**
 * Receive every statement recorded in a scope and every N+1 report, e.g. to count them in a metrics system.
 *
 * <p>Set with {@link Observer.Builder#metrics(StatementSink)}. {@link #statement} is called on the thread that ran
 * the statement, once the statement is complete (its rows read), so it must be cheap and thread-safe. Statements
 * run outside any scope are only counted by the observer and never reach the sink. An exception thrown by a sink
 * is logged and otherwise ignored: metrics must never fail a request.
 */
public interface StatementSink {
    /** Called once per statement recorded in a scope. */
    void statement(StatementRecord r);

    /** Called once per N+1 report, when the scope that holds it closes. */
    default void report(NPlusOneReport r) {
    }
}
