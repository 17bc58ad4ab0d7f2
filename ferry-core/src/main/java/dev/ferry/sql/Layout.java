package dev.ferry.sql;

import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Relation;

import java.util.List;

/**
 * Where each value sits in a statement's rows, so the mapper reads by column index only.
 *
 * @param keyColumn the parent key of a prefetch row (1-based); 0 for a root statement
 * @param root      the entity of the statement and the to-one entities joined into it
 * @param computed  {@code @Computed} values and their columns
 */
public record Layout(int keyColumn, Node root, List<Computed> computed) {

    /**
     * One entity in a row: its columns are {@code model.columns()} in order from {@code start}.
     *
     * @param via      the to-one relation from the parent node; null for the root
     * @param path     dotted path from the statement's entity ("" for the root)
     * @param children to-one relations joined from this entity
     */
    public record Node(EntityModel<?> model, Relation.ToOne via, String path, int start, List<Node> children) {
    }

    public record Computed(Property target, int column) {
    }
}
