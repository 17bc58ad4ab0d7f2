package dev.ferry.model;

import dev.ferry.error.MappingException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Ferry knows about one entity record: its table, key, columns, relations and how to build it.
 * Built once per record class by {@link Models}; immutable apart from the lazily resolved relations.
 */
public final class EntityModel<T> {

    private final Models models;
    private final Class<T> type;
    private final String table;
    private final Property id;
    private final List<Property> properties;
    private final List<Property> columns;
    private final Map<String, Property> byName;
    private final Handles.Constructor constructor;
    private final Map<String, Relation> relations = new ConcurrentHashMap<>();

    EntityModel(Models models, Class<T> type, String table, List<Property> properties, Handles.Constructor constructor) {
        this.models = models;
        this.type = type;
        this.table = table;
        this.properties = List.copyOf(properties);
        this.constructor = constructor;
        List<Property> cols = new ArrayList<>();
        Map<String, Property> names = new LinkedHashMap<>();
        Property key = null;
        for (Property p : properties) {
            if (p.isColumn()) {
                cols.add(p);
            }
            if (p.kind() == Property.Kind.ID) {
                key = p;
            }
            names.put(p.name(), p);
        }
        // Column names are accepted as aliases (determination_score, determination_id), for HTTP-style paths.
        for (Property p : properties) {
            if (p.column() != null) {
                names.putIfAbsent(p.column(), p);
            }
            names.putIfAbsent(Names.snake(p.name()), p);
        }
        this.id = key;
        this.columns = List.copyOf(cols);
        this.byName = names;
    }

    public Class<T> type() {
        return type;
    }

    public String name() {
        return type.getSimpleName();
    }

    public String table() {
        return table;
    }

    public Property id() {
        return id;
    }

    /** Every component, in constructor order. */
    public List<Property> properties() {
        return properties;
    }

    /** The components read from the table (key, columns, foreign keys), in constructor order. */
    public List<Property> columns() {
        return columns;
    }

    public Models models() {
        return models;
    }

    /** The component called {@code name} (component name or column name). */
    public Property property(String name) {
        Property p = byName.get(name);
        if (p == null) {
            throw new MappingException(name() + " has no component '" + name + "'; "
                    + Names.suggest(name, propertyNames()));
        }
        return p;
    }

    public Property findProperty(String name) {
        return byName.get(name);
    }

    List<String> propertyNames() {
        return properties.stream().map(Property::name).toList();
    }

    /** The relation called {@code name}, resolved against its target entity. */
    public Relation relation(String name) {
        Relation r = relations.get(name);
        if (r != null) {
            return r;
        }
        Property p = byName.get(name);
        if (p == null || !p.isRelation()) {
            List<String> rels = properties.stream().filter(Property::isRelation).map(Property::name).toList();
            throw new MappingException(name() + " has no relation '" + name + "'; "
                    + (rels.isEmpty() ? "it has no relations" : Names.suggest(name, rels)));
        }
        r = models.resolve(this, p);
        relations.putIfAbsent(name, r);
        relations.putIfAbsent(p.name(), r);
        return r;
    }

    /** Builds an instance from component values in constructor order. */
    @SuppressWarnings("unchecked")
    public T construct(Object[] args) {
        try {
            return (T) constructor.construct(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("cannot construct " + name() + ": " + t, t);
        }
    }

    @Override
    public String toString() {
        return "EntityModel[" + name() + " -> " + table + "]";
    }
}
