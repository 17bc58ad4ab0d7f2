package dev.ferry.antenna.model;

import dev.ferry.Ferry;
import java.util.List;

/** Every entity of the service and its generated metamodel, for {@code Ferry.builder()}. */
public final class Entities {

    public static final List<Class<?>> TYPES = List.of(User.class, Project.class, Taxon.class, S3StorageSource.class,
            Site.class, Device.class, Deployment.class, Event.class, SourceImage.class, CategoryMap.class, Algorithm.class,
            Occurrence.class, Detection.class, Classification.class, Identification.class, Job.class);

    public static final List<Class<?>> METAMODELS = List.of(User_.class, Project_.class, Taxon_.class,
            S3StorageSource_.class, Site_.class, Device_.class, Deployment_.class, Event_.class, SourceImage_.class,
            CategoryMap_.class, Algorithm_.class, Occurrence_.class, Detection_.class, Classification_.class,
            Identification_.class, Job_.class);

    private Entities() {
    }

    /** Every entity, its metamodel and the maintained columns ({@link Maintained}), on {@code builder}. */
    public static Ferry.Builder register(Ferry.Builder builder) {
        return Maintained.declare(builder.entities(TYPES.toArray(Class<?>[]::new)).metamodels(METAMODELS.toArray(Class<?>[]::new)));
    }
}
