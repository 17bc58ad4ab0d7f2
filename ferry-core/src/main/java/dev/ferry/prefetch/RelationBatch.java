package dev.ferry.prefetch;

import dev.ferry.error.NotLoadedException;
import dev.ferry.exec.RowGroup;
import dev.ferry.model.HolderBatch;
import dev.ferry.model.Names;
import dev.ferry.model.Relation;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.policy.LoadHints;

import java.util.ArrayList;
import java.util.List;

/** The holders of one relation in one row group; applies the fetch policy when one is read unloaded. */
final class RelationBatch extends HolderBatch {

    private final Loader loader;
    private final RowGroup<?> group;
    private final Relation relation;

    RelationBatch(Loader loader, RowGroup<?> group, Relation relation) {
        this.loader = loader;
        this.group = group;
        this.relation = relation;
    }

    @Override
    protected void load(Object holder) {
        // Later loads of one load share its identity map: one at a time.
        synchronized (group.load()) {
            loadLocked(holder);
        }
    }

    private void loadLocked(Object holder) {
        if (isLoaded(holder)) {
            return; // a peer load filled it while this thread waited
        }
        FetchPolicy policy = FetchPolicy.effective(group.load().queryPolicy(), loader.defaultPolicy());
        if (policy == FetchPolicy.RAISE) {
            throw new NotLoadedException(notLoadedMessage());
        }
        List<Object> owners;
        if (policy == FetchPolicy.ONE) {
            owners = List.of(ownerOf(holder));
        } else {
            owners = new ArrayList<>();
            for (Object row : group.rows()) {
                if (!isLoaded(relation.property().read(row))) {
                    owners.add(row);
                }
            }
        }
        String previous = LoadHints.set(relation.describe() + ": add " + fix() + " to the query on " + group.load().rootName());
        try {
            loader.loadLater(group, relation, owners);
        } finally {
            LoadHints.restore(previous);
        }
    }

    /** The row that owns {@code holder} (a scan: ONE is the slow path by definition). */
    private Object ownerOf(Object holder) {
        for (Object row : group.rows()) {
            if (relation.property().read(row) == holder) {
                return row;
            }
        }
        throw new IllegalStateException("holder not in its group: " + relation.describe());
    }

    @Override
    protected String describe() {
        return relation.describe();
    }

    /** Names the relation and the exact call that loads it with the root query. */
    String notLoadedMessage() {
        return relation.describe() + " was read but not loaded, and the fetch policy is RAISE. "
                + "Load it with the query: add " + fix() + " to the query on " + group.load().rootName() + ".";
    }

    /** The call that loads this relation with the root query: {@code .prefetch("detections.classifications")}. */
    private String fix() {
        String path = group.path().isEmpty() ? relation.name() : group.path() + "." + relation.name();
        StringBuilder fix = new StringBuilder();
        if (!relation.isToMany()) {
            fix.append(".join(\"").append(path).append("\") or ");
        }
        fix.append(".prefetch(\"").append(path).append("\")");
        if (group.path().isEmpty()) {
            fix.append(" (typed: ").append(group.load().rootName()).append("_.")
                    .append(Names.constant(relation.name())).append(')');
        }
        return fix.toString();
    }
}
