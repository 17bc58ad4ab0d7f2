package dev.ferry.sql;

import dev.ferry.query.Ordering;

import java.util.ArrayList;
import java.util.List;

/**
 * Keyset pagination's "strictly after the position" as disjoint branches. Each branch is a prefix of
 * equalities (or IS NULL) on earlier terms and one range: a row-value comparison over a run of
 * same-direction terms, {@code (a, id) < (?, ?)}, which an index on {@code (a, id)} answers as one
 * range (PostgreSQL cannot use an index for the per-term OR of {@code a < ? OR (a = ? AND id < ?)}).
 * A nullable term may only lead a run (a NULL there fails the comparison, as it should; further in,
 * it would also drop rows that tie before it), and its NULLs get a branch of their own when they sort
 * after the position.
 */
final class Keyset {

    /** Renders every branch: one plainly, several OR'ed. */
    static final int ALL = -1;

    private enum Kind { EQUAL, AFTER, IS_NULL, IS_NOT_NULL }

    /** A condition on the terms {@code from} to {@code to - 1}: a run for EQUAL and AFTER, one term otherwise. */
    private record Condition(Kind kind, int from, int to) {
    }

    private final List<Ordering.Term> terms;
    private final List<Object> values;
    private final List<List<Condition>> branches = new ArrayList<>();

    /** The keyset condition of a position; null without one. */
    static Keyset of(Ordering ordering, List<Object> values) {
        return values == null ? null : new Keyset(ordering.terms(), values);
    }

    private Keyset(List<Ordering.Term> terms, List<Object> values) {
        this.terms = terms;
        this.values = values;
        List<Condition> prefix = new ArrayList<>();
        int i = 0;
        while (i < terms.size()) {
            Ordering.Term t = terms.get(i);
            if (values.get(i) == null) { // only a nullable term has a NULL value (Ordering.checkPosition)
                if (t.nullsFirst()) {
                    branch(prefix, new Condition(Kind.IS_NOT_NULL, i, i + 1)); // every value sorts after NULL
                }
                prefix.add(new Condition(Kind.IS_NULL, i, i + 1));
                i++;
                continue;
            }
            int end = i + 1;
            while (end < terms.size() && !terms.get(end).nullable() && terms.get(end).descending() == t.descending()) {
                end++;
            }
            branch(prefix, new Condition(Kind.AFTER, i, end));
            if (t.nullable() && !t.nullsFirst()) {
                branch(prefix, new Condition(Kind.IS_NULL, i, i + 1)); // NULLs sort after every value
            }
            prefix.add(new Condition(Kind.EQUAL, i, end));
            i = end;
        }
    }

    private void branch(List<Condition> prefix, Condition last) {
        List<Condition> b = new ArrayList<>(prefix.size() + 1);
        b.addAll(prefix);
        b.add(last);
        branches.add(b);
    }

    int branches() {
        return branches.size();
    }

    /** Branch {@code branch} (its conditions AND'ed), or with {@link #ALL} every branch. */
    void render(Scope s, Fragment f, int branch) {
        if (branch != ALL) {
            conditions(s, f, branches.get(branch));
            return;
        }
        if (branches.size() == 1) {
            conditions(s, f, branches.get(0));
            return;
        }
        f.sql("(");
        for (int b = 0; b < branches.size(); b++) {
            List<Condition> conditions = branches.get(b);
            f.sql(b == 0 ? "" : " OR ").sql(conditions.size() > 1 ? "(" : "");
            conditions(s, f, conditions);
            f.sql(conditions.size() > 1 ? ")" : "");
        }
        f.sql(")");
    }

    private void conditions(Scope s, Fragment f, List<Condition> conditions) {
        for (int c = 0; c < conditions.size(); c++) {
            if (c > 0) {
                f.sql(" AND ");
            }
            condition(s, f, conditions.get(c));
        }
    }

    private void condition(Scope s, Fragment f, Condition c) {
        switch (c.kind()) {
            case EQUAL:
                for (int i = c.from(); i < c.to(); i++) {
                    f.sql(i == c.from() ? "" : " AND ");
                    s.expr(f, terms.get(i).expr());
                    f.sql(" = ").param(values.get(i));
                }
                break;
            case AFTER:
                String op = terms.get(c.from()).descending() ? " < " : " > ";
                if (c.to() - c.from() == 1) {
                    s.expr(f, terms.get(c.from()).expr());
                    f.sql(op).param(values.get(c.from()));
                    break;
                }
                f.sql("(");
                for (int i = c.from(); i < c.to(); i++) {
                    f.sql(i == c.from() ? "" : ", ");
                    s.expr(f, terms.get(i).expr());
                }
                f.sql(")").sql(op).sql("(");
                for (int i = c.from(); i < c.to(); i++) {
                    f.sql(i == c.from() ? "" : ", ").param(values.get(i));
                }
                f.sql(")");
                break;
            case IS_NULL:
                s.expr(f, terms.get(c.from()).expr());
                f.sql(" IS NULL");
                break;
            default:
                s.expr(f, terms.get(c.from()).expr());
                f.sql(" IS NOT NULL");
        }
    }
}
