package dev.ferry.antenna.model;

import dev.ferry.model.Column;
import dev.ferry.model.ManyToMany;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

@Table("main_project")
public record Project(
        long id,
        @Column(nullable = false) LocalDateTime createdAt,
        @Column(nullable = false) LocalDateTime updatedAt,
        String name,
        String description,
        String image,
        Ref<User> owner,
        boolean draft,
        boolean active,
        int priority,
        int sessionTimeGapSeconds,
        double defaultFiltersScoreThreshold,
        @ManyToMany(table = "main_project_default_filters_include_taxa", joinColumn = "project_id", inverseColumn = "taxon_id")
        Many<Taxon> defaultFiltersIncludeTaxa,
        @ManyToMany(table = "main_project_default_filters_exclude_taxa", joinColumn = "project_id", inverseColumn = "taxon_id")
        Many<Taxon> defaultFiltersExcludeTaxa) {
}
