package dev.ferry.observetest;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Hibernate's view of the {@code book} table of {@link DetectionAcrossStacksTest}. */
@Entity
@Table(name = "book")
public class BookEntity {
    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private AuthorEntity author;

    private String title;

    protected BookEntity() {
    }

    public Long getId() {
        return id;
    }

    public AuthorEntity getAuthor() {
        return author;
    }

    public String getTitle() {
        return title;
    }
}
