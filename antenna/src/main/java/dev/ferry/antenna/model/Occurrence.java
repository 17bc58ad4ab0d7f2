package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Computed;
import dev.ferry.model.ManyToMany;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * An occurrence: one insect, seen in one or more detections. The {@code @Computed} components are
 * the viewset's annotations, filled by the queries that ask for them (null otherwise).
 */
@Table("main_occurrence")
public record Occurrence(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        Ref<Taxon> determination,
        Double determinationScore,
        Ref<Event> event,
        Ref<Deployment> deployment,
        Ref<Project> project,
        Many<Detection> detections,
        Many<Identification> identifications,
        // Every classification of every detection, through main_detection: one level to load them.
        @ManyToMany(table = "main_detection", joinColumn = "occurrence_id", inverseColumn = "id", targetColumn = "detection_id")
        Many<Classification> classifications,
        @Computed Long detectionsCount,
        @Computed LocalDateTime firstAppearanceTimestamp,
        @Computed LocalDateTime lastAppearanceTimestamp,
        @Computed LocalTime firstAppearanceTime,
        @Computed String firstDetectionPath) {
}
