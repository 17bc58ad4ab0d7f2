package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/** {@code main_detection}: the columns the list reads (in its aggregates) and the link to the occurrence. */
@Entity(name = "Detection")
@Table(name = "main_detection")
@Immutable
public class DetectionEntity {

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    private OccurrenceEntity occurrence;
    private LocalDateTime timestamp;
    private String path;
    private Integer frameNum;

    protected DetectionEntity() {
    }

    public Long getId() {
        return id;
    }

    public OccurrenceEntity getOccurrence() {
        return occurrence;
    }

    public LocalDateTime getTimestamp() {
        return timestamp;
    }

    public String getPath() {
        return path;
    }

    public Integer getFrameNum() {
        return frameNum;
    }
}
