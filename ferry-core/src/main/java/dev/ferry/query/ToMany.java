package dev.ferry.query;

import java.util.List;

/** A typed path to a to-many relation ({@code Occurrence_.DETECTIONS}); chain with {@code then}. */
public record ToMany<E, T>(Class<E> root, List<String> path, Class<T> target) implements RelationPath<E, T> {

    public ToMany {
        path = List.copyOf(path);
    }

    public static <E, T> ToMany<E, T> of(Class<E> root, String path, Class<T> target) {
        return new ToMany<>(root, Col.split(path), target);
    }

    /** A column of the related rows; in a predicate it means "some related row matches" (EXISTS). */
    public <V> Col<E, V> then(Col<T, V> column) {
        return new Col<>(root, Col.concat(path, column.path()), column.type());
    }

    public <U> ToMany<E, U> then(ToOne<T, U> next) {
        return new ToMany<>(root, Col.concat(path, next.path()), next.target());
    }

    public <U> ToMany<E, U> then(ToMany<T, U> next) {
        return new ToMany<>(root, Col.concat(path, next.path()), next.target());
    }

    /** Some related row matches {@code condition} (one EXISTS: all conditions hold for the same row). */
    public Predicate<E> any(Predicate<T> condition) {
        return new Predicate.Exists<>(path, target, condition);
    }

    /** Some related row exists. */
    public Predicate<E> isNotEmpty() {
        return new Predicate.Exists<>(path, target, null);
    }

    /** No related row exists. */
    public Predicate<E> isEmpty() {
        return new Predicate.Not<>(isNotEmpty());
    }

    /** No related row matches {@code condition}. */
    public Predicate<E> none(Predicate<T> condition) {
        return new Predicate.Not<>(any(condition));
    }

    /**
     * The same relation under another name, for a named prefetch (Django {@code to_attr}): read back
     * with {@code owner.detections().named(name)}.
     */
    public Named<E, T> as(String name) {
        return new Named<>(this, name);
    }

    @Override
    public String toString() {
        return root.getSimpleName() + "." + dotted();
    }

    /** A to-many relation under a prefetch name. */
    public record Named<E, T>(ToMany<E, T> relation, String name) {
        public Named {
            if (name == null || name.isBlank()) {
                throw new dev.ferry.error.InvalidQueryException("a prefetch name must not be empty");
            }
        }
    }
}
