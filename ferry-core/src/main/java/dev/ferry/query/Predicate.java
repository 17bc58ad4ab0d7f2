package dev.ferry.query;

import java.util.ArrayList;
import java.util.List;

/** A condition on rows of {@code E}. Values are always bound parameters. */
public sealed interface Predicate<E> {

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String sql;

        Op(String sql) {
            this.sql = sql;
        }
    }

    default Predicate<E> and(Predicate<E> other) {
        return all(List.of(this, other));
    }

    default Predicate<E> or(Predicate<E> other) {
        return any(List.of(this, other));
    }

    default Predicate<E> negate() {
        return new Not<>(this);
    }

    /** All of the conditions (an empty list is always true). */
    @SafeVarargs
    static <E> Predicate<E> all(Predicate<E>... conditions) {
        List<Predicate<E>> list = new ArrayList<>(conditions.length);
        for (Predicate<E> c : conditions) {
            list.add(c);
        }
        return all(list);
    }

    static <E> Predicate<E> all(List<Predicate<E>> conditions) {
        List<Predicate<E>> flat = new ArrayList<>();
        for (Predicate<E> c : conditions) {
            if (c instanceof And<E> and) {
                flat.addAll(and.terms());
            } else if (c != null) {
                flat.add(c);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new And<>(flat);
    }

    /** Any of the conditions (an empty list is always false). */
    @SafeVarargs
    static <E> Predicate<E> any(Predicate<E>... conditions) {
        List<Predicate<E>> list = new ArrayList<>(conditions.length);
        for (Predicate<E> c : conditions) {
            list.add(c);
        }
        return any(list);
    }

    static <E> Predicate<E> any(List<Predicate<E>> conditions) {
        List<Predicate<E>> flat = new ArrayList<>();
        for (Predicate<E> c : conditions) {
            if (c instanceof Or<E> or) {
                flat.addAll(or.terms());
            } else if (c != null) {
                flat.add(c);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Or<>(flat);
    }

    static <E> Predicate<E> not(Predicate<E> condition) {
        return new Not<>(condition);
    }

    /** {@code left op right}; right is a value or an {@link Expr}. */
    record Compare<E>(Expr<E, ?> left, Op op, Object right) implements Predicate<E> {
    }

    record In<E>(Expr<E, ?> left, List<?> values, boolean negated) implements Predicate<E> {
    }

    record Between<E>(Expr<E, ?> expr, Object low, Object high) implements Predicate<E> {
    }

    record IsNull<E>(Expr<E, ?> expr, boolean negated) implements Predicate<E> {
    }

    /** LIKE with {@code \} as the escape character. */
    record Like<E>(Expr<E, ?> expr, String pattern, boolean ignoreCase) implements Predicate<E> {
        /** Escapes LIKE wildcards so {@code text} matches literally. */
        public static String escape(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    record And<E>(List<Predicate<E>> terms) implements Predicate<E> {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or<E>(List<Predicate<E>> terms) implements Predicate<E> {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not<E>(Predicate<E> term) implements Predicate<E> {
    }

    /** Some row of the to-many relation at {@code relation} matches {@code condition} (null: any row). */
    record Exists<E>(List<String> relation, Class<?> target, Predicate<?> condition) implements Predicate<E> {
        public Exists {
            relation = List.copyOf(relation);
        }
    }
}
