package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

@Table("main_s3storagesource")
public record S3StorageSource(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String name,
        String bucket,
        String prefix,
        String endpointUrl,
        String publicBaseUrl,
        Ref<Project> project) {
}
