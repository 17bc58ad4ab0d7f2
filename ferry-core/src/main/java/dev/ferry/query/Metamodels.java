package dev.ferry.query;

import dev.ferry.error.MappingException;
import dev.ferry.model.EntityModel;
import dev.ferry.model.Models;
import dev.ferry.model.Relation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

/** Checks metamodel classes ({@code Occurrence_}) against the model at start-up. */
public final class Metamodels {
    private Metamodels() {
    }

    /** Resolves every public static path constant of {@code metamodel}; throws naming the constant and the fix. */
    public static void validate(Models models, Class<?> metamodel) {
        for (Field f : metamodel.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String where = metamodel.getSimpleName() + "." + f.getName();
            Object value;
            try {
                f.trySetAccessible();
                value = f.get(null);
            } catch (IllegalAccessException e) {
                throw new MappingException("cannot read " + where + " to check it; make the metamodel class public", e);
            }
            try {
                if (value instanceof Col<?, ?> c) {
                    Paths.column(models.of(c.root()), c.path(), c.type());
                } else if (value instanceof RelationPath<?, ?> r) {
                    EntityModel<?> root = models.of(r.root());
                    List<Relation> rels = Paths.relation(root, r.path()).relations();
                    Relation last = rels.get(rels.size() - 1);
                    boolean toMany = rels.stream().anyMatch(Relation::isToMany);
                    if (last.target().type() != r.target()) {
                        throw new MappingException("the path leads to " + last.target().name() + ", not "
                                + r.target().getSimpleName());
                    }
                    if (value instanceof ToOne<?, ?> && toMany) {
                        throw new MappingException("'" + r.dotted() + "' is to-many; declare it as ToMany<"
                                + root.name() + ", " + last.target().name() + ">");
                    }
                    if (value instanceof ToMany<?, ?> && !toMany) {
                        throw new MappingException("'" + r.dotted() + "' is to-one; declare it as ToOne<"
                                + root.name() + ", " + last.target().name() + ">");
                    }
                }
            } catch (MappingException e) {
                throw new MappingException(where + ": " + e.getMessage(), e);
            }
        }
    }
}
