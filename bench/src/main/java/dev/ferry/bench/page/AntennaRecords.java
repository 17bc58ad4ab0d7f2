package dev.ferry.bench.page;

import dev.ferry.antenna.model.Algorithm;
import dev.ferry.antenna.model.CategoryMap;
import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Deployment;
import dev.ferry.antenna.model.Event;
import dev.ferry.antenna.model.Identification;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Taxon;
import dev.ferry.antenna.model.User;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Builds the antenna records the list serializer reads, from values another stack loaded (hand-written
 * JDBC, Hibernate, jOOQ). Only the components the list document reads are filled; the others are null
 * or empty, which the serializer never touches.
 */
public final class AntennaRecords {

    private AntennaRecords() {
    }

    /** A taxon as the list shows it; {@code parent} null for none. */
    public static Taxon taxon(long id, String name, String rank, Taxon parent, String parentsJson, Long gbifTaxonKey,
                              Long inatTaxonId, String fieldguideId, String coverImageUrl, String coverImageCredit) {
        Ref<Taxon> parentRef = parent == null ? Ref.empty() : Ref.of(parent.id(), parent);
        return new Taxon(id, null, null, name, null, rank, parentRef, parentsJson, true, null, gbifTaxonKey, inatTaxonId,
                fieldguideId, coverImageUrl, coverImageCredit, null);
    }

    /**
     * A taxon read as another's parent: the list shows it without its own parent, so that reference
     * stays unloaded ({@code grandparentId} null for a root).
     */
    public static Taxon taxonShownAsParent(long id, String name, String rank, String parentsJson, Long gbifTaxonKey,
                                           Long inatTaxonId, String fieldguideId, String coverImageUrl,
                                           String coverImageCredit, Long grandparentId) {
        Ref<Taxon> grandparent = grandparentId == null ? Ref.empty() : Ref.of(grandparentId);
        return new Taxon(id, null, null, name, null, rank, grandparent, parentsJson, true, null, gbifTaxonKey, inatTaxonId,
                fieldguideId, coverImageUrl, coverImageCredit, null);
    }

    public static Event event(long id, LocalDateTime start, LocalDateTime end) {
        return new Event(id, null, null, null, start, end, Ref.empty(), Ref.empty(), null, null, null);
    }

    public static Deployment deployment(long id, String name) {
        return new Deployment(id, null, null, name, null, null, null, null, Ref.empty(), Ref.empty(), null, null, null, null,
                null, null, null, null, null, null, null, null, Ref.empty(), Ref.empty(), Many.of(List.of()),
                Many.of(List.of()), Many.of(List.of()));
    }

    public static User user(long id, String name, String image) {
        return new User(id, null, name, image, false);
    }

    /** The category map as the algorithm shows it: its id only. */
    public static CategoryMap categoryMap(long id) {
        return new CategoryMap(id, null, null, null, null, null);
    }

    public static Algorithm algorithm(long id, LocalDateTime createdAt, LocalDateTime updatedAt, String name, String key,
                                      String taskType, String description, int version, String versionName, String uri,
                                      CategoryMap categoryMap) {
        return new Algorithm(id, createdAt, updatedAt, name, key, taskType, description, version, versionName, uri,
                ref(categoryMap == null ? null : categoryMap.id(), categoryMap));
    }

    public static Classification classification(long id, LocalDateTime createdAt, Taxon taxon, Double score,
                                                boolean terminal, Algorithm algorithm) {
        return new Classification(id, createdAt, null, Ref.empty(), ref(taxon == null ? null : taxon.id(), taxon), score,
                null, terminal, Ref.empty(), ref(algorithm == null ? null : algorithm.id(), algorithm), Ref.empty());
    }

    public static Identification identification(long id, LocalDateTime createdAt, Taxon taxon, User user, boolean withdrawn,
                                                String comment) {
        return new Identification(id, createdAt, null, ref(user == null ? null : user.id(), user),
                ref(taxon == null ? null : taxon.id(), taxon), Ref.empty(), withdrawn, Ref.empty(), Ref.empty(), comment);
    }

    /**
     * An occurrence of the list: its to-one targets, its identifications (newest first) and
     * classifications (newest first, then higher score), and the viewset's annotations.
     */
    public static Occurrence occurrence(long id, LocalDateTime createdAt, LocalDateTime updatedAt, Taxon determination,
                                        Double determinationScore, Event event, Deployment deployment,
                                        List<Identification> identifications, List<Classification> classifications,
                                        long detectionsCount, LocalDateTime firstAppearance, LocalDateTime lastAppearance,
                                        LocalTime firstAppearanceTime, String firstDetectionPath) {
        return new Occurrence(id, createdAt, updatedAt, ref(determination == null ? null : determination.id(), determination),
                determinationScore, ref(event == null ? null : event.id(), event),
                ref(deployment == null ? null : deployment.id(), deployment), Ref.empty(), Many.of(List.of()),
                Many.of(identifications), Many.of(classifications), detectionsCount, firstAppearance, lastAppearance,
                firstAppearanceTime, firstDetectionPath);
    }

    private static <T> Ref<T> ref(Object id, T target) {
        return id == null ? Ref.empty() : Ref.of(id, target);
    }
}
