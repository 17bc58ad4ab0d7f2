package dev.ferry.query;

/** A constant, bound as a parameter. */
public record Literal<E, V>(V value, Class<V> type) implements Expr<E, V> {
}
