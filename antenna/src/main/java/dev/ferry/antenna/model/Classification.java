package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A machine prediction for a detection. The per-class {@code scores}/{@code logits} arrays are not read. */
@Table("main_classification")
public record Classification(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        Ref<Detection> detection,
        Ref<Taxon> taxon,
        Double score,
        LocalDateTime timestamp,
        boolean terminal,
        Ref<CategoryMap> categoryMap,
        Ref<Algorithm> algorithm,
        Ref<Classification> appliedTo) {
}
