package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/** {@code main_event}: the columns the list shows. */
@Entity(name = "Event")
@Table(name = "main_event")
@Immutable
public class EventEntity {

    @Id
    private Long id;
    private LocalDateTime start;
    @Column(name = "\"end\"") // a reserved word in PostgreSQL
    private LocalDateTime end;

    protected EventEntity() {
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public LocalDateTime getEnd() {
        return end;
    }
}
