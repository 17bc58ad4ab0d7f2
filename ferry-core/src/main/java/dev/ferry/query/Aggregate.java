package dev.ferry.query;

import java.util.List;

/**
 * COUNT/MIN/MAX/SUM/AVG over the rows of a to-many relation of each row, optionally filtered, or
 * FIRST: the value of the first related row in an ordering. Rendered as a correlated subquery, so it
 * is computed only for the rows returned (after the page is cut) and never multiplies rows. Build
 * with {@link Agg}.
 *
 * @param fn       the function
 * @param relation path to the to-many relation from the root
 * @param column   the value over the related row (a column or an expression of it); null for COUNT
 * @param filter   a condition on the related rows; null for all
 * @param orders   for FIRST, the ordering of the related rows (their key ends it); empty otherwise
 * @param type     the Java type of the result
 */
public record Aggregate<E, V>(Fn fn, List<String> relation, Expr<?, ?> column, Predicate<?> filter,
                              List<Order<?>> orders, Class<V> type) implements Expr<E, V> {

    public enum Fn { COUNT, MIN, MAX, SUM, AVG, FIRST }

    public Aggregate {
        relation = List.copyOf(relation);
        orders = List.copyOf(orders);
    }

    Aggregate(Fn fn, List<String> relation, Expr<?, ?> column, Predicate<?> filter, Class<V> type) {
        this(fn, relation, column, filter, List.of(), type);
    }
}
