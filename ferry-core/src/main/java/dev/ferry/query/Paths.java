package dev.ferry.query;

import dev.ferry.error.MappingException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Property;
import dev.ferry.model.Relation;

import java.util.ArrayList;
import java.util.List;

/** Resolves dotted paths against the model, with messages that name the fix. */
public final class Paths {
    private Paths() {
    }

    /**
     * A path resolved to the relations it crosses and, for a column path, the final component.
     *
     * @param relations the relations crossed, in order
     * @param leaf      the final column (ID, COLUMN, TO_ONE foreign key or COMPUTED); null for a relation path
     */
    public record Resolved(EntityModel<?> root, List<Relation> relations, Property leaf) {
        /** The entity that owns the leaf (or the last relation's target). */
        public EntityModel<?> last() {
            return relations.isEmpty() ? root : relations.get(relations.size() - 1).target();
        }

        /** Index of the first to-many relation, or -1. */
        public int firstToMany() {
            for (int i = 0; i < relations.size(); i++) {
                if (relations.get(i).isToMany()) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Resolves a path that must end at a relation (join, prefetch, EXISTS). */
    public static Resolved relation(EntityModel<?> root, List<String> path) {
        List<Relation> rels = new ArrayList<>(path.size());
        EntityModel<?> at = root;
        for (int i = 0; i < path.size(); i++) {
            Relation r = step(at, path, i);
            rels.add(r);
            at = r.target();
        }
        return new Resolved(root, List.copyOf(rels), null);
    }

    /** Resolves a path that must end at a column, and checks its declared type. */
    public static Resolved column(EntityModel<?> root, List<String> path, Class<?> declaredType) {
        List<Relation> rels = new ArrayList<>(path.size());
        EntityModel<?> at = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Relation r = step(at, path, i);
            rels.add(r);
            at = r.target();
        }
        String last = path.get(path.size() - 1);
        Property leaf = at.property(last);
        if (leaf.kind() == Property.Kind.ONE_TO_MANY || leaf.kind() == Property.Kind.MANY_TO_MANY) {
            throw new MappingException(at.name() + "." + leaf.name() + " is a to-many relation, not a column (path '"
                    + String.join(".", path) + "'); use Agg.count(...), .any(...) or .isNotEmpty() on it");
        }
        if (declaredType != null && declaredType != Object.class) {
            Class<?> actual = leaf.kind() == Property.Kind.TO_ONE
                    ? boxed(at.models().of(leaf.target()).id().type())
                    : boxed(leaf.type());
            if (!boxed(declaredType).isAssignableFrom(actual)) {
                throw new MappingException("path '" + String.join(".", path) + "' from " + root.name()
                        + " was declared as " + declaredType.getSimpleName() + ", but " + at.name() + "." + leaf.name()
                        + " is " + actual.getSimpleName() + "; declare it as Col<" + root.name() + ", "
                        + actual.getSimpleName() + ">");
            }
        }
        return new Resolved(root, List.copyOf(rels), leaf);
    }

    private static Relation step(EntityModel<?> at, List<String> path, int i) {
        String name = path.get(i);
        Property p = at.findProperty(name);
        if (p != null && !p.isRelation()) {
            throw new MappingException(at.name() + "." + p.name() + " is a column, not a relation (path '"
                    + String.join(".", path) + "')");
        }
        return at.relation(name);
    }

    /**
     * The Java type of {@code e}'s values as declared: its own type, or for an untyped path (by name, or a
     * foreign key) the type the model gives its column; {@link #boxed} it to read a nullable value.
     */
    public static Class<?> valueType(EntityModel<?> root, Expr<?, ?> e) {
        Class<?> t = e.type();
        if (t == Object.class && e instanceof Col<?, ?> c) {
            Resolved r = column(root, c.path(), null);
            t = r.leaf().kind() == Property.Kind.TO_ONE ? r.last().models().of(r.leaf().target()).id().type()
                    : r.leaf().type();
        }
        return t;
    }

    public static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == long.class) return Long.class;
        if (c == int.class) return Integer.class;
        if (c == double.class) return Double.class;
        if (c == boolean.class) return Boolean.class;
        if (c == float.class) return Float.class;
        if (c == short.class) return Short.class;
        if (c == byte.class) return Byte.class;
        if (c == char.class) return Character.class;
        return c;
    }
}
