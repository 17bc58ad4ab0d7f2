package dev.ferry.query;

import dev.ferry.model.Property;

/** {@code annotate(target, expr)}: fills the {@code @Computed} component {@code target} with {@code expr}. */
public record Computation(Property target, Expr<?, ?> expr) {
}
