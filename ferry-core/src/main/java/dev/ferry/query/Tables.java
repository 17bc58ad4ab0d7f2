package dev.ferry.query;

import dev.ferry.model.EntityModel;
import dev.ferry.model.Relation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a query's rows depend on: its root's, those its joins, conditions, orderings and
 * annotations reach. What a reused total or position must be forgotten for when one of them is written.
 */
final class Tables {

    private final Set<String> tables = new LinkedHashSet<>();

    private Tables() {
    }

    static Set<String> of(QuerySpec<?> q) {
        Tables t = new Tables();
        EntityModel<?> model = q.model();
        t.tables.add(model.table());
        for (List<String> join : q.joins()) {
            t.relations(Paths.relation(model, join).relations());
        }
        if (q.where() != null) {
            t.predicate(model, q.where());
        }
        for (Order<?> o : q.orders()) {
            t.expr(model, o.expr());
        }
        for (Computation c : q.computations()) {
            t.expr(model, c.expr());
        }
        return Set.copyOf(t.tables);
    }

    private void relations(List<Relation> relations) {
        for (Relation r : relations) {
            if (r instanceof Relation.ManyToMany m) {
                tables.add(m.table());
            }
            tables.add(r.target().table());
        }
    }

    private void predicate(EntityModel<?> model, Predicate<?> p) {
        if (p instanceof Predicate.Compare<?> c) {
            expr(model, c.left());
            if (c.right() instanceof Expr<?, ?> e) {
                expr(model, e);
            }
        } else if (p instanceof Predicate.In<?> in) {
            expr(model, in.left());
        } else if (p instanceof Predicate.Between<?> b) {
            expr(model, b.expr());
        } else if (p instanceof Predicate.IsNull<?> n) {
            expr(model, n.expr());
        } else if (p instanceof Predicate.Like<?> l) {
            expr(model, l.expr());
        } else if (p instanceof Predicate.And<?> a) {
            a.terms().forEach(term -> predicate(model, term));
        } else if (p instanceof Predicate.Or<?> o) {
            o.terms().forEach(term -> predicate(model, term));
        } else if (p instanceof Predicate.Not<?> n) {
            predicate(model, n.term());
        } else if (p instanceof Predicate.Exists<?> e) {
            Paths.Resolved r = Paths.relation(model, e.relation());
            relations(r.relations());
            if (e.condition() != null) {
                predicate(r.last(), e.condition());
            }
        }
    }

    private void expr(EntityModel<?> model, Expr<?, ?> e) {
        if (e instanceof Col<?, ?> c) {
            if (c.path().size() > 1) {
                relations(Paths.column(model, c.path(), null).relations());
            }
        } else if (e instanceof Aggregate<?, ?> a) {
            Paths.Resolved r = Paths.relation(model, a.relation());
            relations(r.relations());
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
}
