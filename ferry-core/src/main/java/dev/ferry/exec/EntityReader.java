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

    /** What a column becomes: a plain value, or the key of a to-one holder. */
    private static final byte VALUE = 0, KEY = 1, FOREIGN_KEY = 2;

    /** Marks a to-one that was joined and matched no row (a NULL or dangling foreign key). */
    public static final Object JOINED_NULL = new Object();

    private final EntityModel<T> model;
    private final int size;
    private final int[] codes;
    private final ColumnReader[] others;
    private final byte[] roles;
    private final int[] componentOf;
    private final Property[] columnProps;
    private final int idColumn;
    private final int idCode;
    private final Property[] manyProps;
    private final Property[] computedProps;
    private final Object[] computedDefaults;

    public EntityReader(EntityModel<T> model) {
        this.model = model;
        this.size = model.properties().size();
        List<Property> cols = model.columns();
        int n = cols.size();
        this.codes = new int[n];
        this.others = new ColumnReader[n];
        this.roles = new byte[n];
        this.componentOf = new int[n];
        this.columnProps = cols.toArray(Property[]::new);
        int idAt = -1;
        for (int i = 0; i < n; i++) {
            Property p = cols.get(i);
            // Keys and foreign keys are read boxed: they key identity maps and holders.
            Class<?> type = switch (p.kind()) {
                case TO_ONE -> Paths.boxed(model.models().of(p.target()).id().type());
                case ID -> Paths.boxed(p.type());
                default -> p.type();
            };
            codes[i] = ColumnReader.code(type);
            others[i] = codes[i] == ColumnReader.OTHER ? ColumnReader.of(type) : null;
            roles[i] = p.kind() == Property.Kind.TO_ONE ? FOREIGN_KEY : p.kind() == Property.Kind.ID ? KEY : VALUE;
            componentOf[i] = p.index();
            if (p.kind() == Property.Kind.ID) {
                idAt = i;
            }
        }
        this.idColumn = idAt;
        this.idCode = codes[idAt];
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
        return ColumnReader.read(rs, start + idColumn, idCode, others[idColumn]);
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
        for (int i = 0; i < codes.length; i++) {
            byte role = roles[i];
            if (role == KEY) {
                args[componentOf[i]] = id;
                continue;
            }
            Object v = ColumnReader.read(rs, start + i, codes[i], others[i]);
            if (role == FOREIGN_KEY) {
                v = ref(v, columnProps[i], group, joined);
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

    /** The holder of a foreign key: loaded when the target was joined into the row, else bound to its batch. */
    private static Ref<?> ref(Object key, Property p, RowGroup<?> group, Object[] joined) {
        Object target = joined == null ? null : joined[p.index()];
        if (target != null) {
            return Ref.of(key, target == JOINED_NULL ? null : target);
        }
        return key == null ? Ref.empty() : group.batch(p).newRef(key);
    }

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
