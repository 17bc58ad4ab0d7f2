package dev.ferry.antenna.model;

import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** An algorithm's label list ({@code ml_algorithmcategorymap}); the labels themselves are not served. */
@Table("ml_algorithmcategorymap")
public record CategoryMap(long id, LocalDateTime createdAt, LocalDateTime updatedAt, String version, String description,
                          String uri) {
}
