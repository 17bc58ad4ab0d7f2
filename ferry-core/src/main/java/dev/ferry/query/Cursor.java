package dev.ferry.query;

import dev.ferry.error.InvalidQueryException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Ref;
import dev.ferry.model.Relation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A keyset position: the values of a query's ordering (its {@code orderBy} terms, then the key) at
 * one row, from {@link Query#cursor(Object)} or {@link Query#cursor(String)}, for
 * {@link Query#after(Cursor)}. {@link #token()} is the same position as a URL-safe string for the
 * next page's link. The token is not signed: a client can only move its own position with it, every
 * value is bound as a parameter, and a token of another ordering is refused.
 */
public final class Cursor {

    private final List<Object> values;
    private final int ordering;

    /** @param ordering the {@link Ordering#fingerprint()} of the ordering the values belong to */
    Cursor(List<Object> values, int ordering) {
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.ordering = ordering;
    }

    /** One value per ordering term, the key last; NULLs where the row has them. */
    public List<Object> values() {
        return values;
    }

    int ordering() {
        return ordering;
    }

    /**
     * The position as a URL-safe string (base64url, no padding), to hand back as {@link Query#cursor(String)}.
     * Values may be Long, Integer, Short, String, Double, Float, Boolean, BigDecimal, LocalDate,
     * LocalDateTime, LocalTime, OffsetDateTime, UUID or null.
     */
    public String token() {
        return CursorToken.encode(this);
    }

    /** Reads the ordering's values from a row that {@code spec} (or a query with its ordering) loaded. */
    static Cursor at(QuerySpec<?> spec, Ordering ordering, Object row) {
        if (row == null) {
            throw new InvalidQueryException("cursor(row): the row is null; for the first page, do not call after(...)");
        }
        List<Object> values = new ArrayList<>(ordering.terms().size());
        for (Ordering.Term t : ordering.terms()) {
            values.add(read(spec, t, row));
        }
        return new Cursor(values, ordering.fingerprint());
    }

    private static Object read(QuerySpec<?> spec, Ordering.Term t, Object row) {
        if (!(t.expr() instanceof Col<?, ?> c)) {
            throw new InvalidQueryException("cursor(row) cannot read the ordering term " + t.label() + " from a row: it is "
                    + "an expression, not a component; annotate a @Computed component with it and order by that "
                    + "component, or pass the row's values to after(...)");
        }
        EntityModel<?> model = spec.model();
        Paths.Resolved r = Paths.column(model, c.path(), null);
        Property leaf = r.leaf();
        Object at = row;
        List<Relation> rels = r.relations();
        for (int i = 0; i < rels.size(); i++) {
            if (!(rels.get(i) instanceof Relation.ToOne rel)) {
                throw new InvalidQueryException("cursor(row) cannot read " + t.label() + ": it goes through the to-many "
                        + "relation " + rels.get(i).describe());
            }
            Ref<?> ref = (Ref<?>) rel.property().read(at);
            if (ref.isEmpty()) {
                return null; // a NULL foreign key: the joined columns are NULL
            }
            if (i == rels.size() - 1 && leaf.kind() == Property.Kind.ID) {
                return ref.id(); // the target's key is the foreign key: no need to have loaded the target
            }
            if (!ref.isLoaded()) {
                throw new InvalidQueryException("cursor(row) cannot read " + t.label() + ": the row's " + rel.describe()
                        + " is not loaded; add join(\"" + String.join(".", c.path().subList(0, i + 1))
                        + "\") to the query, or pass the row's values to after(...)");
            }
            at = ref.get();
        }
        if (leaf.kind() == Property.Kind.COMPUTED) {
            boolean annotated = rels.isEmpty() && spec.computations().stream().anyMatch(x -> x.target() == leaf);
            if (!annotated) {
                throw new InvalidQueryException("cursor(row) cannot read " + t.label() + ": it is @Computed and this query "
                        + "does not annotate it; annotate it, or pass the row's values to after(...)");
            }
            return leaf.read(at);
        }
        Object value = leaf.read(at);
        return leaf.kind() == Property.Kind.TO_ONE && value != null ? ((Ref<?>) value).id() : value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor other && ordering == other.ordering && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return 31 * ordering + values.hashCode();
    }

    @Override
    public String toString() {
        return "Cursor" + values;
    }
}
