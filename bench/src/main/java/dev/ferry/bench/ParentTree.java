package dev.ferry.bench;

import java.time.LocalDateTime;
import java.util.List;

/** Hand-written JDBC's parent with its children: plain records with list fields. */
public record ParentTree(long id, String name, Double score, LocalDateTime createdAt, List<ChildTree> children) {
}
