package dev.ferry.sql;

/** A collection bound as one array parameter ({@code = ANY(?)}), so the SQL text does not depend on its size. */
public record ArrayParam(Class<?> elementType, Object[] values) {
}
