package dev.ferry.exec;

import dev.ferry.model.EntityModel;
import dev.ferry.policy.FetchPolicy;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One load: a root statement, its prefetch levels, and any later loads of their relations. Holds
 * the identity map (one object per row key within the load) and the query's fetch policy.
 */
public final class Load {

    private final Map<EntityModel<?>, Map<Object, Object>> identity = new IdentityHashMap<>();
    private final FetchPolicy queryPolicy;
    private final BatchFactory batches;
    private final String rootName;

    public Load(FetchPolicy queryPolicy, BatchFactory batches, String rootName) {
        this.queryPolicy = queryPolicy;
        this.batches = batches;
        this.rootName = rootName;
    }

    /** The identity map of one entity. Not thread-safe: a load is built by one thread at a time. */
    public Map<Object, Object> identity(EntityModel<?> model) {
        return identity.computeIfAbsent(model, m -> new HashMap<>(256));
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
