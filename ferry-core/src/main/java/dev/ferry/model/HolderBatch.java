package dev.ferry.model;

import java.util.List;

/**
 * The holders of one relation for the rows of one result. A holder that is read before it was
 * loaded asks its batch, and the batch applies the fetch policy: load every peer in one query,
 * load just this one, or refuse.
 *
 * <p>Only subclasses (the loader) can fill holders; application code only reads them.
 */
public abstract class HolderBatch {

    /** Loads {@code holder} (and, by policy, its peers). Must fill it or throw. */
    protected abstract void load(Object holder);

    /** Names the relation for messages, e.g. {@code Occurrence.detections}. */
    protected abstract String describe();

    /** A new to-one holder of this batch, not loaded (loaded and empty when {@code id} is null). */
    public final <T> Ref<T> newRef(Object id) {
        return new Ref<>(id, this);
    }

    /** A new to-many holder of this batch for the owner with key {@code ownerKey}, not loaded. */
    public final <T> Many<T> newMany(Object ownerKey) {
        return new Many<>(ownerKey, this);
    }

    protected static Object key(Ref<?> ref) {
        return ref.rawId();
    }

    protected static Object key(Many<?> many) {
        return many.ownerKey();
    }

    protected static boolean isLoaded(Object holder) {
        return holder instanceof Ref<?> r ? r.isLoaded() : ((Many<?>) holder).isLoaded();
    }

    protected static void fill(Ref<?> ref, Object value) {
        ref.fill(value);
    }

    protected static <T> void fill(Many<T> many, List<T> items) {
        many.fill(items);
    }

    protected static void fillNamed(Many<?> many, String name, List<?> items) {
        many.fillNamed(name, items);
    }
}
