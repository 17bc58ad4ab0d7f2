package dev.ferry.exec;

import dev.ferry.model.EntityModel;
import dev.ferry.model.HolderBatch;
import dev.ferry.model.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The rows of one entity that one statement (or one prefetch level) produced. A relation read on
 * any of them loads, under PEERS, for all of them: they share one batch per relation.
 */
public final class RowGroup<T> {

    private final EntityModel<T> model;
    private final Load load;
    private final String path;
    private final List<T> rows = new ArrayList<>();
    private final Set<Object> members;
    private final HolderBatch[] batches;

    /**
     * @param path   dotted path from the root entity of the load ("" for the root)
     * @param dedupe whether the same object may arrive twice (joins, many-to-many, shared targets)
     */
    public RowGroup(EntityModel<T> model, Load load, String path, boolean dedupe) {
        this.model = model;
        this.load = load;
        this.path = path;
        this.members = dedupe ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        this.batches = new HolderBatch[model.properties().size()];
    }

    public EntityModel<T> model() {
        return model;
    }

    public Load load() {
        return load;
    }

    public String path() {
        return path;
    }

    public List<T> rows() {
        return rows;
    }

    public void add(T row) {
        if (members == null || members.add(row)) {
            rows.add(row);
        }
    }

    /** The batch for the relation component {@code p}, made on first use. */
    public HolderBatch batch(Property p) {
        HolderBatch b = batches[p.index()];
        if (b == null) {
            b = load.batches().create(this, model.relation(p.name()));
            batches[p.index()] = b;
        }
        return b;
    }
}
