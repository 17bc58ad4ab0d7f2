package dev.ferry.observe;

/**
 * One executed statement, as the observer saw it.
 *
 * @param sql           the SQL text as sent (placeholders, never bound values)
 * @param shape         the normalised shape ({@link SqlShapes#normalize}): literals and IN lists folded
 * @param parameters    how many parameters were bound
 * @param parameterHash a hash of the bound values, so two identical lookups can be told from an N+1
 * @param nanos         execution time of the execute call
 * @param rows          rows read (queries, counted as the result set is read) or updated; -1 when unknown
 * @param callSite      the first stack frame outside Ferry, the JDBC driver, the pool and the web framework
 * @param scope         the name of the scope it ran in
 * @param planned       whether it is one of Ferry's planned prefetch statements (never an N+1)
 * @param failed        whether the statement threw
 * @param hint          what a library could tell about the statement's cause, e.g. Ferry's
 *                      {@code Occurrence.detections: add .prefetch("detections") ...}; null when none
 */
public record StatementRecord(String sql, String shape, int parameters, int parameterHash, long nanos, long rows,
                              StackTraceElement callSite, String scope, boolean planned, boolean failed, String hint) {
}
