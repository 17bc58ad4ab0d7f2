package dev.ferry.bench;

import dev.ferry.query.Col;
import dev.ferry.query.ToMany;
import dev.ferry.query.ToOne;

/** Typed paths of {@link Child} (hand-written, one constant per component). */
public final class Child_ {

    public static final Col<Child, Long> ID = Col.of(Child.class, "id", Long.class);
    public static final ToOne<Child, Parent> PARENT = ToOne.of(Child.class, "parent", Parent.class);
    public static final Col<Child, String> LABEL = Col.of(Child.class, "label", String.class);
    public static final Col<Child, Integer> POSITION = Col.of(Child.class, "position", Integer.class);
    public static final Col<Child, Double> VALUE = Col.of(Child.class, "value", Double.class);
    public static final ToMany<Child, Grandchild> GRANDCHILDREN = ToMany.of(Child.class, "grandchildren", Grandchild.class);

    private Child_() {
    }
}
