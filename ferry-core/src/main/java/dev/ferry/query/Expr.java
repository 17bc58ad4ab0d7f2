package dev.ferry.query;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;

/**
 * A typed value of a row of {@code E}: a column path, an aggregate over a relation, arithmetic, a
 * literal. Every comparison binds its values as parameters.
 *
 * @param <E> the entity the expression is evaluated against
 * @param <V> the Java type of its value
 */
public sealed interface Expr<E, V> permits Col, Aggregate, Arithmetic, Literal, SecondsBetween, TimeOfDay {

    /** The Java type of the value (boxed). */
    Class<V> type();

    default Predicate<E> eq(V value) {
        return value == null ? isNull() : new Predicate.Compare<>(this, Predicate.Op.EQ, value);
    }

    default Predicate<E> ne(V value) {
        return value == null ? isNotNull() : new Predicate.Compare<>(this, Predicate.Op.NE, value);
    }

    default Predicate<E> lt(V value) {
        return new Predicate.Compare<>(this, Predicate.Op.LT, nonNull(value));
    }

    default Predicate<E> le(V value) {
        return new Predicate.Compare<>(this, Predicate.Op.LE, nonNull(value));
    }

    default Predicate<E> gt(V value) {
        return new Predicate.Compare<>(this, Predicate.Op.GT, nonNull(value));
    }

    default Predicate<E> ge(V value) {
        return new Predicate.Compare<>(this, Predicate.Op.GE, nonNull(value));
    }

    /** Compares with another expression of the same row ({@code a.eq(b)}). */
    default Predicate<E> eq(Expr<E, ? extends V> other) {
        return new Predicate.Compare<>(this, Predicate.Op.EQ, other);
    }

    default Predicate<E> lt(Expr<E, ? extends V> other) {
        return new Predicate.Compare<>(this, Predicate.Op.LT, other);
    }

    default Predicate<E> gt(Expr<E, ? extends V> other) {
        return new Predicate.Compare<>(this, Predicate.Op.GT, other);
    }

    /** One of the values; an empty collection matches nothing. Bound as one array parameter where the dialect can. */
    default Predicate<E> in(Collection<? extends V> values) {
        return new Predicate.In<>(this, List.copyOf(values), false);
    }

    default Predicate<E> notIn(Collection<? extends V> values) {
        return new Predicate.In<>(this, List.copyOf(values), true);
    }

    /** {@code low <= value <= high}. */
    default Predicate<E> between(V low, V high) {
        return new Predicate.Between<>(this, nonNull(low), nonNull(high));
    }

    default Predicate<E> isNull() {
        return new Predicate.IsNull<>(this, false);
    }

    default Predicate<E> isNotNull() {
        return new Predicate.IsNull<>(this, true);
    }

    /** SQL LIKE with the caller's own wildcards ({@code %}, {@code _}). */
    default Predicate<E> like(String pattern) {
        return new Predicate.Like<>(this, nonNull(pattern), false);
    }

    /** Contains {@code text} literally (its {@code %} and {@code _} are escaped). */
    default Predicate<E> contains(String text) {
        return new Predicate.Like<>(this, "%" + Predicate.Like.escape(nonNull(text)) + "%", false);
    }

    /** Contains {@code text} literally, ignoring case. */
    default Predicate<E> containsIgnoreCase(String text) {
        return new Predicate.Like<>(this, "%" + Predicate.Like.escape(nonNull(text)) + "%", true);
    }

    default Predicate<E> startsWith(String text) {
        return new Predicate.Like<>(this, Predicate.Like.escape(nonNull(text)) + "%", false);
    }

    /** Ascending, NULLs last (PostgreSQL's default, so indexes match). */
    default Order<E> asc() {
        return new Order<>(this, false, Order.Nulls.LAST);
    }

    /** Descending, NULLs first (PostgreSQL's default, so indexes match). */
    default Order<E> desc() {
        return new Order<>(this, true, Order.Nulls.FIRST);
    }

    default Expr<E, V> plus(Expr<E, ? extends V> other) {
        return new Arithmetic<>(this, '+', other, type());
    }

    default Expr<E, V> minus(Expr<E, ? extends V> other) {
        return new Arithmetic<>(this, '-', other, type());
    }

    default Expr<E, V> times(Expr<E, ? extends V> other) {
        return new Arithmetic<>(this, '*', other, type());
    }

    default Expr<E, V> div(Expr<E, ? extends V> other) {
        return new Arithmetic<>(this, '/', other, type());
    }

    /** A bound constant usable in expressions. */
    static <E, V> Expr<E, V> value(V value, Class<V> type) {
        return new Literal<>(nonNull(value), type);
    }

    /** Seconds from {@code start} to {@code end} (a double; NULL when either is NULL). */
    static <E, T extends Temporal> Expr<E, Double> secondsBetween(Expr<E, T> start, Expr<E, T> end) {
        return new SecondsBetween<>(start, end);
    }

    /** The time of day of a timestamp (NULL stays NULL). */
    static <E> Expr<E, java.time.LocalTime> timeOfDay(Expr<E, java.time.LocalDateTime> timestamp) {
        return new TimeOfDay<>(timestamp);
    }

    private static <X> X nonNull(X value) {
        if (value == null) {
            throw new dev.ferry.error.InvalidQueryException(
                    "a comparison value is null; use isNull()/isNotNull() (or eq(null)) to match NULL");
        }
        return value;
    }
}
