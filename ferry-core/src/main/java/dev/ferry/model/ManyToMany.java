package dev.ferry.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A to-many relation through a join table: {@code table(joinColumn -> this.id, inverseColumn -> target.id)}.
 *
 * <p>With {@code targetColumn}, the target is matched on that column instead of its id, which also
 * reaches rows two one-to-many steps away in one statement: an occurrence's classifications through
 * its detections are {@code @ManyToMany(table = "main_detection", joinColumn = "occurrence_id",
 * inverseColumn = "id", targetColumn = "detection_id")}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
public @interface ManyToMany {
    String table();

    /** The join-table column that holds this entity's id. */
    String joinColumn();

    /** The join-table column that holds the target's id. */
    String inverseColumn();

    /** The target's column that {@code inverseColumn} holds; empty for the target's id. */
    String targetColumn() default "";
}
