package dev.ferry.query;

import java.util.List;

/** Aggregates over a to-many relation, usable in {@code annotate}, {@code where} and {@code orderBy}. */
public final class Agg {
    private Agg() {
    }

    /** The number of related rows (0 when none). */
    public static <E, T> Expr<E, Long> count(ToMany<E, T> relation) {
        return new Aggregate<>(Aggregate.Fn.COUNT, relation.path(), null, null, Long.class);
    }

    /** The number of related rows matching {@code filter}. */
    public static <E, T> Expr<E, Long> count(ToMany<E, T> relation, Predicate<T> filter) {
        return new Aggregate<>(Aggregate.Fn.COUNT, relation.path(), null, filter, Long.class);
    }

    /** The smallest value of {@code column} (a column or an expression, e.g. {@code Expr.timeOfDay(...)}). */
    public static <E, T, V> Expr<E, V> min(ToMany<E, T> relation, Expr<T, V> column) {
        return new Aggregate<>(Aggregate.Fn.MIN, relation.path(), column, null, column.type());
    }

    public static <E, T, V> Expr<E, V> max(ToMany<E, T> relation, Expr<T, V> column) {
        return new Aggregate<>(Aggregate.Fn.MAX, relation.path(), column, null, column.type());
    }

    public static <E, T, V> Expr<E, V> min(ToMany<E, T> relation, Expr<T, V> column, Predicate<T> filter) {
        return new Aggregate<>(Aggregate.Fn.MIN, relation.path(), column, filter, column.type());
    }

    public static <E, T, V> Expr<E, V> max(ToMany<E, T> relation, Expr<T, V> column, Predicate<T> filter) {
        return new Aggregate<>(Aggregate.Fn.MAX, relation.path(), column, filter, column.type());
    }

    /** The sum, as {@code resultType} (e.g. Long for an integer column, Double for a float one). */
    public static <E, T, V extends Number, R extends Number> Expr<E, R> sum(ToMany<E, T> relation, Col<T, V> column,
                                                                           Class<R> resultType) {
        return new Aggregate<>(Aggregate.Fn.SUM, relation.path(), column, null, resultType);
    }

    public static <E, T, V extends Number> Expr<E, Double> avg(ToMany<E, T> relation, Col<T, V> column) {
        return new Aggregate<>(Aggregate.Fn.AVG, relation.path(), column, null, Double.class);
    }

    /**
     * The value of {@code column} in the first related row matching {@code filter} (null for all) in
     * {@code orders}, ended by the row key; NULL when there is none. E.g. the first detection's image:
     * {@code Agg.first(DETECTIONS, Detection_.PATH, Detection_.PATH.isNotNull(), Detection_.FRAME_NUM.asc())}.
     */
    @SafeVarargs
    public static <E, T, V> Expr<E, V> first(ToMany<E, T> relation, Expr<T, V> column, Predicate<T> filter,
                                             Order<T>... orders) {
        return new Aggregate<>(Aggregate.Fn.FIRST, relation.path(), column, filter, List.of(orders), column.type());
    }
}
