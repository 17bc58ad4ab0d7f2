package dev.ferry.sql;

import dev.ferry.error.InvalidQueryException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Relation;
import dev.ferry.query.Aggregate;
import dev.ferry.query.Arithmetic;
import dev.ferry.query.Col;
import dev.ferry.query.Expr;
import dev.ferry.query.Literal;
import dev.ferry.query.Order;
import dev.ferry.query.Paths;
import dev.ferry.query.Predicate;
import dev.ferry.query.SecondsBetween;
import dev.ferry.query.TimeOfDay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders expressions and predicates against one FROM clause: column paths through to-one
 * relations add joins (once per path), paths through to-many relations become EXISTS or correlated
 * subqueries, so a row is never multiplied.
 */
final class Scope {

    /** Per-statement state: the dialect, the columns that stand in for expressions, and the alias counter. */
    static final class State {
        final Dialect dialect;
        final MaintainedColumns maintained;
        private int next = 1;

        State(Dialect dialect) {
            this(dialect, MaintainedColumns.NONE);
        }

        State(Dialect dialect, MaintainedColumns maintained) {
            this.dialect = dialect;
            this.maintained = maintained;
        }

        String alias(String prefix) {
            return prefix + next++;
        }
    }

    /** The joins of one FROM clause, keyed by "parentAlias.relation". */
    static final class Joins {
        final StringBuilder text = new StringBuilder();
        final Map<String, String> aliases = new HashMap<>();
        final Map<String, Boolean> innerChain = new HashMap<>();
    }

    final State st;
    final EntityModel<?> model;
    final String alias;
    final Joins joins;
    final Map<Property, Expr<?, ?>> computed;

    Scope(State st, EntityModel<?> model, String alias, Joins joins, Map<Property, Expr<?, ?>> computed) {
        this.st = st;
        this.model = model;
        this.alias = alias;
        this.joins = joins;
        this.computed = computed;
    }

    Scope at(EntityModel<?> m, String a) {
        return new Scope(st, m, a, joins, Map.of());
    }

    private Dialect d() {
        return st.dialect;
    }

    String q(String identifier) {
        return st.dialect.quote(identifier);
    }

    /** The alias of the to-one target of {@code rel} from this scope's row, joining it on first use. */
    String join(Relation.ToOne rel) {
        String key = alias + "." + rel.name();
        String existing = joins.aliases.get(key);
        if (existing != null) {
            return existing;
        }
        String a = st.alias("t");
        // INNER only when every foreign key on the way is NOT NULL: one LEFT makes the rest LEFT.
        boolean inner = joins.innerChain.getOrDefault(alias, true) && !rel.nullable();
        joins.text.append(inner ? " INNER JOIN " : " LEFT JOIN ").append(q(rel.target().table())).append(' ').append(a)
                .append(" ON ").append(a).append('.').append(q(rel.target().id().column()))
                .append(" = ").append(alias).append('.').append(q(rel.fkColumn()));
        joins.aliases.put(key, a);
        joins.innerChain.put(a, inner);
        return a;
    }

    // ---------------------------------------------------------------- expressions

    void expr(Fragment f, Expr<?, ?> e) {
        MaintainedColumns.Entry stored = st.maintained.find(model, e);
        if (stored != null) {
            // The table keeps this value (triggers maintain it): read it, so an index can serve it.
            f.sql(alias + "." + q(stored.column()));
            return;
        }
        if (e instanceof Col<?, ?> c) {
            column(f, c);
        } else if (e instanceof Literal<?, ?> l) {
            f.param(l.value());
        } else if (e instanceof Arithmetic<?, ?> a) {
            f.sql("(");
            expr(f, a.left());
            f.sql(" " + a.op() + " ");
            expr(f, a.right());
            f.sql(")");
        } else if (e instanceof SecondsBetween<?> s) {
            Fragment start = new Fragment();
            Fragment end = new Fragment();
            expr(start, s.start());
            expr(end, s.end());
            d().secondsBetween(f, start, end);
        } else if (e instanceof TimeOfDay<?> t) {
            f.sql("CAST(");
            expr(f, t.value());
            f.sql(" AS TIME)");
        } else if (e instanceof Aggregate<?, ?> a) {
            aggregate(f, a);
        } else {
            throw new IllegalArgumentException("unknown expression " + e);
        }
    }

    private void column(Fragment f, Col<?, ?> c) {
        Paths.Resolved r = Paths.column(model, c.path(), c.type());
        if (r.firstToMany() >= 0) {
            throw new InvalidQueryException("'" + c.dotted() + "' goes through the to-many relation "
                    + r.relations().get(r.firstToMany()).describe() + " and has many values per row; "
                    + "use it in a condition (EXISTS), or aggregate it with Agg.min/max/count");
        }
        Scope at = this;
        for (Relation rel : r.relations()) {
            String a = at.join((Relation.ToOne) rel);
            at = at.at(rel.target(), a);
        }
        Property leaf = r.leaf();
        if (leaf.kind() == Property.Kind.COMPUTED) {
            Expr<?, ?> e = at == this ? computed.get(leaf) : null;
            if (e == null) {
                throw new InvalidQueryException(at.model.name() + "." + leaf.name() + " is @Computed and this query does not "
                        + "annotate it; add .annotate(" + at.model.name() + "_." + dev.ferry.model.Names.constant(leaf.name()) + ", ...)");
            }
            f.sql("(");
            expr(f, e);
            f.sql(")");
            return;
        }
        f.sql(at.alias + "." + q(leaf.column()));
    }

    /** A correlated subquery over the to-many part of {@code rels}: {@code (SELECT FN(x) FROM ... WHERE corr AND filter)}. */
    private void aggregate(Fragment f, Aggregate<?, ?> a) {
        Paths.Resolved r = Paths.relation(model, a.relation());
        Sub sub = subquery(r.relations());
        Fragment select = new Fragment();
        if (a.fn() == Aggregate.Fn.COUNT) {
            select.sql("COUNT(*)");
        } else if (a.fn() == Aggregate.Fn.FIRST) {
            sub.scope.expr(select, a.column());
        } else {
            select.sql(a.fn().name()).sql("(");
            sub.scope.expr(select, a.column());
            select.sql(")");
        }
        Fragment where = new Fragment().sql(sub.correlation);
        if (a.filter() != null) {
            where.sql(" AND ");
            sub.scope.predicate(where, a.filter());
        }
        Fragment order = new Fragment();
        if (a.fn() == Aggregate.Fn.FIRST) {
            // Rendered before the FROM text is read: ordering by a to-one path adds its join.
            order.sql(" ORDER BY ");
            for (Order<?> o : a.orders()) {
                Fragment term = new Fragment();
                sub.scope.expr(term, o.expr());
                d().orderTerm(order, term, o.descending(), o.nulls() == Order.Nulls.FIRST);
                order.sql(", ");
            }
            order.sql(sub.scope.alias + "." + q(sub.scope.model.id().column()));
            d().limitOffset(order, 1, 0);
        }
        f.sql("(SELECT ").append(select).sql(" FROM ").sql(sub.from).sql(sub.scope.joins.text.toString())
                .sql(" WHERE ").append(where).append(order).sql(")");
    }

    /** FROM text, correlation condition and inner scope of a subquery over a path with a to-many relation. */
    private record Sub(String from, String correlation, Scope scope) {
    }

    private Sub subquery(List<Relation> rels) {
        int k = -1;
        Scope outer = this;
        for (int i = 0; i < rels.size(); i++) {
            if (rels.get(i).isToMany()) {
                k = i;
                break;
            }
            String a = outer.join((Relation.ToOne) rels.get(i));
            outer = outer.at(rels.get(i).target(), a);
        }
        Relation first = rels.get(k);
        String s = st.alias("s");
        StringBuilder from = new StringBuilder();
        String correlation;
        String ownerId = outer.alias + "." + q(first.owner().id().column());
        if (first instanceof Relation.OneToMany o) {
            from.append(q(o.target().table())).append(' ').append(s);
            correlation = s + "." + q(o.fkColumn()) + " = " + ownerId;
        } else {
            Relation.ManyToMany m = (Relation.ManyToMany) first;
            String j = st.alias("j");
            from.append(q(m.table())).append(' ').append(j).append(" INNER JOIN ").append(q(m.target().table())).append(' ')
                    .append(s).append(" ON ").append(s).append('.').append(q(m.targetColumn())).append(" = ")
                    .append(j).append('.').append(q(m.inverseColumn()));
            correlation = j + "." + q(m.joinColumn()) + " = " + ownerId;
        }
        String prev = s;
        for (int i = k + 1; i < rels.size(); i++) {
            Relation rel = rels.get(i);
            String a = st.alias("s");
            if (rel instanceof Relation.ToOne t) {
                from.append(t.nullable() ? " LEFT JOIN " : " INNER JOIN ").append(q(t.target().table())).append(' ').append(a)
                        .append(" ON ").append(a).append('.').append(q(t.target().id().column())).append(" = ")
                        .append(prev).append('.').append(q(t.fkColumn()));
            } else if (rel instanceof Relation.OneToMany o) {
                from.append(" INNER JOIN ").append(q(o.target().table())).append(' ').append(a).append(" ON ").append(a)
                        .append('.').append(q(o.fkColumn())).append(" = ").append(prev).append('.')
                        .append(q(o.owner().id().column()));
            } else {
                Relation.ManyToMany m = (Relation.ManyToMany) rel;
                String j = st.alias("j");
                from.append(" INNER JOIN ").append(q(m.table())).append(' ').append(j).append(" ON ").append(j).append('.')
                        .append(q(m.joinColumn())).append(" = ").append(prev).append('.').append(q(m.owner().id().column()))
                        .append(" INNER JOIN ").append(q(m.target().table())).append(' ').append(a).append(" ON ").append(a)
                        .append('.').append(q(m.targetColumn())).append(" = ").append(j).append('.')
                        .append(q(m.inverseColumn()));
            }
            prev = a;
        }
        Scope inner = new Scope(st, rels.get(rels.size() - 1).target(), prev, new Joins(), Map.of());
        return new Sub(from.toString(), correlation, inner);
    }

    // ---------------------------------------------------------------- predicates

    void predicate(Fragment f, Predicate<?> p) {
        Predicate<?> wrapped = throughToMany(p);
        if (wrapped != p) {
            predicate(f, wrapped);
            return;
        }
        if (p instanceof Predicate.Compare<?> c) {
            expr(f, c.left());
            f.sql(" " + c.op().sql + " ");
            if (c.right() instanceof Expr<?, ?> e) {
                expr(f, e);
            } else {
                f.param(c.right());
            }
        } else if (p instanceof Predicate.In<?> in) {
            in(f, in);
        } else if (p instanceof Predicate.Between<?> b) {
            expr(f, b.expr());
            f.sql(" BETWEEN ").param(b.low()).sql(" AND ").param(b.high());
        } else if (p instanceof Predicate.IsNull<?> n) {
            expr(f, n.expr());
            f.sql(n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (p instanceof Predicate.Like<?> l) {
            Fragment e = new Fragment();
            expr(e, l.expr());
            if (l.ignoreCase()) {
                d().likeIgnoreCase(f, e, l.pattern());
            } else {
                f.append(e).sql(" LIKE ").param(l.pattern()).sql(" ESCAPE '\\'");
            }
        } else if (p instanceof Predicate.And<?> a) {
            junction(f, a.terms(), " AND ", "1=1");
        } else if (p instanceof Predicate.Or<?> o) {
            junction(f, o.terms(), " OR ", "1=0");
        } else if (p instanceof Predicate.Not<?> n && n.term() instanceof Predicate.In<?> in && !in.negated()
                && throughToMany(in) == in) {
            in(f, new Predicate.In<>(in.left(), in.values(), true)); // NOT (x IN ...) is x NOT IN ...: one rendering
        } else if (p instanceof Predicate.Not<?> n) {
            f.sql("NOT (");
            predicate(f, n.term());
            f.sql(")");
        } else if (p instanceof Predicate.Exists<?> e) {
            MaintainedColumns.Entry count = maintainedCount(e);
            if (count != null) {
                f.sql(alias + "." + q(count.column()) + " > 0");
                return;
            }
            Paths.Resolved r = Paths.relation(model, e.relation());
            Sub sub = subquery(r.relations());
            Fragment where = new Fragment().sql(sub.correlation);
            if (e.condition() != null) {
                where.sql(" AND (");
                sub.scope.predicate(where, e.condition());
                where.sql(")");
            }
            f.sql("EXISTS (SELECT 1 FROM ").sql(sub.from).sql(sub.scope.joins.text.toString()).sql(" WHERE ").append(where).sql(")");
        }
    }

    /** A maintained COUNT of the same related rows: "some row exists" is "the count is positive". */
    private MaintainedColumns.Entry maintainedCount(Predicate.Exists<?> e) {
        if (st.maintained.isEmpty()) {
            return null;
        }
        return st.maintained.find(model, new Aggregate<>(Aggregate.Fn.COUNT, e.relation(), null, e.condition(), List.of(), Long.class));
    }

    private void junction(Fragment f, List<? extends Predicate<?>> terms, String op, String empty) {
        if (terms.isEmpty()) {
            f.sql(empty);
            return;
        }
        f.sql("(");
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                f.sql(op);
            }
            predicate(f, terms.get(i));
        }
        f.sql(")");
    }

    private void in(Fragment f, Predicate.In<?> in) {
        if (in.values().isEmpty()) {
            f.sql(in.negated() ? "1=1" : "1=0");
            return;
        }
        Class<?> type = in.left().type() != Object.class ? Paths.boxed(in.left().type()) : in.values().get(0).getClass();
        Fragment e = new Fragment();
        expr(e, in.left());
        if (d().supportsArrayParameters() && d().arrayElementType(type) != null) {
            ArrayParam values = new ArrayParam(type, in.values().toArray());
            if (in.negated()) {
                d().notInArray(f, e, values);
            } else {
                f.append(e).sql(" = ANY(").param(values).sql(")");
            }
            return;
        }
        f.append(e).sql(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) {
                f.sql(", ");
            }
            f.param(in.values().get(i));
        }
        f.sql(")");
    }

    /** Rewrites a column condition whose path crosses a to-many relation as EXISTS over that relation. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate<?> throughToMany(Predicate<?> p) {
        Expr<?, ?> subject;
        if (p instanceof Predicate.Compare<?> c) {
            subject = c.left();
        } else if (p instanceof Predicate.In<?> in) {
            subject = in.left();
        } else if (p instanceof Predicate.Between<?> b) {
            subject = b.expr();
        } else if (p instanceof Predicate.IsNull<?> n) {
            subject = n.expr();
        } else if (p instanceof Predicate.Like<?> l) {
            subject = l.expr();
        } else {
            return p;
        }
        if (!(subject instanceof Col<?, ?> col) || col.path().size() < 2) {
            return p;
        }
        Paths.Resolved r = Paths.column(model, col.path(), col.type());
        if (r.firstToMany() < 0) {
            return p;
        }
        EntityModel<?> last = r.last();
        Col inner = new Col(last.type(), List.of(r.leaf().name()), col.type());
        Predicate<?> cond;
        if (p instanceof Predicate.Compare<?> c) {
            if (c.right() instanceof Expr<?, ?>) {
                throw new InvalidQueryException("comparing '" + col.dotted() + "' (through a to-many relation) with another "
                        + "column is not supported; use Agg or any(...)");
            }
            cond = new Predicate.Compare(inner, c.op(), c.right());
        } else if (p instanceof Predicate.In<?> in) {
            cond = new Predicate.In(inner, in.values(), in.negated());
        } else if (p instanceof Predicate.Between<?> b) {
            cond = new Predicate.Between(inner, b.low(), b.high());
        } else if (p instanceof Predicate.IsNull<?> n) {
            cond = new Predicate.IsNull(inner, n.negated());
        } else {
            Predicate.Like<?> l = (Predicate.Like<?>) p;
            cond = new Predicate.Like(inner, l.pattern(), l.ignoreCase());
        }
        return new Predicate.Exists(col.path().subList(0, col.path().size() - 1), last.type(), cond);
    }
}
