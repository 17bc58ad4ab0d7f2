package dev.ferry.query;

import dev.ferry.model.Relation;

/**
 * One prefetch level: the relation, an optional name (a named prefetch fills {@code Many.named}),
 * and the query for the related rows, which carries the next levels as its own prefetches.
 *
 * @param custom whether the user gave the query (else it is the default: all rows, by key)
 */
public record PrefetchSpec(Relation relation, String name, QuerySpec<?> query, boolean custom) {

    /** {@code detections} or {@code detections as first_image}. */
    public String label() {
        return name == null ? relation.name() : relation.name() + " as " + name;
    }
}
