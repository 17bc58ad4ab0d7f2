package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * {@code main_occurrence}: the columns the list shows. The project is only filtered on, so its
 * foreign key is a plain column. {@code detections} is mapped for the queries ({@code is not empty},
 * the per-row aggregates); the page never loads it.
 */
@Entity(name = "Occurrence")
@Table(name = "main_occurrence")
@Immutable
public class OccurrenceEntity {

    @Id
    private Long id;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private Long projectId;
    @ManyToOne(fetch = FetchType.LAZY)
    private TaxonEntity determination;
    private Double determinationScore;
    @ManyToOne(fetch = FetchType.LAZY)
    private EventEntity event;
    @ManyToOne(fetch = FetchType.LAZY)
    private DeploymentEntity deployment;
    @OneToMany(mappedBy = "occurrence")
    private List<DetectionEntity> detections;

    protected OccurrenceEntity() {
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

    public Long getProjectId() {
        return projectId;
    }

    public TaxonEntity getDetermination() {
        return determination;
    }

    public Double getDeterminationScore() {
        return determinationScore;
    }

    public EventEntity getEvent() {
        return event;
    }

    public DeploymentEntity getDeployment() {
        return deployment;
    }

    public List<DetectionEntity> getDetections() {
        return detections;
    }
}
