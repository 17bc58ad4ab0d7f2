package dev.ferry.maintain;

import dev.ferry.query.Expr;

/**
 * A declaration: the column {@code column} of {@code owner}'s table stores {@code expression} for
 * each row. Made by {@code Ferry.Builder.maintain(...)}.
 *
 * @param owner      the entity record whose table holds the column
 * @param column     the column name (need not be a record component)
 * @param expression the value it stores, an expression of an {@code owner} row
 */
public record MaintainedColumn(Class<?> owner, String column, Expr<?, ?> expression) {

    @Override
    public String toString() {
        return "maintain(" + owner.getSimpleName() + ".class, \"" + column + "\", " + expression + ")";
    }
}
