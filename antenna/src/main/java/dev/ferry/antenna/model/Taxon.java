package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A taxon; {@code parentsJson} is the cached ancestor list (jsonb, root first) as JSON text. */
@Table("main_taxon")
public record Taxon(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String name,
        String displayName,
        String rank,
        Ref<Taxon> parent,
        String parentsJson,
        boolean active,
        String commonNameEn,
        Long gbifTaxonKey,
        Long inatTaxonId,
        String fieldguideId,
        String coverImageUrl,
        String coverImageCredit,
        Integer ordering) {
}
