package dev.ferry.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A to-many relation through a join table: {@code table(joinColumn -> this.id, inverseColumn -> target.id)}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
public @interface ManyToMany {
    String table();

    /** The join-table column that holds this entity's id. */
    String joinColumn();

    /** The join-table column that holds the target's id. */
    String inverseColumn();
}
