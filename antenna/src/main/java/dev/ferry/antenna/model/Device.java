package dev.ferry.antenna.model;

import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import java.time.LocalDateTime;

/** A camera device configuration ({@code main_device}). */
@Table("main_device")
public record Device(long id, LocalDateTime createdAt, LocalDateTime updatedAt, String name, String description,
                     Ref<Project> project) {
}
