package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/** {@code main_identification}: the columns the list shows. */
@Entity(name = "Identification")
@Table(name = "main_identification")
@Immutable
public class IdentificationEntity {

    @Id
    private Long id;
    private LocalDateTime createdAt;
    @ManyToOne(fetch = FetchType.LAZY)
    private OccurrenceEntity occurrence;
    @ManyToOne(fetch = FetchType.LAZY)
    private TaxonEntity taxon;
    @ManyToOne(fetch = FetchType.LAZY)
    private UserEntity user;
    private boolean withdrawn;
    private String comment;

    protected IdentificationEntity() {
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public OccurrenceEntity getOccurrence() {
        return occurrence;
    }

    public TaxonEntity getTaxon() {
        return taxon;
    }

    public UserEntity getUser() {
        return user;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public String getComment() {
        return comment;
    }
}
