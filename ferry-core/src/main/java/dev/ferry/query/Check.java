package dev.ferry.query;

import dev.ferry.error.InvalidQueryException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Build-time checks of paths and expressions, and the merging of prefetch paths into a tree. */
final class Check {
    private Check() {
    }

    static void predicate(EntityModel<?> model, Predicate<?> p) {
        if (p == null) {
            throw new InvalidQueryException("a condition must not be null");
        }
        if (p instanceof Predicate.Compare<?> c) {
            expr(model, c.left());
            if (c.right() instanceof Expr<?, ?> e) {
                expr(model, e);
            } else {
                value(model, c.left(), c.right());
            }
        } else if (p instanceof Predicate.In<?> in) {
            expr(model, in.left());
            for (Object v : in.values()) {
                if (v == null) {
                    throw new InvalidQueryException("in(...) on " + describe(in.left()) + " has a null value; "
                            + "combine with isNull() instead");
                }
                value(model, in.left(), v);
            }
        } else if (p instanceof Predicate.Between<?> b) {
            expr(model, b.expr());
            value(model, b.expr(), b.low());
            value(model, b.expr(), b.high());
        } else if (p instanceof Predicate.IsNull<?> n) {
            expr(model, n.expr());
        } else if (p instanceof Predicate.Like<?> l) {
            expr(model, l.expr());
            Class<?> t = l.expr().type();
            if (t != String.class && t != Object.class) {
                throw new InvalidQueryException("like/contains/startsWith need a text column; "
                        + describe(l.expr()) + " is " + t.getSimpleName());
            }
        } else if (p instanceof Predicate.And<?> a) {
            a.terms().forEach(t -> predicate(model, t));
        } else if (p instanceof Predicate.Or<?> o) {
            o.terms().forEach(t -> predicate(model, t));
        } else if (p instanceof Predicate.Not<?> n) {
            predicate(model, n.term());
        } else if (p instanceof Predicate.Exists<?> e) {
            Paths.Resolved r = Paths.relation(model, e.relation());
            if (r.firstToMany() < 0) {
                throw new InvalidQueryException("any/none/isEmpty need a to-many path; '" + String.join(".", e.relation())
                        + "' is to-one: compare its columns directly");
            }
            if (e.condition() != null) {
                predicate(r.last(), e.condition());
            }
        }
    }

    static void expr(EntityModel<?> model, Expr<?, ?> e) {
        if (e instanceof Col<?, ?> c) {
            if (c.root() != model.type()) {
                throw new InvalidQueryException("path " + c + " starts from " + c.root().getSimpleName()
                        + ", but this query is on " + model.name());
            }
            Paths.column(model, c.path(), c.type());
        } else if (e instanceof Aggregate<?, ?> a) {
            Paths.Resolved r = Paths.relation(model, a.relation());
            if (r.firstToMany() < 0) {
                throw new InvalidQueryException("Agg over '" + String.join(".", a.relation())
                        + "': the path has no to-many relation; use the column itself");
            }
            if (a.column() != null) {
                expr(r.last(), a.column());
            }
            if (a.filter() != null) {
                predicate(r.last(), a.filter());
            }
            for (Order<?> o : a.orders()) {
                expr(r.last(), o.expr());
            }
        } else if (e instanceof Arithmetic<?, ?> a) {
            expr(model, a.left());
            expr(model, a.right());
        } else if (e instanceof SecondsBetween<?> s) {
            expr(model, s.start());
            expr(model, s.end());
        } else if (e instanceof TimeOfDay<?> t) {
            expr(model, t.value());
        }
    }

    private static void value(EntityModel<?> model, Expr<?, ?> left, Object value) {
        Class<?> t = Paths.valueType(model, left); // an untyped path still has a type in the model
        if (value != null && t != Object.class && !Paths.boxed(t).isInstance(value)) {
            throw new InvalidQueryException(describe(left) + " is " + t.getSimpleName() + " but was compared with a "
                    + value.getClass().getSimpleName() + " (" + value + ")");
        }
    }

    private static String describe(Expr<?, ?> e) {
        return e instanceof Col<?, ?> c ? c.toString() : e.getClass().getSimpleName();
    }

    /** Adds a prefetch path to the tree of prefetch levels, merging with levels already there. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> QuerySpec<T> addPrefetch(QuerySpec<T> spec, List<String> path, String name, UnaryOperator customize) {
        Relation rel = Paths.relation(spec.model(), path.subList(0, 1)).relations().get(0);
        boolean last = path.size() == 1;
        String levelName = last ? name : null;
        List<PrefetchSpec> list = new ArrayList<>(spec.prefetches());
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            PrefetchSpec p = list.get(i);
            if (p.relation().name().equals(rel.name()) && Objects.equals(p.name(), levelName)) {
                index = i;
            }
        }
        PrefetchSpec existing = index >= 0 ? list.get(index) : null;
        QuerySpec<?> sub = existing != null ? existing.query() : QuerySpec.of(rel.target());
        boolean custom = existing != null && existing.custom();
        if (last && customize != null) {
            // The label is for error messages only: built when one is thrown, not for every prefetch of every query.
            Supplier<String> label = () -> levelName == null ? rel.describe() : rel.describe() + " as " + levelName;
            if (custom) {
                throw new InvalidQueryException("prefetch of " + label.get() + " already has a custom query; "
                        + "give all its conditions in one prefetch(...) call (or use .as(name) for a second copy)");
            }
            Object result = customize.apply(new Query(sub, null));
            if (!(result instanceof Query<?> q) || q.spec().model() != sub.model()) {
                throw new InvalidQueryException("the prefetch customizer of " + label.get() + " must return the query it was given, refined");
            }
            sub = q.spec();
            custom = true;
            if (sub.after() != null) {
                throw new InvalidQueryException("after(...) is not supported in a prefetch of " + label.get() + "; use limit/offset (per parent)");
            }
            if (!rel.isToMany() && sub.hasWindow()) {
                throw new InvalidQueryException("limit/offset in the prefetch of " + label.get() + ": a to-one relation has one row per parent");
            }
        } else if (!last) {
            sub = addPrefetch(sub, path.subList(1, path.size()), name, customize);
        }
        PrefetchSpec updated = new PrefetchSpec(rel, levelName, sub, custom);
        if (index >= 0) {
            list.set(index, updated);
        } else {
            list.add(updated);
        }
        return spec.withPrefetches(list);
    }
}
