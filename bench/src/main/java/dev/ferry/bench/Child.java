package dev.ferry.bench;

import dev.ferry.model.Column;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;

/** Three per parent, for the first 1,000 parents. */
@Table("bench_child")
public record Child(long id, @Column(nullable = false) Ref<Parent> parent, String label, int position, Double value,
                    Many<Grandchild> grandchildren) {
}
