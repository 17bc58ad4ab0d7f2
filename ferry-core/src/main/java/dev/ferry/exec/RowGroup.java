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
    private final HolderBatch[] batches;
    /** The rows as an identity set, made only once a row may arrive twice. */
    private Set<Object> members;

    /** @param path dotted path from the root entity of the load ("" for the root) */
    public RowGroup(EntityModel<T> model, Load load, String path) {
        this.model = model;
        this.load = load;
        this.path = path;
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

    /** Adds a row just built: new to the load, so not in this group yet. */
    public void add(T row) {
        rows.add(row);
        if (members != null) {
            members.add(row);
        }
    }

    /** Adds a row that may be here already (from the identity map, or loaded by another path). */
    public void addShared(T row) {
        if (members == null) {
            members = Collections.newSetFromMap(new IdentityHashMap<>(Math.max(16, rows.size() * 2)));
            members.addAll(rows);
        }
        if (members.add(row)) {
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
