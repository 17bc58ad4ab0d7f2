package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** {@code main_taxon}: the columns the list shows. */
@Entity(name = "Taxon")
@Table(name = "main_taxon")
@Immutable
public class TaxonEntity {

    @Id
    private Long id;
    private String name;
    private String rank;
    @ManyToOne(fetch = FetchType.LAZY)
    private TaxonEntity parent;
    @JdbcTypeCode(SqlTypes.JSON)
    private String parentsJson;
    private Long gbifTaxonKey;
    private Long inatTaxonId;
    private String fieldguideId;
    private String coverImageUrl;
    private String coverImageCredit;

    protected TaxonEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRank() {
        return rank;
    }

    public TaxonEntity getParent() {
        return parent;
    }

    public String getParentsJson() {
        return parentsJson;
    }

    public Long getGbifTaxonKey() {
        return gbifTaxonKey;
    }

    public Long getInatTaxonId() {
        return inatTaxonId;
    }

    public String getFieldguideId() {
        return fieldguideId;
    }

    public String getCoverImageUrl() {
        return coverImageUrl;
    }

    public String getCoverImageCredit() {
        return coverImageCredit;
    }
}
