package dev.ferry.query;

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

    public static <E, T, V> Expr<E, V> min(ToMany<E, T> relation, Col<T, V> column) {
        return new Aggregate<>(Aggregate.Fn.MIN, relation.path(), column, null, column.type());
    }

    public static <E, T, V> Expr<E, V> max(ToMany<E, T> relation, Col<T, V> column) {
        return new Aggregate<>(Aggregate.Fn.MAX, relation.path(), column, null, column.type());
    }

    public static <E, T, V> Expr<E, V> min(ToMany<E, T> relation, Col<T, V> column, Predicate<T> filter) {
        return new Aggregate<>(Aggregate.Fn.MIN, relation.path(), column, filter, column.type());
    }

    public static <E, T, V> Expr<E, V> max(ToMany<E, T> relation, Col<T, V> column, Predicate<T> filter) {
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
}
