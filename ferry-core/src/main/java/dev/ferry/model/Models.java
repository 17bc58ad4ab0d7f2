package dev.ferry.model;

import dev.ferry.error.MappingException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registry of entity models: reads record classes once, resolves relations between them. */
public final class Models {

    private final Map<Class<?>, EntityModel<?>> models = new ConcurrentHashMap<>();

    /** The model of {@code type}, read on first use. */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> of(Class<T> type) {
        EntityModel<?> m = models.get(type);
        if (m == null) {
            m = read(type);
            EntityModel<?> prev = models.putIfAbsent(type, m);
            if (prev != null) {
                m = prev;
            }
        }
        return (EntityModel<T>) m;
    }

    /** Reads each entity and resolves every relation, so mistakes surface at start-up. */
    public void validate(Class<?>... entities) {
        for (Class<?> c : entities) {
            EntityModel<?> m = of(c);
            for (Property p : m.properties()) {
                if (p.isRelation()) {
                    m.relation(p.name());
                }
            }
        }
    }

    private <T> EntityModel<T> read(Class<T> type) {
        if (!type.isRecord()) {
            throw new MappingException(type.getName() + " is not a record; Ferry entities are Java records "
                    + "(declare it as 'record " + type.getSimpleName() + "(...)')");
        }
        Table table = type.getAnnotation(Table.class);
        String tableName = table != null ? table.value() : Names.snake(type.getSimpleName());
        RecordComponent[] components = type.getRecordComponents();
        boolean hasIdAnnotation = false;
        for (RecordComponent rc : components) {
            hasIdAnnotation |= rc.isAnnotationPresent(Id.class);
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException("Ferry cannot access " + type.getName()
                    + "; open its package to dev.ferry.core (module-info: opens <package> to dev.ferry.core)", e);
        }
        List<Property> props = new ArrayList<>(components.length);
        Class<?>[] ctorTypes = new Class<?>[components.length];
        int keys = 0;
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            ctorTypes[i] = rc.getType();
            Property p = property(type, rc, i, hasIdAnnotation, lookup);
            if (p.kind() == Property.Kind.ID) {
                keys++;
            }
            props.add(p);
        }
        if (keys != 1) {
            throw new MappingException(type.getSimpleName() + (keys == 0
                    ? " has no key: mark one component @Id or name it 'id'"
                    : " has more than one @Id; composite keys are not supported yet"));
        }
        Handles.Constructor ctor;
        try {
            Constructor<T> c = type.getDeclaredConstructor(ctorTypes);
            ctor = Handles.constructor(lookup.unreflectConstructor(c)
                    .asType(MethodType.methodType(Object.class, ctorTypes))
                    .asSpreader(Object[].class, components.length));
        } catch (ReflectiveOperationException e) {
            throw new MappingException("cannot use the canonical constructor of " + type.getName(), e);
        }
        return new EntityModel<>(this, type, tableName, props, ctor);
    }

    private static Property property(Class<?> owner, RecordComponent rc, int index, boolean hasIdAnnotation,
                                     MethodHandles.Lookup lookup) {
        String name = rc.getName();
        Class<?> raw = rc.getType();
        Column column = rc.getAnnotation(Column.class);
        String colName = column != null && !column.value().isEmpty() ? column.value() : null;
        boolean nullable = !raw.isPrimitive() && (column == null || column.nullable());
        Handles.Accessor accessor;
        try {
            accessor = Handles.accessor(lookup.unreflect(rc.getAccessor()).asType(MethodType.methodType(Object.class, Object.class)));
        } catch (IllegalAccessException e) {
            throw new MappingException("cannot read " + owner.getSimpleName() + "." + name, e);
        }
        if (raw == Ref.class || raw == Many.class) {
            Class<?> target = typeArgument(owner, rc);
            if (raw == Ref.class) {
                return new Property(name, Property.Kind.TO_ONE, raw, rc.getGenericType(), index,
                        colName != null ? colName : Names.snake(name) + "_id", nullable, target, accessor);
            }
            Property.Kind kind = rc.isAnnotationPresent(ManyToMany.class) ? Property.Kind.MANY_TO_MANY : Property.Kind.ONE_TO_MANY;
            return new Property(name, kind, raw, rc.getGenericType(), index, null, true, target, accessor);
        }
        if (rc.isAnnotationPresent(Computed.class)) {
            return new Property(name, Property.Kind.COMPUTED, raw, rc.getGenericType(), index, null, true, null, accessor);
        }
        boolean isId = hasIdAnnotation ? rc.isAnnotationPresent(Id.class) : name.equals("id");
        return new Property(name, isId ? Property.Kind.ID : Property.Kind.COLUMN, raw, rc.getGenericType(), index,
                colName != null ? colName : Names.snake(name), !isId && nullable, null, accessor);
    }

    private static Class<?> typeArgument(Class<?> owner, RecordComponent rc) {
        Type t = rc.getGenericType();
        if (t instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new MappingException(owner.getSimpleName() + "." + rc.getName() + " must name its target entity, e.g. "
                + rc.getType().getSimpleName() + "<Taxon>");
    }

    /** Resolves a relation component against its target entity. */
    Relation resolve(EntityModel<?> owner, Property p) {
        EntityModel<?> target = of(p.target());
        String where = owner.name() + "." + p.name();
        switch (p.kind()) {
            case TO_ONE:
                return new Relation.ToOne(owner, p, target);
            case MANY_TO_MANY: {
                ManyToMany m2m = owner.type().getRecordComponents()[p.index()].getAnnotation(ManyToMany.class);
                String targetColumn = m2m.targetColumn().isEmpty() ? target.id().column() : m2m.targetColumn();
                List<String> columns = target.properties().stream().filter(Property::isColumn).map(Property::column).toList();
                if (!columns.contains(targetColumn)) {
                    throw new MappingException(where + ": @ManyToMany(targetColumn = \"" + targetColumn + "\") is not a column of "
                            + target.name() + " (" + Names.suggest(targetColumn, columns) + "); name one of its columns, "
                            + "or leave targetColumn out to match its id");
                }
                return new Relation.ManyToMany(owner, p, target, m2m.table(), m2m.joinColumn(), m2m.inverseColumn(), targetColumn);
            }
            case ONE_TO_MANY: {
                OneToMany ann = owner.type().getRecordComponents()[p.index()].getAnnotation(OneToMany.class);
                List<Property> backRefs = target.properties().stream()
                        .filter(q -> q.kind() == Property.Kind.TO_ONE && q.target() == owner.type())
                        .toList();
                if (ann != null) {
                    Property back = target.findProperty(ann.mappedBy());
                    if (back == null || !backRefs.contains(back)) {
                        throw new MappingException(where + " is mappedBy '" + ann.mappedBy() + "', but "
                                + target.name() + " has no Ref<" + owner.name() + "> by that name; "
                                + Names.suggest(ann.mappedBy(), backRefs.stream().map(Property::name).toList()));
                    }
                    return new Relation.OneToMany(owner, p, target, back);
                }
                if (backRefs.size() == 1) {
                    return new Relation.OneToMany(owner, p, target, backRefs.get(0));
                }
                if (backRefs.isEmpty()) {
                    throw new MappingException(where + " needs a Ref<" + owner.name() + "> component on " + target.name()
                            + " (its foreign key), or @ManyToMany(table = ...) for a join table");
                }
                throw new MappingException(where + " is ambiguous: " + target.name() + " has several Ref<" + owner.name()
                        + "> components " + backRefs.stream().map(Property::name).toList()
                        + "; add @OneToMany(mappedBy = \"...\")");
            }
            default:
                throw new IllegalArgumentException(where + " is not a relation");
        }
    }
}
