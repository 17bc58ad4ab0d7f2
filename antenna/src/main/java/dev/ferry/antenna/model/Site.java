package dev.ferry.antenna.model;

import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A research site ({@code main_site}). */
@Table("main_site")
public record Site(long id, LocalDateTime createdAt, LocalDateTime updatedAt, String name, String description,
                   Ref<Project> project) {
}
