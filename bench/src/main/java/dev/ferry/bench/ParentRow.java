package dev.ferry.bench;

import java.time.LocalDateTime;

/** What hand-written JDBC builds for a parent row: the columns, no relation holder. */
public record ParentRow(long id, String name, Double score, LocalDateTime createdAt) {
}
