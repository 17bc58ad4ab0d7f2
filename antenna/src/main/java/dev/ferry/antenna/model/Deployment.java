package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A camera station. The counters and capture timestamps are denormalised, as in the original. */
@Table("main_deployment")
public record Deployment(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String name,
        String description,
        Double latitude,
        Double longitude,
        String image,
        Ref<Project> project,
        Ref<S3StorageSource> dataSource,
        Integer dataSourceTotalFiles,
        Long dataSourceTotalSize,
        String dataSourceSubdir,
        String dataSourceRegex,
        LocalDateTime dataSourceLastChecked,
        Integer eventsCount,
        Integer occurrencesCount,
        Integer capturesCount,
        Integer detectionsCount,
        Integer taxaCount,
        LocalDateTime firstCaptureTimestamp,
        LocalDateTime lastCaptureTimestamp,
        Ref<Site> researchSite,
        Ref<Device> device,
        Many<Event> events,
        Many<SourceImage> captures,
        Many<Job> jobs) {
}
