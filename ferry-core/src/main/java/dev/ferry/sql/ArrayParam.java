package dev.ferry.sql;

import java.util.Arrays;

/**
 * A collection bound as one array parameter ({@code = ANY(?)}), so the SQL text does not depend on its size.
 * Equal when the values are (a statement's values key what is remembered of its result).
 */
public record ArrayParam(Class<?> elementType, Object[] values) {

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayParam a && elementType == a.elementType && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return 31 * elementType.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ArrayParam[" + elementType.getSimpleName() + ", " + values.length + " values]";
    }
}
