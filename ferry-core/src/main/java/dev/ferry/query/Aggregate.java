package dev.ferry.query;

import java.util.List;

/**
 * COUNT/MIN/MAX/SUM/AVG over the rows of a to-many relation of each row, optionally filtered.
 * Rendered as a correlated subquery, so it is computed only for the rows returned (after the page
 * is cut) and never multiplies rows. Build with {@link Agg}.
 *
 * @param fn       the function
 * @param relation path to the to-many relation from the root
 * @param column   the column of the related row; null for COUNT
 * @param filter   a condition on the related rows; null for all
 * @param type     the Java type of the result
 */
public record Aggregate<E, V>(Fn fn, List<String> relation, Col<?, ?> column, Predicate<?> filter, Class<V> type)
        implements Expr<E, V> {

    public enum Fn { COUNT, MIN, MAX, SUM, AVG }

    public Aggregate {
        relation = List.copyOf(relation);
    }
}
