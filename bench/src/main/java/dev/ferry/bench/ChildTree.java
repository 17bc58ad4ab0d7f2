package dev.ferry.bench;

import java.util.List;

/** Hand-written JDBC's child: the foreign key as a plain long, and its grandchildren. */
public record ChildTree(long id, long parentId, String label, int position, Double value, List<GrandchildTree> grandchildren) {
}
