package dev.ferry.query;

/** {@code left op right} for + - * /. */
public record Arithmetic<E, V>(Expr<E, ?> left, char op, Expr<E, ?> right, Class<V> type) implements Expr<E, V> {
}
