package dev.ferry.exec;

import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Ref;
import dev.ferry.query.Paths;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Builds entity records from consecutive columns of a row, by index. Everything type-dependent is
 * decided once per entity here; per row it reads columns, makes holders and calls the constructor.
 */
public final class EntityReader<T> {

    private final EntityModel<T> model;
    private final int size;
    private final ColumnReader[] readers;
    private final int[] componentOf;
    private final Property[] columnProps;
    private final int idColumn;
    private final Property[] manyProps;
    private final Property[] computedProps;
    private final Object[] computedDefaults;

    public EntityReader(EntityModel<T> model) {
        this.model = model;
        this.size = model.properties().size();
        List<Property> cols = model.columns();
        this.readers = new ColumnReader[cols.size()];
        this.componentOf = new int[cols.size()];
        this.columnProps = cols.toArray(Property[]::new);
        int idAt = -1;
        for (int i = 0; i < cols.size(); i++) {
            Property p = cols.get(i);
            Class<?> type = p.kind() == Property.Kind.TO_ONE
                    ? Paths.boxed(model.models().of(p.target()).id().type())
                    : p.type();
            readers[i] = ColumnReader.of(type);
            componentOf[i] = p.index();
            if (p.kind() == Property.Kind.ID) {
                idAt = i;
                // The key is read boxed so it can key the identity map.
                readers[i] = ColumnReader.of(Paths.boxed(p.type()));
            }
        }
        this.idColumn = idAt;
        this.manyProps = model.properties().stream()
                .filter(p -> p.kind() == Property.Kind.ONE_TO_MANY || p.kind() == Property.Kind.MANY_TO_MANY)
                .toArray(Property[]::new);
        this.computedProps = model.properties().stream()
                .filter(p -> p.kind() == Property.Kind.COMPUTED).toArray(Property[]::new);
        this.computedDefaults = new Object[computedProps.length];
        for (int i = 0; i < computedProps.length; i++) {
            computedDefaults[i] = defaultOf(computedProps[i].type());
        }
    }

    public EntityModel<T> model() {
        return model;
    }

    /** Reads the key at {@code start}; null when the row has no entity there (an unmatched LEFT JOIN). */
    public Object readId(ResultSet rs, int start) throws SQLException {
        return readers[idColumn].read(rs, start + idColumn);
    }

    /**
     * Builds the entity whose columns start at {@code start}.
     *
     * @param id            the key, already read with {@link #readId}
     * @param joined        per component index: the joined target of a to-one, or null (reused by the caller)
     * @param computedCols  per computed component (in declaration order): its column, or 0 when not annotated
     * @param computedRead  the readers of those columns
     */
    public T read(ResultSet rs, int start, Object id, RowGroup<T> group, Object[] joined, int[] computedCols,
                  ColumnReader[] computedRead) throws SQLException {
        Object[] args = new Object[size];
        for (int i = 0; i < readers.length; i++) {
            Property p = columnProps[i];
            if (i == idColumn) {
                args[componentOf[i]] = id;
                continue;
            }
            Object v = readers[i].read(rs, start + i);
            if (p.kind() == Property.Kind.TO_ONE) {
                Object target = joined == null ? null : joined[p.index()];
                if (target != null || (joined != null && joined[p.index()] == JOINED_NULL)) {
                    v = Ref.of(v, target == JOINED_NULL ? null : target);
                } else {
                    v = v == null ? Ref.empty() : group.batch(p).newRef(v);
                }
            }
            args[componentOf[i]] = v;
        }
        for (Property p : manyProps) {
            args[p.index()] = group.batch(p).newMany(id);
        }
        for (int i = 0; i < computedProps.length; i++) {
            int col = computedCols == null ? 0 : computedCols[i];
            args[computedProps[i].index()] = col == 0 ? computedDefaults[i] : computedRead[i].read(rs, col);
        }
        return model.construct(args);
    }

    /** Marks a to-one that was joined and matched no row (a NULL or dangling foreign key). */
    public static final Object JOINED_NULL = new Object();

    /** The computed components, in declaration order. */
    public Property[] computedProps() {
        return computedProps;
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) return null;
        if (type == long.class) return 0L;
        if (type == int.class) return 0;
        if (type == double.class) return 0d;
        if (type == boolean.class) return false;
        if (type == float.class) return 0f;
        if (type == short.class) return (short) 0;
        if (type == byte.class) return (byte) 0;
        return '\0';
    }
}
