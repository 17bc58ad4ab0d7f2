package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A monitoring session (one night of one deployment). */
@Table("main_event")
public record Event(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String groupBy,
        LocalDateTime start,
        LocalDateTime end,
        Ref<Project> project,
        Ref<Deployment> deployment,
        Integer capturesCount,
        Integer detectionsCount,
        Integer occurrencesCount) {
}
