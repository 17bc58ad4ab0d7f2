package dev.ferry.bench;

import dev.ferry.query.Col;
import dev.ferry.query.ToMany;

import java.time.LocalDateTime;

/** Typed paths of {@link Parent} (hand-written, one constant per component). */
public final class Parent_ {

    public static final Col<Parent, Long> ID = Col.of(Parent.class, "id", Long.class);
    public static final Col<Parent, String> NAME = Col.of(Parent.class, "name", String.class);
    public static final Col<Parent, Double> SCORE = Col.of(Parent.class, "score", Double.class);
    public static final Col<Parent, LocalDateTime> CREATED_AT = Col.of(Parent.class, "createdAt", LocalDateTime.class);
    public static final ToMany<Parent, Child> CHILDREN = ToMany.of(Parent.class, "children", Child.class);

    private Parent_() {
    }
}
