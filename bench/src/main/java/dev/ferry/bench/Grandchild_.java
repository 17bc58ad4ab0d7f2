package dev.ferry.bench;

import dev.ferry.query.Col;
import dev.ferry.query.ToOne;

/** Typed paths of {@link Grandchild} (hand-written, one constant per component). */
public final class Grandchild_ {

    public static final Col<Grandchild, Long> ID = Col.of(Grandchild.class, "id", Long.class);
    public static final ToOne<Grandchild, Child> CHILD = ToOne.of(Grandchild.class, "child", Child.class);
    public static final Col<Grandchild, String> NOTE = Col.of(Grandchild.class, "note", String.class);
    public static final Col<Grandchild, Double> WEIGHT = Col.of(Grandchild.class, "weight", Double.class);

    private Grandchild_() {
    }
}
