package dev.ferry.maintain;

import dev.ferry.error.FerryException;
import dev.ferry.error.MappingException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Models;
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
import dev.ferry.sql.MaintainedColumns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A checked declaration and what its value reads, which decides the triggers: the owner's own
 * columns, the child rows of direct one-to-many relations, and the rows reached through to-one
 * relations (each prefix of a path, with the columns read on the row it reaches).
 */
final class Declared {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    final MaintainedColumn declaration;
    final EntityModel<?> owner;
    final String column;
    final Expr<?, ?> expr;
    final Class<?> valueType;
    final boolean nullable;
    /** Owner columns read directly: its own columns and the first foreign key of each to-one path. */
    final Set<String> ownerColumns = new LinkedHashSet<>();
    /** Per direct one-to-many relation: the child's columns read (its foreign key first). */
    final Map<Relation.OneToMany, Set<String>> children = new LinkedHashMap<>();
    /** Per to-one path prefix: the columns read on the row it reaches (the leaf, or the next foreign key). */
    final Map<List<Relation.ToOne>, Set<String>> targets = new LinkedHashMap<>();

    private Declared(MaintainedColumn declaration, EntityModel<?> owner) {
        this.declaration = declaration;
        this.owner = owner;
        this.column = declaration.column();
        this.expr = declaration.expression();
        ownerExpr(expr);
        this.valueType = valueType(expr);
        this.nullable = nullable(expr);
    }

    /** Whether the column is a COUNT: {@code NOT NULL DEFAULT 0}. */
    boolean isCount() {
        return expr instanceof Aggregate<?, ?> a && a.fn() == Aggregate.Fn.COUNT;
    }

    MaintainedColumns.Entry entry() {
        return new MaintainedColumns.Entry(owner, column, expr, nullable);
    }

    /** Checks every declaration; the first mistake throws a {@link MappingException} that names it and the fix. */
    static List<Declared> resolve(Models models, List<MaintainedColumn> declarations) {
        List<Declared> out = new ArrayList<>();
        Map<String, Declared> byColumn = new LinkedHashMap<>();
        Map<String, EntityModel<?>> ownerOfTable = new LinkedHashMap<>();
        for (MaintainedColumn d : declarations) {
            EntityModel<?> owner;
            try {
                owner = models.of(d.owner());
            } catch (FerryException e) {
                throw new MappingException(d + ": " + e.getMessage(), e);
            }
            if (d.column() == null || !IDENTIFIER.matcher(d.column()).matches()) {
                throw new MappingException(d + ": the column name must be a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*)");
            }
            EntityModel<?> tableOwner = ownerOfTable.putIfAbsent(owner.table(), owner);
            if (tableOwner != null && tableOwner != owner) {
                throw new MappingException(d + ": " + tableOwner.name() + " already declares maintained columns of table "
                        + owner.table() + "; declare all of a table's maintained columns on one entity (queries of "
                        + owner.name() + " compute the expressions instead)");
            }
            Declared r;
            try {
                r = new Declared(d, owner);
            } catch (MappingException e) {
                throw e;
            } catch (FerryException e) {
                throw new MappingException(d + ": " + e.getMessage(), e);
            }
            String key = owner.table() + "." + d.column().toLowerCase(java.util.Locale.ROOT);
            if (byColumn.containsKey(key)) {
                throw new MappingException(d + ": " + owner.table() + "." + d.column() + " is declared twice; keep one declaration");
            }
            for (Declared other : out) {
                if (other.owner == owner && other.expr.equals(r.expr)) {
                    throw new MappingException(d + ": " + owner.name() + "." + other.column + " already stores this expression; "
                            + "keep one column per expression (queries read the first)");
                }
            }
            r.checkComponent();
            byColumn.put(key, r);
            out.add(r);
        }
        for (Declared r : out) {
            r.checkNoChain(byColumn);
        }
        return out;
    }

    // ---------------------------------------------------------------- checks

    private MappingException error(String message) {
        return new MappingException(declaration + ": " + message);
    }

    /** A column that is also a record component is read like any column: it must be a plain column of the right type. */
    private void checkComponent() {
        for (Property p : owner.properties()) {
            if (p.column() == null || !p.column().equalsIgnoreCase(column)) {
                continue;
            }
            if (p.kind() != Property.Kind.COLUMN) {
                throw error(owner.name() + "." + p.name() + " maps the column " + column + " as " + p.kind()
                        + "; a maintained column must be a plain column or no component at all: choose another column name");
            }
            if (!Paths.boxed(p.type()).isAssignableFrom(valueType)) {
                throw error(owner.name() + "." + p.name() + " is " + p.type().getSimpleName() + " but the expression is "
                        + valueType.getSimpleName() + "; declare the component as " + valueType.getSimpleName());
            }
        }
    }

    /** No expression may read a maintained column: the triggers recompute one level, never a chain. */
    private void checkNoChain(Map<String, Declared> byColumn) {
        List<String> read = new ArrayList<>();
        for (String c : ownerColumns) {
            read.add(owner.table() + "." + c);
        }
        for (Map.Entry<Relation.OneToMany, Set<String>> e : children.entrySet()) {
            for (String c : e.getValue()) {
                read.add(e.getKey().target().table() + "." + c);
            }
        }
        for (Map.Entry<List<Relation.ToOne>, Set<String>> e : targets.entrySet()) {
            EntityModel<?> at = e.getKey().get(e.getKey().size() - 1).target();
            for (String c : e.getValue()) {
                read.add(at.table() + "." + c);
            }
        }
        for (String r : read) {
            Declared other = byColumn.get(r.toLowerCase(java.util.Locale.ROOT));
            if (other != null) {
                throw error("it reads " + r + ", which is itself maintained (" + other.declaration + "); maintained "
                        + "columns cannot depend on one another: declare this one over the underlying rows instead");
            }
        }
    }

    // ---------------------------------------------------------------- the owner's expression

    private void ownerExpr(Expr<?, ?> e) {
        if (e instanceof Col<?, ?> c) {
            ownerColumn(c);
        } else if (e instanceof Aggregate<?, ?> a) {
            aggregate(a);
        } else if (e instanceof Arithmetic<?, ?> a) {
            ownerExpr(a.left());
            ownerExpr(a.right());
        } else if (e instanceof SecondsBetween<?> s) {
            ownerExpr(s.start());
            ownerExpr(s.end());
        } else if (e instanceof TimeOfDay<?> t) {
            ownerExpr(t.value());
        } else if (e instanceof Literal<?, ?>) {
            return;
        } else {
            throw error("unsupported expression " + e);
        }
    }

    private void ownerColumn(Col<?, ?> c) {
        if (c.root() != owner.type()) {
            throw error("the path " + c + " starts from " + c.root().getSimpleName() + ", not from " + owner.name());
        }
        Paths.Resolved r = Paths.column(owner, c.path(), c.type());
        if (r.firstToMany() >= 0) {
            throw error("'" + c.dotted() + "' goes through the to-many relation " + r.relations().get(r.firstToMany()).describe()
                    + " and has many values per row; maintain an aggregate of it instead (Agg.count/min/max/first)");
        }
        Property leaf = r.leaf();
        if (leaf.kind() == Property.Kind.COMPUTED) {
            throw error(r.last().name() + "." + leaf.name() + " is @Computed, not stored; use the expression it is annotated with");
        }
        List<Relation> rels = r.relations();
        if (rels.isEmpty()) {
            ownerColumns.add(leaf.column());
            return;
        }
        List<Relation.ToOne> prefix = new ArrayList<>();
        for (int i = 0; i < rels.size(); i++) {
            Relation.ToOne step = (Relation.ToOne) rels.get(i);
            if (i == 0) {
                ownerColumns.add(step.fkColumn());
            }
            prefix.add(step);
            String read = i + 1 < rels.size() ? ((Relation.ToOne) rels.get(i + 1)).fkColumn() : leaf.column();
            targets.computeIfAbsent(List.copyOf(prefix), k -> new LinkedHashSet<>()).add(read);
        }
    }

    private void aggregate(Aggregate<?, ?> a) {
        Paths.Resolved r = Paths.relation(owner, a.relation());
        String path = String.join(".", a.relation());
        if (r.relations().size() != 1) {
            throw error("the aggregate over '" + path + "' crosses " + r.relations().size() + " relations; only a direct "
                    + "one-to-many relation of " + owner.name() + " can be maintained (the triggers watch one child table): "
                    + "compute it in the query with Agg, or maintain it on the intermediate entity");
        }
        Relation rel = r.relations().get(0);
        if (rel instanceof Relation.ManyToMany) {
            throw error("the aggregate over '" + path + "' uses the many-to-many relation " + rel.describe()
                    + "; only a direct one-to-many relation can be maintained: compute it in the query with Agg");
        }
        if (!(rel instanceof Relation.OneToMany o)) {
            throw error("'" + path + "' is a to-one relation; an aggregate needs a one-to-many relation (read the column itself)");
        }
        EntityModel<?> child = o.target();
        Set<String> read = children.computeIfAbsent(o, k -> new LinkedHashSet<>());
        read.add(o.fkColumn());
        if (a.column() != null) {
            childExpr(child, a.column(), read);
        }
        if (a.filter() != null) {
            childPredicate(child, a.filter(), read);
        }
        for (Order<?> ord : a.orders()) {
            childExpr(child, ord.expr(), read);
        }
        if (a.fn() == Aggregate.Fn.FIRST) {
            read.add(child.id().column()); // the key ends the ordering
        }
    }

    /** Parts of an aggregate read only the child row's own stored columns (one table to watch). */
    private void childExpr(EntityModel<?> child, Expr<?, ?> e, Set<String> read) {
        if (e instanceof Col<?, ?> c) {
            if (c.root() != child.type()) {
                throw error("the path " + c + " starts from " + c.root().getSimpleName() + ", not from " + child.name());
            }
            if (c.path().size() != 1) {
                throw error("the aggregate reads '" + c.dotted() + "' through a relation of " + child.name()
                        + "; a maintained aggregate may read only the child's own columns");
            }
            Property leaf = Paths.column(child, c.path(), c.type()).leaf();
            if (leaf.kind() == Property.Kind.COMPUTED) {
                throw error(child.name() + "." + leaf.name() + " is @Computed, not stored");
            }
            read.add(leaf.column());
        } else if (e instanceof Arithmetic<?, ?> a) {
            childExpr(child, a.left(), read);
            childExpr(child, a.right(), read);
        } else if (e instanceof SecondsBetween<?> s) {
            childExpr(child, s.start(), read);
            childExpr(child, s.end(), read);
        } else if (e instanceof TimeOfDay<?> t) {
            childExpr(child, t.value(), read);
        } else if (e instanceof Literal<?, ?>) {
            return;
        } else {
            throw error("an aggregate inside an aggregate (" + e + ") cannot be maintained");
        }
    }

    private void childPredicate(EntityModel<?> child, Predicate<?> p, Set<String> read) {
        if (p instanceof Predicate.Compare<?> c) {
            childExpr(child, c.left(), read);
            if (c.right() instanceof Expr<?, ?> e) {
                childExpr(child, e, read);
            }
        } else if (p instanceof Predicate.In<?> in) {
            childExpr(child, in.left(), read);
        } else if (p instanceof Predicate.Between<?> b) {
            childExpr(child, b.expr(), read);
        } else if (p instanceof Predicate.IsNull<?> n) {
            childExpr(child, n.expr(), read);
        } else if (p instanceof Predicate.Like<?> l) {
            childExpr(child, l.expr(), read);
        } else if (p instanceof Predicate.And<?> a) {
            a.terms().forEach(t -> childPredicate(child, t, read));
        } else if (p instanceof Predicate.Or<?> o) {
            o.terms().forEach(t -> childPredicate(child, t, read));
        } else if (p instanceof Predicate.Not<?> n) {
            childPredicate(child, n.term(), read);
        } else {
            throw error("the aggregate's filter reads other tables (" + p + "); a maintained aggregate may read only the "
                    + "child's own columns");
        }
    }

    // ---------------------------------------------------------------- type and nullability

    private Class<?> valueType(Expr<?, ?> e) {
        Class<?> t = Paths.boxed(e.type());
        if (t == Object.class && e instanceof Col<?, ?> c) {
            Paths.Resolved r = Paths.column(owner, c.path(), null);
            t = Paths.boxed(r.leaf().kind() == Property.Kind.TO_ONE
                    ? r.last().models().of(r.leaf().target()).id().type() : r.leaf().type());
        }
        if (sqlType(t, false) == null) {
            throw error("no column type for a " + t.getSimpleName() + " value; supported: Long, Integer, Short, Double, "
                    + "Float, BigDecimal, Boolean, String, LocalDateTime, LocalDate, LocalTime, OffsetDateTime, UUID");
        }
        return t;
    }

    private boolean nullable(Expr<?, ?> e) {
        if (e instanceof Col<?, ?> c) {
            Paths.Resolved r = Paths.column(owner, c.path(), null);
            for (Relation rel : r.relations()) {
                if (((Relation.ToOne) rel).nullable()) {
                    return true;
                }
            }
            return r.leaf().nullable();
        }
        if (e instanceof Aggregate<?, ?> a) {
            return a.fn() != Aggregate.Fn.COUNT;
        }
        if (e instanceof Arithmetic<?, ?> a) {
            return nullable(a.left()) || nullable(a.right());
        }
        if (e instanceof SecondsBetween<?> s) {
            return nullable(s.start()) || nullable(s.end());
        }
        if (e instanceof TimeOfDay<?> t) {
            return nullable(t.value());
        }
        return false;
    }

    /** The SQL type of the column: what {@code ADD COLUMN} creates and what the computation is cast to. */
    String sqlType(boolean postgres) {
        return sqlType(valueType, postgres);
    }

    private static String sqlType(Class<?> t, boolean postgres) {
        if (t == Long.class) return "bigint";
        if (t == Integer.class) return "integer";
        if (t == Short.class) return "smallint";
        if (t == Double.class) return "double precision";
        if (t == Float.class) return "real";
        if (t == BigDecimal.class) return "numeric";
        if (t == Boolean.class) return "boolean";
        // H2 reads TEXT as a CLOB; its VARCHAR has no length limit to speak of.
        if (t == String.class || t.isEnum()) return postgres ? "text" : "varchar";
        if (t == LocalDateTime.class) return "timestamp";
        if (t == LocalDate.class) return "date";
        if (t == LocalTime.class) return "time";
        if (t == OffsetDateTime.class) return "timestamp with time zone";
        if (t == UUID.class) return "uuid";
        return null;
    }

    @Override
    public String toString() {
        return declaration.toString();
    }
}
