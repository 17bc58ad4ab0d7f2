package dev.ferry.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A to-many relation: the related rows once loaded, in the order the prefetch query gave them, and
 * any named prefetches of the same relation (Django's {@code to_attr}).
 *
 * <p>Reading the rows before they were loaded applies the fetch policy of the query that produced
 * the owner (load every peer, load just this one, or throw).
 */
public final class Many<T> implements Iterable<T> {

    private final Object ownerKey;
    private final HolderBatch batch;
    private List<T> items;
    private Map<String, List<?>> named;

    Many(Object ownerKey, HolderBatch batch) {
        this.ownerKey = ownerKey;
        this.batch = batch;
    }

    /** A loaded holder with the given rows (for records built by hand). */
    public static <T> Many<T> of(List<T> items) {
        Many<T> many = new Many<>(null, null);
        many.items = List.copyOf(items);
        return many;
    }

    Object ownerKey() {
        return ownerKey;
    }

    public boolean isLoaded() {
        return items != null;
    }

    /** The related rows (unmodifiable). Loads them by the fetch policy if needed. */
    public List<T> get() {
        if (items == null) {
            if (batch == null) {
                throw new IllegalStateException("this Many was built by hand and never loaded");
            }
            batch.load(this);
        }
        return items;
    }

    public int size() {
        return get().size();
    }

    public boolean isEmpty() {
        return get().isEmpty();
    }

    /** The first related row, or null when there is none. */
    public T first() {
        List<T> list = get();
        return list.isEmpty() ? null : list.get(0);
    }

    @Override
    public Iterator<T> iterator() {
        return get().iterator();
    }

    /**
     * The rows of the named prefetch {@code name} of this relation
     * ({@code prefetch(Occurrence_.DETECTIONS.as(name), q -> ...)}).
     */
    @SuppressWarnings("unchecked")
    public List<T> named(String name) {
        List<?> list = named == null ? null : named.get(name);
        if (list == null) {
            String relation = batch == null ? "this relation" : batch.describe();
            throw new IllegalStateException("No prefetch named '" + name + "' was loaded for " + relation
                    + (named == null ? "" : "; loaded names: " + named.keySet())
                    + ". Add .prefetch(<relation>.as(\"" + name + "\"), q -> ...) to the query.");
        }
        return (List<T>) list;
    }

    void fill(List<T> rows) {
        this.items = Collections.unmodifiableList(rows);
    }

    void fillNamed(String name, List<?> rows) {
        if (named == null) {
            named = new HashMap<>(4);
        }
        named.put(name, Collections.unmodifiableList(rows));
    }

    /** Two holders are equal when both are loaded with equal rows, or both unloaded for the same owner. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Many<?> other)) {
            return false;
        }
        if (items == null || other.items == null) {
            return items == other.items && java.util.Objects.equals(ownerKey, other.ownerKey);
        }
        return items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items == null ? java.util.Objects.hashCode(ownerKey) : items.hashCode();
    }

    @Override
    public String toString() {
        return items == null ? "Many[not loaded]" : "Many" + items;
    }
}
