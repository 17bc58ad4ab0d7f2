package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A processing job ({@code jobs_job}); {@code progress} is its jsonb stage list as text. */
@Table("jobs_job")
public record Job(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String name,
        String status,
        String jobTypeKey,
        LocalDateTime startedAt,
        LocalDateTime finishedAt,
        String progress,
        Ref<Project> project,
        Ref<Deployment> deployment) {
}
