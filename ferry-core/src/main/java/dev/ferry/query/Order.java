package dev.ferry.query;

/** One ORDER BY term. NULL placement is always rendered explicitly, so every dialect sorts alike. */
public record Order<E>(Expr<E, ?> expr, boolean descending, Nulls nulls) {

    public enum Nulls { FIRST, LAST }

    public Order<E> nullsFirst() {
        return new Order<>(expr, descending, Nulls.FIRST);
    }

    public Order<E> nullsLast() {
        return new Order<>(expr, descending, Nulls.LAST);
    }
}
