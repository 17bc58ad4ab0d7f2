package dev.ferry.antenna.model;

import dev.ferry.Ferry;
import dev.ferry.query.Agg;
import dev.ferry.query.Expr;

/**
 * The values the occurrence list filters and sorts on, stored on {@code main_occurrence} as Ferry maintained
 * columns (migration V3): Ferry's triggers keep them true, and every query that uses the same expression (the
 * viewset's annotations, {@code valid()}, the orderings through the determination, event and station) reads the
 * column instead of computing it per row, so PostgreSQL can answer a page from an index. The expressions here are
 * the ones the API's queries are written with; change both together.
 */
public final class Maintained {

    /** {@code valid()}: has a detection (count > 0), and the {@code detections_count} annotation. */
    public static final Expr<Occurrence, Long> DETECTIONS_COUNT = Agg.count(Occurrence_.DETECTIONS);
    /** {@code verified}: has an identification (withdrawn ones count). */
    public static final Expr<Occurrence, Long> IDENTIFICATIONS_COUNT = Agg.count(Occurrence_.IDENTIFICATIONS);
    public static final Expr<Occurrence, java.time.LocalDateTime> FIRST_APPEARANCE =
            Agg.min(Occurrence_.DETECTIONS, Detection_.TIMESTAMP);
    public static final Expr<Occurrence, java.time.LocalDateTime> LAST_APPEARANCE =
            Agg.max(Occurrence_.DETECTIONS, Detection_.TIMESTAMP);
    /** The earliest time of day of a detection (not the time of the first detection). */
    public static final Expr<Occurrence, java.time.LocalTime> FIRST_APPEARANCE_TIME =
            Agg.min(Occurrence_.DETECTIONS, Expr.timeOfDay(Detection_.TIMESTAMP));
    /** The {@code duration} ordering: seconds from the first to the last detection. */
    public static final Expr<Occurrence, Double> DURATION = Expr.secondsBetween(FIRST_APPEARANCE, LAST_APPEARANCE);

    private Maintained() {
    }

    /** Declares the maintained columns on {@code builder}. */
    public static Ferry.Builder declare(Ferry.Builder builder) {
        return builder
                .maintain(Occurrence.class, "detections_count", DETECTIONS_COUNT)
                .maintain(Occurrence.class, "identifications_count", IDENTIFICATIONS_COUNT)
                .maintain(Occurrence.class, "first_appearance_timestamp", FIRST_APPEARANCE)
                .maintain(Occurrence.class, "last_appearance_timestamp", LAST_APPEARANCE)
                .maintain(Occurrence.class, "first_appearance_time", FIRST_APPEARANCE_TIME)
                .maintain(Occurrence.class, "duration_seconds", DURATION)
                .maintain(Occurrence.class, "determination_name", Occurrence_.DETERMINATION.then(Taxon_.NAME))
                .maintain(Occurrence.class, "determination_ordering", Occurrence_.DETERMINATION.then(Taxon_.ORDERING))
                .maintain(Occurrence.class, "determination_rank", Occurrence_.DETERMINATION.then(Taxon_.RANK))
                .maintain(Occurrence.class, "event_start", Occurrence_.EVENT.then(Event_.START))
                .maintain(Occurrence.class, "deployment_name", Occurrence_.DEPLOYMENT.then(Deployment_.NAME));
    }
}
