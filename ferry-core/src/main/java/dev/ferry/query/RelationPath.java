package dev.ferry.query;

import java.util.List;

/** A typed path to a relation: {@link ToOne} or {@link ToMany}. */
public sealed interface RelationPath<E, T> permits ToOne, ToMany {
    Class<E> root();

    List<String> path();

    Class<T> target();

    default String dotted() {
        return String.join(".", path());
    }
}
