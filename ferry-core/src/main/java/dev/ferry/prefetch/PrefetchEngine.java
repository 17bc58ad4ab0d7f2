package dev.ferry.prefetch;

import dev.ferry.exec.Readers;
import dev.ferry.exec.RowGroup;
import dev.ferry.exec.RowMapper;
import dev.ferry.exec.Statements;
import dev.ferry.model.EntityModel;
import dev.ferry.model.HolderBatch;
import dev.ferry.model.Many;
import dev.ferry.model.Property;
import dev.ferry.model.Ref;
import dev.ferry.model.Relation;
import dev.ferry.policy.LoadHints;
import dev.ferry.query.Paths;
import dev.ferry.query.PrefetchSpec;
import dev.ferry.query.QuerySpec;
import dev.ferry.sql.ArrayParam;
import dev.ferry.sql.Renderer;
import dev.ferry.sql.SelectStatement;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads prefetch levels as a worklist (as Django's prefetch_related_objects does): per level, the
 * distinct keys of every parent in the result, one statement ({@code = ANY(?)}; IN chunks where a
 * dialect has no arrays), rows bucketed by parent key and handed to each holder, then the next
 * levels over the rows just loaded. The number of statements depends on the plan, never on the rows.
 */
final class PrefetchEngine {

    private final Renderer renderer;
    private final Readers readers;

    PrefetchEngine(Renderer renderer, Readers readers) {
        this.renderer = renderer;
        this.readers = readers;
    }

    /** Runs every prefetch level of {@code specs} (and their nested levels) for the rows of {@code parents}. */
    void prefetch(Connection c, RowGroup<?> parents, List<PrefetchSpec> specs) {
        for (PrefetchSpec spec : specs) {
            level(c, parents, spec.relation(), spec.name(), spec.query(), parents.rows());
        }
    }

    /**
     * Loads one relation for {@code owners} (rows of {@code parents}): one statement for all of them,
     * then the query's own prefetches over the loaded rows.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void level(Connection c, RowGroup<?> parents, Relation rel, String name, QuerySpec<?> query, List<?> owners) {
        Property prop = rel.property();
        EntityModel<?> target = rel.target();
        String path = parents.path().isEmpty() ? rel.name() : parents.path() + "." + rel.name();
        RowGroup<Object> children = new RowGroup<>((EntityModel) target, parents.load(), path);
        int capacity = Math.max(16, owners.size() * 4 / 3 + 1);
        // To-many: one slot per owner, keyed by its id (distinct, as owners are distinct rows).
        // To-one: the holders to fill, and the distinct foreign keys (they repeat).
        Map<Object, Slot> slots = rel.isToMany() ? new HashMap<>(capacity) : null;
        List<Ref<?>> refs = rel.isToMany() ? null : new ArrayList<>(owners.size());
        Set<Object> distinct = rel.isToMany() ? null : new HashSet<>(capacity);
        List<Object> keys = new ArrayList<>(owners.size());
        for (Object owner : owners) {
            Object h = prop.read(owner);
            if (name == null && Access.loaded(h)) {
                // Loaded already (joined, or by another path through the identity map): its rows still
                // take part in the next levels.
                addLoaded(children, h);
                continue;
            }
            Object key = Access.keyOf(h);
            if (slots != null) {
                slots.put(key, new Slot(owner, (Many<Object>) h));
                keys.add(key);
            } else {
                refs.add((Ref<?>) h);
                if (key != null && distinct.add(key)) {
                    keys.add(key);
                }
            }
        }
        Map<Object, Object> targets = refs == null ? null : new HashMap<>(Math.max(16, keys.size() * 4 / 3 + 1));
        Property backRef = rel instanceof Relation.OneToMany o ? o.backRef() : null;
        if (!keys.isEmpty()) {
            Class<?> keyType = keyType(rel);
            RowMapper<Object> mapper = null;
            for (List<Object> chunk : chunks(keys)) {
                Object param = renderer.dialect().supportsArrayParameters()
                        ? new ArrayParam(keyType, chunk.toArray())
                        : chunk;
                SelectStatement s = renderer.prefetch(rel, query, param);
                if (mapper == null) {
                    mapper = new RowMapper<>(s.layout(), children, readers, keyType, !(rel instanceof Relation.ManyToMany));
                }
                RowMapper<Object> m = mapper;
                boolean nested = LoadHints.beginPrefetch();
                try {
                    Statements.query(c, renderer.dialect(), s.sql(), "prefetch of " + path, rs -> {
                        Object row = m.read(rs);
                        if (targets != null) {
                            targets.put(m.lastId(), row);
                        } else if (backRef != null) {
                            Ref<?> back = (Ref<?>) backRef.read(row);
                            Slot slot = slots.get(Access.keyOf(back));
                            slot.add(row);
                            if (!back.isLoaded()) {
                                // The child's reference back to its parent is the parent itself (as Django
                                // does): walking back up costs no statement.
                                Access.fillRef(back, slot.owner);
                            }
                        } else {
                            slots.get(m.key(rs)).add(row);
                        }
                    });
                } finally {
                    LoadHints.endPrefetch(nested);
                }
            }
        }
        if (slots != null) {
            for (Slot slot : slots.values()) {
                Access.fillMany(slot.holder, name, slot.rows == null ? List.of() : slot.rows);
            }
        } else {
            for (Ref<?> ref : refs) {
                Object key = Access.keyOf(ref);
                Access.fillRef(ref, key == null ? null : targets.get(key));
            }
        }
        if (!query.prefetches().isEmpty() && !children.rows().isEmpty()) {
            prefetch(c, children, query.prefetches());
        }
    }

    /** An owner of a to-many level, its holder, and the rows found for it. */
    private static final class Slot {
        final Object owner;
        final Many<Object> holder;
        List<Object> rows;

        Slot(Object owner, Many<Object> holder) {
            this.owner = owner;
            this.holder = holder;
        }

        void add(Object row) {
            if (rows == null) {
                rows = new ArrayList<>(4);
            }
            rows.add(row);
        }
    }

    private static void addLoaded(RowGroup<Object> children, Object holder) {
        if (holder instanceof Ref<?> ref) {
            Object target = ref.get();
            if (target != null) {
                children.addShared(target);
            }
        } else {
            for (Object o : (Many<?>) holder) {
                children.addShared(o);
            }
        }
    }

    private List<List<Object>> chunks(List<Object> keys) {
        if (renderer.dialect().supportsArrayParameters()) {
            return List.of(keys);
        }
        int size = renderer.dialect().maxInListSize();
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += size) {
            out.add(keys.subList(i, Math.min(keys.size(), i + size)));
        }
        return out;
    }

    /** The Java type of the parent key column of a prefetch statement. */
    private static Class<?> keyType(Relation rel) {
        EntityModel<?> keyOwner = rel instanceof Relation.ToOne ? rel.target() : rel.owner();
        return Paths.boxed(keyOwner.id().type());
    }

    /** Reaches HolderBatch's protected fill methods: only the loader may fill holders. */
    private static final class Access extends HolderBatch {
        @Override
        protected void load(Object holder) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected String describe() {
            return "access";
        }

        static boolean loaded(Object h) {
            return HolderBatch.isLoaded(h);
        }

        static Object keyOf(Object h) {
            return h instanceof Ref<?> r ? HolderBatch.key(r) : HolderBatch.key((Many<?>) h);
        }

        static void fillRef(Ref<?> ref, Object value) {
            HolderBatch.fill(ref, value);
        }

        static <T> void fillMany(Many<T> many, String name, List<T> rows) {
            if (name == null) {
                HolderBatch.fill(many, rows);
            } else {
                HolderBatch.fillNamed(many, name, rows);
            }
        }
    }
}
