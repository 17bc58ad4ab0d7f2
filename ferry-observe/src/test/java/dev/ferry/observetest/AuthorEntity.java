package dev.ferry.observetest;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Hibernate's view of the {@code author} table of {@link DetectionAcrossStacksTest}: books are lazy. */
@Entity
@Table(name = "author")
public class AuthorEntity {
    @Id
    private Long id;

    private String name;

    @OneToMany(mappedBy = "author", fetch = FetchType.LAZY)
    private List<BookEntity> books = new ArrayList<>();

    protected AuthorEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<BookEntity> getBooks() {
        return books;
    }
}
