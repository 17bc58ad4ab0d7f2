package dev.ferry.query;

import java.util.List;

/** A typed path to a to-one relation ({@code Occurrence_.DETERMINATION}); chain with {@code then}. */
public record ToOne<E, T>(Class<E> root, List<String> path, Class<T> target) implements RelationPath<E, T> {

    public ToOne {
        path = List.copyOf(path);
    }

    public static <E, T> ToOne<E, T> of(Class<E> root, String path, Class<T> target) {
        return new ToOne<>(root, Col.split(path), target);
    }

    public <V> Col<E, V> then(Col<T, V> column) {
        return new Col<>(root, Col.concat(path, column.path()), column.type());
    }

    public <U> ToOne<E, U> then(ToOne<T, U> next) {
        return new ToOne<>(root, Col.concat(path, next.path()), next.target());
    }

    public <U> ToMany<E, U> then(ToMany<T, U> next) {
        return new ToMany<>(root, Col.concat(path, next.path()), next.target());
    }

    /** The foreign-key value, as a column ({@code determination_id}). */
    public Col<E, Object> id() {
        return new Col<>(root, path, Object.class);
    }

    /** The foreign key is NULL. */
    public Predicate<E> isNull() {
        return id().isNull();
    }

    public Predicate<E> isNotNull() {
        return id().isNotNull();
    }

    /** The foreign key equals {@code id} (no join). */
    public Predicate<E> idEq(Object id) {
        return id().eq(id);
    }

    /** The foreign key is one of {@code ids} (no join). */
    public Predicate<E> idIn(java.util.Collection<?> ids) {
        return id().in(ids);
    }

    @Override
    public String toString() {
        return root.getSimpleName() + "." + dotted();
    }
}
