package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A human identification of an occurrence. */
@Table("main_identification")
public record Identification(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        Ref<User> user,
        Ref<Taxon> taxon,
        Ref<Occurrence> occurrence,
        boolean withdrawn,
        Ref<Identification> agreedWithIdentification,
        Ref<Classification> agreedWithPrediction,
        String comment) {
}
