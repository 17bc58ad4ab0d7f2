package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A detection: one bounding box on one capture. {@code bbox} is the jsonb text ({@code [x1, y1, x2, y2]}). */
@Table("main_detection")
public record Detection(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        Ref<SourceImage> sourceImage,
        String bbox,
        LocalDateTime timestamp,
        String path,
        Ref<Occurrence> occurrence,
        Integer frameNum,
        Ref<Algorithm> detectionAlgorithm,
        Double detectionScore,
        Many<Classification> classifications) {
}
