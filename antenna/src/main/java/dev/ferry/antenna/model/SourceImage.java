package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A capture: one image taken by a deployment's camera. */
@Table("main_sourceimage")
public record SourceImage(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String path,
        String publicBaseUrl,
        LocalDateTime timestamp,
        Integer width,
        Integer height,
        Long size,
        Ref<User> uploadedBy,
        boolean testImage,
        Integer detectionsCount,
        Ref<Project> project,
        Ref<Deployment> deployment,
        Ref<Event> event,
        Many<Detection> detections) {
}
