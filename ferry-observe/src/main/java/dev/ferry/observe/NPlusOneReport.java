package dev.ferry.observe;

/**
 * A repeated statement shape that looks like an N+1.
 *
 * @param scope      the scope it happened in
 * @param shape      the normalised SQL shape
 * @param count      how many times it ran
 * @param totalNanos their total time
 * @param callSite   where it was issued from
 * @param rule       which rule fired ("production" or "test")
 * @param hint       the fix, where one can be told (e.g. "add .prefetch(\"detections\")"); null otherwise
 */
public record NPlusOneReport(String scope, String shape, int count, long totalNanos, StackTraceElement callSite,
                             String rule, String hint) {
}
