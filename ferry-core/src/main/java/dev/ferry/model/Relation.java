package dev.ferry.model;

/** A resolved relation between two entities. */
public sealed interface Relation permits Relation.ToOne, Relation.OneToMany, Relation.ManyToMany {

    EntityModel<?> owner();

    Property property();

    EntityModel<?> target();

    default String name() {
        return property().name();
    }

    default boolean isToMany() {
        return !(this instanceof ToOne);
    }

    /** {@code Owner.name}, for messages. */
    default String describe() {
        return owner().type().getSimpleName() + "." + name();
    }

    /** owner.fkColumn -> target.id */
    record ToOne(EntityModel<?> owner, Property property, EntityModel<?> target) implements Relation {
        public String fkColumn() {
            return property.column();
        }

        public boolean nullable() {
            return property.nullable();
        }
    }

    /** target.backRef.column -> owner.id */
    record OneToMany(EntityModel<?> owner, Property property, EntityModel<?> target, Property backRef)
            implements Relation {
        public String fkColumn() {
            return backRef.column();
        }
    }

    /** table(joinColumn -> owner.id, inverseColumn -> target.targetColumn), targetColumn usually target.id */
    record ManyToMany(EntityModel<?> owner, Property property, EntityModel<?> target, String table,
                      String joinColumn, String inverseColumn, String targetColumn) implements Relation {
    }
}
