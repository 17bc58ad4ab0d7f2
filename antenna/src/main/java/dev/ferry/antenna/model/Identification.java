package dev.ferry.antenna.model;

import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A human identification of an occurrence. */
@Table("main_identification")
public record Identification(
        long id,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        Ref<User> user,
        Ref<Taxon> taxon,
        Ref<Occurrence> occurrence,
        boolean withdrawn,
        Ref<Identification> agreedWithIdentification,
        Ref<Classification> agreedWithPrediction,
        String comment) {
}
