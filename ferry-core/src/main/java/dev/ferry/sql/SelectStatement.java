package dev.ferry.sql;

/** A rendered SELECT and how to read its rows. */
public record SelectStatement(Sql sql, Layout layout) {
}
