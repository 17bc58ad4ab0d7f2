package dev.ferry.query;

import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Relation;

import java.util.Map;

/**
 * Whether an expression can be NULL for some row, decided from the model alone. The one place that
 * knows: the ordering normalises NULL placement with it and keyset pagination picks its conditions
 * with it, so a new kind of column (a stored derived value, say) is taught here once.
 */
final class Nullability {
    private Nullability() {
    }

    /**
     * @param model    the entity the expression is evaluated against
     * @param computed the expressions the query annotates its {@code @Computed} components with
     */
    static boolean nullable(EntityModel<?> model, Expr<?, ?> e, Map<Property, Expr<?, ?>> computed) {
        if (e instanceof Col<?, ?> c) {
            return column(model, c, computed);
        }
        if (e instanceof Aggregate<?, ?> a) {
            // COUNT of no related rows is 0; MIN, MAX, SUM, AVG and FIRST of none are NULL.
            return a.fn() != Aggregate.Fn.COUNT;
        }
        if (e instanceof Literal<?, ?>) {
            return false; // a literal is never null (Expr.value refuses null)
        }
        if (e instanceof Arithmetic<?, ?> a) {
            return nullable(model, a.left(), computed) || nullable(model, a.right(), computed);
        }
        if (e instanceof SecondsBetween<?> s) {
            return nullable(model, s.start(), computed) || nullable(model, s.end(), computed);
        }
        if (e instanceof TimeOfDay<?> t) {
            return nullable(model, t.value(), computed);
        }
        return true;
    }

    private static boolean column(EntityModel<?> model, Col<?, ?> c, Map<Property, Expr<?, ?>> computed) {
        Paths.Resolved r = Paths.column(model, c.path(), null);
        for (Relation rel : r.relations()) {
            // A nullable foreign key is a LEFT JOIN: the target's columns are NULL where it is.
            if (!(rel instanceof Relation.ToOne t) || t.nullable()) {
                return true;
            }
        }
        Property leaf = r.leaf();
        if (leaf.kind() == Property.Kind.COMPUTED) {
            Expr<?, ?> annotated = r.relations().isEmpty() ? computed.get(leaf) : null;
            // Not annotated (yet): rendering refuses it; until then, assume the worst.
            return annotated == null || nullable(model, annotated, computed);
        }
        return leaf.nullable(); // false for keys, primitives and @Column(nullable = false) (Models)
    }
}
