package dev.ferry.sql;

import dev.ferry.model.EntityModel;
import dev.ferry.query.Expr;

import java.util.Map;

/**
 * Expressions of one entity's row rendered as queries render them (to-one paths joined, aggregates
 * as correlated subqueries), against the alias {@code t0}, and never read from a maintained column:
 * what maintenance statements (triggers, rebuild, verify) use to compute the truth. The caller
 * writes the FROM item named {@code t0} and appends {@link #joins()} after rendering every term.
 */
public final class RowExpressions {

    /** The alias the row is read under. */
    public static final String ALIAS = "t0";

    private final Scope scope;

    public RowExpressions(Dialect dialect, EntityModel<?> model) {
        this.scope = new Scope(new Scope.State(dialect, MaintainedColumns.NONE), model, ALIAS, new Scope.Joins(), Map.of());
    }

    /** Renders {@code e}; joins it needs are added to {@link #joins()}. */
    public Fragment expr(Expr<?, ?> e) {
        Fragment f = new Fragment();
        scope.expr(f, e);
        return f;
    }

    /** The joins the rendered expressions need, to follow the FROM item {@code t0}. */
    public String joins() {
        return scope.joins.text.toString();
    }
}
