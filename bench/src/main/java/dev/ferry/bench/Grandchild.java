package dev.ferry.bench;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;

/** Two per child. */
@Table("bench_grandchild")
public record Grandchild(long id, @Column(nullable = false) Ref<Child> child, String note, Double weight) {
}
