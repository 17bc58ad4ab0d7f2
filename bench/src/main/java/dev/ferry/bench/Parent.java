package dev.ferry.bench;

import dev.ferry.model.Many;
import dev.ferry.model.Table;

import java.time.LocalDateTime;

/** A root row. {@code bench_parent.category_id} exists in the table but is not mapped. */
@Table("bench_parent")
public record Parent(long id, String name, Double score, LocalDateTime createdAt, Many<Child> children) {
}
