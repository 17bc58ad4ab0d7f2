package dev.ferry.model;

import java.lang.reflect.Type;

/**
 * One record component of an entity: a column, the key, a relation holder, or a computed value.
 *
 * @param name        the component name ({@code determinationScore})
 * @param kind        what the component is
 * @param type        the raw Java type ({@code Double}, {@code Ref}, {@code Many})
 * @param genericType the full type ({@code Ref<Taxon>})
 * @param index       position in the canonical constructor
 * @param column      the column name for ID, COLUMN and TO_ONE; null otherwise
 * @param nullable    whether the column may be NULL
 * @param target      the related entity class for relations; null otherwise
 * @param accessor    reads the component from an instance
 */
public record Property(String name, Kind kind, Class<?> type, Type genericType, int index, String column,
                       boolean nullable, Class<?> target, Handles.Accessor accessor) {

    public enum Kind { ID, COLUMN, TO_ONE, ONE_TO_MANY, MANY_TO_MANY, COMPUTED }

    public boolean isColumn() {
        return kind == Kind.ID || kind == Kind.COLUMN || kind == Kind.TO_ONE;
    }

    public boolean isRelation() {
        return kind == Kind.TO_ONE || kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
    }

    /** Reads this component from an entity instance. */
    public Object read(Object entity) {
        try {
            return accessor.read(entity);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read " + name, t);
        }
    }
}
