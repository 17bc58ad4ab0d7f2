package dev.ferry.bench.page.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** {@code main_deployment}: the columns the list shows. */
@Entity(name = "Deployment")
@Table(name = "main_deployment")
@Immutable
public class DeploymentEntity {

    @Id
    private Long id;
    private String name;

    protected DeploymentEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
