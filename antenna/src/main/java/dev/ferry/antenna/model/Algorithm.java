package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

@Table("ml_algorithm")
public record Algorithm(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String name,
        String key,
        String taskType,
        String description,
        int version,
        String versionName,
        String uri,
        Ref<CategoryMap> categoryMap) {
}
