package dev.ferry.bench;

/** Hand-written JDBC's grandchild. */
public record GrandchildTree(long id, long childId, String note, Double weight) {
}
