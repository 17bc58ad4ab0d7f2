package dev.ferry.exec;

import dev.ferry.model.EntityModel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link EntityReader} per entity, made on first use and shared by every load. */
public final class Readers {
    private final Map<EntityModel<?>, EntityReader<?>> readers = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <T> EntityReader<T> of(EntityModel<T> model) {
        return (EntityReader<T>) readers.computeIfAbsent(model, EntityReader::new);
    }
}
