package dev.ferry.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a record component to a column. Without it the column is the snake_case component name,
 * and a {@link Ref} component maps to {@code <name>_id}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
public @interface Column {
    /** The column name; empty means the default. */
    String value() default "";

    /**
     * Whether the column may be NULL. For a {@link Ref} this decides the join: LEFT when nullable,
     * INNER when not. Primitive components are never nullable.
     */
    boolean nullable() default true;
}
