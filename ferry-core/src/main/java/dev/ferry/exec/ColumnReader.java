package dev.ferry.exec;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads one column by index into a Java value. Chosen once per component type, never per row.
 *
 * <p>The common types also have a type code read through one {@code switch} ({@link #read(ResultSet,
 * int, int, ColumnReader)}): a loop over the columns of a row then has no megamorphic call.
 */
@FunctionalInterface
public interface ColumnReader {

    Object read(ResultSet rs, int column) throws SQLException;

    int OTHER = 0, LONG = 1, LONG_BOXED = 2, INT = 3, INT_BOXED = 4, DOUBLE = 5, DOUBLE_BOXED = 6,
            BOOLEAN = 7, BOOLEAN_BOXED = 8, STRING = 9, LOCAL_DATE_TIME = 10;

    /** The type code of {@code type}, or {@link #OTHER} when it needs its own reader. */
    static int code(Class<?> type) {
        if (type == long.class) return LONG;
        if (type == Long.class) return LONG_BOXED;
        if (type == int.class) return INT;
        if (type == Integer.class) return INT_BOXED;
        if (type == double.class) return DOUBLE;
        if (type == Double.class) return DOUBLE_BOXED;
        if (type == boolean.class) return BOOLEAN;
        if (type == Boolean.class) return BOOLEAN_BOXED;
        if (type == String.class) return STRING;
        if (type == LocalDateTime.class) return LOCAL_DATE_TIME;
        return OTHER;
    }

    /** Reads column {@code column} by type code; {@code other} reads the {@link #OTHER} types. */
    static Object read(ResultSet rs, int column, int code, ColumnReader other) throws SQLException {
        switch (code) {
            case LONG:
                return rs.getLong(column);
            case LONG_BOXED: {
                long v = rs.getLong(column);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case INT:
                return rs.getInt(column);
            case INT_BOXED: {
                int v = rs.getInt(column);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case DOUBLE:
                return rs.getDouble(column);
            case DOUBLE_BOXED: {
                double v = rs.getDouble(column);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case BOOLEAN:
                return rs.getBoolean(column);
            case BOOLEAN_BOXED: {
                boolean v = rs.getBoolean(column);
                return !v && rs.wasNull() ? null : v;
            }
            case STRING:
                return rs.getString(column);
            case LOCAL_DATE_TIME:
                return rs.getObject(column, LocalDateTime.class);
            default:
                return other.read(rs, column);
        }
    }

    /** The reader for a component of Java type {@code type}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ColumnReader of(Class<?> type) {
        if (type == long.class) return ResultSet::getLong;
        if (type == int.class) return ResultSet::getInt;
        if (type == double.class) return ResultSet::getDouble;
        if (type == boolean.class) return ResultSet::getBoolean;
        if (type == float.class) return ResultSet::getFloat;
        if (type == short.class) return ResultSet::getShort;
        if (type == Long.class) return (rs, i) -> {
            long v = rs.getLong(i);
            return v == 0 && rs.wasNull() ? null : v;
        };
        if (type == Integer.class) return (rs, i) -> {
            int v = rs.getInt(i);
            return v == 0 && rs.wasNull() ? null : v;
        };
        if (type == Double.class) return (rs, i) -> {
            double v = rs.getDouble(i);
            return v == 0 && rs.wasNull() ? null : v;
        };
        if (type == Boolean.class) return (rs, i) -> {
            boolean v = rs.getBoolean(i);
            return !v && rs.wasNull() ? null : v;
        };
        if (type == Float.class) return (rs, i) -> {
            float v = rs.getFloat(i);
            return v == 0 && rs.wasNull() ? null : v;
        };
        if (type == String.class) return ResultSet::getString;
        if (type == BigDecimal.class) return ResultSet::getBigDecimal;
        if (type == LocalDateTime.class) return (rs, i) -> rs.getObject(i, LocalDateTime.class);
        if (type == LocalDate.class) return (rs, i) -> rs.getObject(i, LocalDate.class);
        if (type == LocalTime.class) return (rs, i) -> rs.getObject(i, LocalTime.class);
        if (type == OffsetDateTime.class) return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
        if (type == Instant.class) return (rs, i) -> {
            Timestamp t = rs.getTimestamp(i);
            return t == null ? null : t.toInstant();
        };
        if (type == UUID.class) return (rs, i) -> rs.getObject(i, UUID.class);
        if (type == byte[].class) return ResultSet::getBytes;
        if (type.isEnum()) {
            Class<? extends Enum> e = (Class<? extends Enum>) type;
            return (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : Enum.valueOf(e, s);
            };
        }
        if (type.isArray()) {
            Class<?> component = type.getComponentType();
            return (rs, i) -> array(rs.getArray(i), component);
        }
        return (rs, i) -> rs.getObject(i, type);
    }

    /** Converts a SQL array to a Java array of {@code component} (primitive or boxed). */
    private static Object array(Array a, Class<?> component) throws SQLException {
        if (a == null) {
            return null;
        }
        Object[] values = (Object[]) a.getArray();
        Object out = java.lang.reflect.Array.newInstance(component, values.length);
        for (int k = 0; k < values.length; k++) {
            Object v = values[k];
            if (component == double.class || component == Double.class) {
                v = v == null ? null : ((Number) v).doubleValue();
            } else if (component == long.class || component == Long.class) {
                v = v == null ? null : ((Number) v).longValue();
            } else if (component == int.class || component == Integer.class) {
                v = v == null ? null : ((Number) v).intValue();
            } else if (component == float.class || component == Float.class) {
                v = v == null ? null : ((Number) v).floatValue();
            }
            if (v == null && component.isPrimitive()) {
                throw new SQLException("NULL element in an array read into " + component + "[]");
            }
            java.lang.reflect.Array.set(out, k, v);
        }
        return out;
    }
}
