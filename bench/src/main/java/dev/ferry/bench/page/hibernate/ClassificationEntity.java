package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/** {@code main_classification}: the columns the list shows. */
@Entity(name = "Classification")
@Table(name = "main_classification")
@Immutable
public class ClassificationEntity {

    @Id
    private Long id;
    private LocalDateTime createdAt;
    @ManyToOne(fetch = FetchType.LAZY)
    private DetectionEntity detection;
    @ManyToOne(fetch = FetchType.LAZY)
    private TaxonEntity taxon;
    private Double score;
    private boolean terminal;
    @ManyToOne(fetch = FetchType.LAZY)
    private AlgorithmEntity algorithm;

    protected ClassificationEntity() {
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public DetectionEntity getDetection() {
        return detection;
    }

    public TaxonEntity getTaxon() {
        return taxon;
    }

    public Double getScore() {
        return score;
    }

    public boolean isTerminal() {
        return terminal;
    }

    public AlgorithmEntity getAlgorithm() {
        return algorithm;
    }
}
