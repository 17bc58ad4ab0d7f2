package dev.ferry.model;

import java.util.Objects;

/**
 * A to-one relation: the foreign-key value, always known, and the target row once loaded.
 *
 * <p>Reading {@link #get()} before the target was loaded applies the fetch policy of the query
 * that produced this row (load every peer, load just this one, or throw).
 */
public final class Ref<T> {

    private static final Object UNLOADED = new Object();

    private final Object id;
    private final HolderBatch batch;
    private Object value;

    Ref(Object id, HolderBatch batch) {
        this.id = id;
        this.batch = batch;
        this.value = id == null ? null : UNLOADED;
    }

    /** A reference by key, not loaded (for records built by hand, e.g. before an insert). */
    public static <T> Ref<T> of(Object id) {
        return new Ref<>(id, null);
    }

    /** A reference whose target is known. */
    public static <T> Ref<T> of(Object id, T target) {
        Ref<T> ref = new Ref<>(id, null);
        ref.value = target;
        return ref;
    }

    /** The empty reference: a NULL foreign key. */
    public static <T> Ref<T> empty() {
        return new Ref<>(null, null);
    }

    /** The foreign-key value, without loading anything; null for a NULL foreign key. */
    @SuppressWarnings("unchecked")
    public <K> K id() {
        return (K) id;
    }

    Object rawId() {
        return id;
    }

    /** True when the foreign key is NULL. */
    public boolean isEmpty() {
        return id == null;
    }

    public boolean isLoaded() {
        return value != UNLOADED;
    }

    /** The target, or null for a NULL foreign key. Loads it by the fetch policy if needed. */
    @SuppressWarnings("unchecked")
    public T get() {
        if (value == UNLOADED) {
            if (batch == null) {
                throw new IllegalStateException("Ref(" + id + ") was built by hand and never loaded; "
                        + "load the owner through a query to read its target");
            }
            batch.load(this);
        }
        return (T) value;
    }

    void fill(Object target) {
        this.value = target;
    }

    /** Two refs are equal when they point at the same key, loaded or not. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ref<?> other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        if (id == null) {
            return "Ref[null]";
        }
        return value == UNLOADED ? "Ref[" + id + "]" : "Ref[" + id + ", loaded]";
    }
}
