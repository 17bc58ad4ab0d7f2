package dev.ferry.query;

/** Seconds from start to end as a double; each dialect renders its own date arithmetic. */
public record SecondsBetween<E>(Expr<E, ?> start, Expr<E, ?> end) implements Expr<E, Double> {
    @Override
    public Class<Double> type() {
        return Double.class;
    }
}
