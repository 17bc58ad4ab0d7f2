package dev.ferry.exec;

import dev.ferry.model.EntityModel;
import dev.ferry.policy.FetchPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load: a root statement, its prefetch levels, and any later loads of their relations. Holds
 * the identity map (one object per row key within the load) and the query's fetch policy.
 *
 * <p>The identity map of an entity is built only when the entity shows up a second time in the
 * load: rows known to be new (the first statement of an entity) are registered as unindexed groups
 * and indexed on demand. A load that meets each entity once (the common case) hashes nothing.
 */
public final class Load {

    private final Map<EntityModel<?>, Map<Object, Object>> identity = new IdentityHashMap<>();
    private final Map<EntityModel<?>, List<RowGroup<?>>> unindexed = new IdentityHashMap<>();
    private final FetchPolicy queryPolicy;
    private final BatchFactory batches;
    private final String rootName;

    public Load(FetchPolicy queryPolicy, BatchFactory batches, String rootName) {
        this.queryPolicy = queryPolicy;
        this.batches = batches;
        this.rootName = rootName;
    }

    /** Whether rows of {@code model} were already read in this load. */
    public boolean seen(EntityModel<?> model) {
        return identity.containsKey(model) || unindexed.containsKey(model);
    }

    /** Registers a group whose rows are new to this load; it is indexed if the entity shows up again. */
    public void unindexed(EntityModel<?> model, RowGroup<?> group) {
        unindexed.computeIfAbsent(model, m -> new ArrayList<>(2)).add(group);
    }

    /**
     * The identity map of one entity, with every row read so far. Not thread-safe: a load is built by
     * one thread at a time (later loads lock the load).
     */
    public Map<Object, Object> identity(EntityModel<?> model) {
        Map<Object, Object> map = identity.computeIfAbsent(model, m -> new HashMap<>(256));
        List<RowGroup<?>> pending = unindexed.remove(model);
        if (pending != null) {
            for (RowGroup<?> group : pending) {
                for (Object row : group.rows()) {
                    map.putIfAbsent(model.id().read(row), row);
                }
            }
        }
        return map;
    }

    /** The policy the query set, or null to inherit. */
    public FetchPolicy queryPolicy() {
        return queryPolicy;
    }

    public BatchFactory batches() {
        return batches;
    }

    /** The root entity's name, for messages ("the query on Occurrence"). */
    public String rootName() {
        return rootName;
    }
}
