package dev.ferry.query;

import dev.ferry.error.InvalidQueryException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Relation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The order a query's rows come in and are paged by: its {@code orderBy} terms, then the entity's
 * key unless a term is the key, so the order is total. The appended key takes the last term's
 * direction (ascending without terms): one index {@code (a, id)} then serves {@code a ASC, id ASC}
 * forward and {@code a DESC, id DESC} backward, and a keyset condition over a same-direction run is
 * one row-value comparison. A term that cannot be NULL takes its direction's default NULL placement
 * (ASC NULLS LAST, DESC NULLS FIRST) whatever its {@link Order} says: the same order for NOT NULL
 * values, and the one an ascending index gives when read backwards.
 *
 * @param terms       as rendered, the key last unless {@code orderBy} has it
 * @param keyAppended whether the key was appended (it is not one of the {@code orderBy} terms)
 */
public record Ordering(EntityModel<?> model, List<Term> terms, boolean keyAppended) {

    /**
     * One ORDER BY term as rendered.
     *
     * @param nullsFirst where NULLs sort; for a term that cannot be NULL, the direction's default
     * @param nullable   whether the term can be NULL for some row ({@link Nullability})
     */
    public record Term(Expr<?, ?> expr, boolean descending, boolean nullsFirst, boolean nullable) {

        /** The term for messages: {@code Occurrence.determinationScore}. */
        public String label() {
            if (expr instanceof Col<?, ?> c) {
                return c.toString();
            }
            if (expr instanceof Aggregate<?, ?> a) {
                return "Agg." + a.fn().name().toLowerCase(Locale.ROOT) + "(" + String.join(".", a.relation()) + ")";
            }
            return expr.getClass().getSimpleName();
        }

        @Override
        public String toString() {
            return label() + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    public Ordering {
        terms = List.copyOf(terms);
    }

    /** The ordering of {@code q}. Computed on each call: rendering asks once per statement. */
    public static Ordering of(QuerySpec<?> q) {
        EntityModel<?> model = q.model();
        Map<Property, Expr<?, ?>> computed = Map.of();
        if (!q.computations().isEmpty()) {
            computed = new HashMap<>();
            for (Computation c : q.computations()) {
                computed.put(c.target(), c.expr());
            }
        }
        List<Term> terms = new ArrayList<>(q.orders().size() + 1);
        boolean hasKey = false;
        for (Order<?> o : q.orders()) {
            boolean nullable = Nullability.nullable(model, o.expr(), computed);
            boolean nullsFirst = nullable ? o.nulls() == Order.Nulls.FIRST : o.descending();
            terms.add(new Term(o.expr(), o.descending(), nullsFirst, nullable));
            hasKey |= o.expr() instanceof Col<?, ?> c && c.path().size() == 1 && model.findProperty(c.path().get(0)) == model.id();
        }
        if (!hasKey) {
            boolean descending = !terms.isEmpty() && terms.get(terms.size() - 1).descending();
            Col<?, Object> key = new Col<>(model.type(), List.of(model.id().name()), Object.class);
            terms.add(new Term(key, descending, descending, false));
        }
        return new Ordering(model, terms, !hasKey);
    }

    /**
     * Checks a keyset position against this ordering: one value per term, the key last, and no NULL
     * for a term that cannot be NULL.
     */
    void checkPosition(List<Object> values) {
        int explicit = terms.size() - (keyAppended ? 1 : 0);
        if (values.size() != terms.size()) {
            if (keyAppended && explicit > 0 && values.size() == explicit) {
                throw new InvalidQueryException("after(...) got one value per orderBy term, but the ordering ends with "
                        + key().label() + " to break ties (orderBy has no key): pass the last row's "
                        + model.id().name() + " as one more value, after(..., lastRow." + model.id().name()
                        + "()), or use after(query.cursor(lastRow))");
            }
            throw new InvalidQueryException("after(...) takes one value per ordering term, the key last: the ordering is "
                    + this + " (" + terms.size() + (terms.size() == 1 ? " term), " : " terms), ") + values.size()
                    + (values.size() == 1 ? " value was given" : " values were given")
                    + "; or use after(query.cursor(lastRow))");
        }
        for (int i = 0; i < values.size(); i++) {
            Term t = terms.get(i);
            if (values.get(i) == null && !t.nullable()) {
                throw new InvalidQueryException("after(...): the value for " + t.label() + " is null, but "
                        + t.label() + " cannot be NULL; pass the last row's value, or use after(query.cursor(lastRow))");
            }
        }
    }

    /** The Java type of a term's values (boxed); Object when the expression does not say. */
    Class<?> valueType(Term t) {
        if (t.expr() instanceof Col<?, ?> c) {
            Paths.Resolved r = Paths.column(model, c.path(), null);
            Property leaf = r.leaf();
            return Paths.boxed(leaf.kind() == Property.Kind.TO_ONE ? model.models().of(leaf.target()).id().type() : leaf.type());
        }
        return Paths.boxed(t.expr().type());
    }

    private Term key() {
        return terms.get(terms.size() - 1);
    }

    /**
     * A short hash of the ordering (entity, terms by their resolved names, directions and NULL
     * placement): a cursor token carries it, so a token of another ordering is refused.
     */
    int fingerprint() {
        StringBuilder text = new StringBuilder(model.name());
        for (Term t : terms) {
            text.append(';').append(canonical(t.expr())).append(t.descending() ? " DESC" : " ASC")
                    .append(t.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
        }
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** A column by its component names (a path may use column names as aliases); other expressions as written. */
    private String canonical(Expr<?, ?> e) {
        if (!(e instanceof Col<?, ?> c)) {
            return e.toString();
        }
        Paths.Resolved r = Paths.column(model, c.path(), null);
        StringBuilder path = new StringBuilder();
        for (Relation rel : r.relations()) {
            path.append(rel.name()).append('.');
        }
        return path.append(r.leaf().name()).toString();
    }

    @Override
    public String toString() {
        return terms.toString();
    }
}
