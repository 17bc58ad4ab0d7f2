package dev.ferry.maintain;

import dev.ferry.model.EntityModel;
import dev.ferry.model.Relation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each table's writes can change, from the declarations: the table is the owner of maintained
 * columns (its own columns and foreign keys are read), the child table of aggregates, or a row
 * reached through to-one relations. One trigger set per table serves all its roles.
 */
final class Roles {

    private Roles() {
    }

    /** The owner's row is read directly: {@code read} are its columns whose change recomputes {@code columns}. */
    record Owner(EntityModel<?> owner, List<Declared> columns, Set<String> read) {
    }

    /** Child rows of {@code relation}: a change of {@code read} (the foreign key first) recomputes their owners. */
    record Child(Relation.OneToMany relation, List<Declared> columns, Set<String> read) {
        EntityModel<?> owner() {
            return relation.owner();
        }

        EntityModel<?> child() {
            return relation.target();
        }
    }

    /** Rows reached from the owner through {@code prefix}: a change of {@code read} recomputes the owners reaching them. */
    record Target(List<Relation.ToOne> prefix, List<Declared> columns, Set<String> read) {
        EntityModel<?> owner() {
            return prefix.get(0).owner();
        }

        EntityModel<?> target() {
            return prefix.get(prefix.size() - 1).target();
        }

        /** The path to the target's key from the owner: its names, the last one read as the foreign key. */
        List<String> path() {
            return prefix.stream().map(Relation::name).toList();
        }
    }

    /** The roles of one table. */
    static final class Table {
        final String name;
        final EntityModel<?> model;
        Owner owner;
        final List<Child> children = new ArrayList<>();
        final List<Target> targets = new ArrayList<>();

        Table(String name, EntityModel<?> model) {
            this.name = name;
            this.model = model;
        }
    }

    /** The tables written by the declarations' triggers, in declaration order. */
    static List<Table> of(List<Declared> declared) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<EntityModel<?>, List<Declared>> owners = new LinkedHashMap<>();
        Map<Relation.OneToMany, List<Declared>> children = new LinkedHashMap<>();
        Map<List<Relation.ToOne>, List<Declared>> targets = new LinkedHashMap<>();
        Map<Object, Set<String>> read = new LinkedHashMap<>();
        for (Declared d : declared) {
            owners.computeIfAbsent(d.owner, k -> new ArrayList<>()).add(d);
            read.computeIfAbsent(d.owner, k -> new LinkedHashSet<>()).addAll(d.ownerColumns);
            for (Map.Entry<Relation.OneToMany, Set<String>> e : d.children.entrySet()) {
                children.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(d);
                read.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).addAll(e.getValue());
            }
            for (Map.Entry<List<Relation.ToOne>, Set<String>> e : d.targets.entrySet()) {
                targets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(d);
                read.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).addAll(e.getValue());
            }
        }
        for (Map.Entry<EntityModel<?>, List<Declared>> e : owners.entrySet()) {
            table(tables, e.getKey()).owner = new Owner(e.getKey(), e.getValue(), read.get(e.getKey()));
        }
        for (Map.Entry<Relation.OneToMany, List<Declared>> e : children.entrySet()) {
            table(tables, e.getKey().target()).children.add(new Child(e.getKey(), e.getValue(), read.get(e.getKey())));
        }
        for (Map.Entry<List<Relation.ToOne>, List<Declared>> e : targets.entrySet()) {
            Target t = new Target(e.getKey(), e.getValue(), read.get(e.getKey()));
            table(tables, t.target()).targets.add(t);
        }
        return List.copyOf(tables.values());
    }

    private static Table table(Map<String, Table> tables, EntityModel<?> model) {
        return tables.computeIfAbsent(model.table(), k -> new Table(k, model));
    }
}
