package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/**
 * {@code ml_algorithm}: the columns the list shows. Of its category map the list shows only the id,
 * so the foreign key is mapped as a plain column rather than as an association.
 */
@Entity(name = "Algorithm")
@Table(name = "ml_algorithm")
@Immutable
public class AlgorithmEntity {

    @Id
    private Long id;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private String name;
    private String key;
    private String taskType;
    private String description;
    private int version;
    private String versionName;
    private String uri;
    private Long categoryMapId;

    protected AlgorithmEntity() {
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getName() {
        return name;
    }

    public String getKey() {
        return key;
    }

    public String getTaskType() {
        return taskType;
    }

    public String getDescription() {
        return description;
    }

    public int getVersion() {
        return version;
    }

    public String getVersionName() {
        return versionName;
    }

    public String getUri() {
        return uri;
    }

    public Long getCategoryMapId() {
        return categoryMapId;
    }
}
