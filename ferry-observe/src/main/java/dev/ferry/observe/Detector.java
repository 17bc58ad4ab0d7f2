package dev.ferry.observe;

import java.util.List;

/** Finds N+1 patterns among the statements of one scope. */
@FunctionalInterface
public interface Detector {
    List<NPlusOneReport> detect(String scope, List<StatementRecord> statements);
}
