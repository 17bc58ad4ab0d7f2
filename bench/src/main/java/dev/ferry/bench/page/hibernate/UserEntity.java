package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** {@code users_user}: the columns the list shows. */
@Entity(name = "User")
@Table(name = "users_user")
@Immutable
public class UserEntity {

    @Id
    private Long id;
    private String name;
    private String image;

    protected UserEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getImage() {
        return image;
    }
}
