package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.error.MappingException;
import dev.ferry.fixture.*;
import dev.ferry.query.Agg;
import dev.ferry.query.Col;
import dev.ferry.sql.H2Dialect;
import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declarations that cannot be maintained fail at build() with a message that names them and the fix. */
class MaintainedDeclarationsTest {

    private static Ferry build(UnaryOperator<Ferry.Builder> declare) {
        return declare.apply(Ferry.builder(TestDatabases.h2("declarations")).dialect(new H2Dialect())
                .entities(SeededDatabase.ENTITIES)).build();
    }

    private static void rejects(UnaryOperator<Ferry.Builder> declare, String... messageParts) {
        assertThatThrownBy(() -> build(declare)).isInstanceOf(MappingException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void aManyToManyRelationIsRejected() {
        rejects(b -> b.maintain(Taxon.class, "projects_count", Agg.count(Taxon_.PROJECTS)),
                "maintain(Taxon.class, \"projects_count\"", "many-to-many", "Taxon.projects", "compute it in the query with Agg");
    }

    @Test
    void aLongerPathIsRejected() {
        rejects(b -> b.maintain(Occurrence.class, "classifications_count",
                        Agg.count(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS))),
                "crosses 2 relations", "only a direct one-to-many relation of Occurrence");
        rejects(b -> b.maintain(Occurrence.class, "project_taxa", Agg.count(Occurrence_.PROJECT.then(Project_.TAXA))),
                "crosses 2 relations");
    }

    @Test
    void anAggregateThatReadsAnotherTableIsRejected() {
        rejects(b -> b.maintain(Occurrence.class, "n", Agg.count(Occurrence_.DETECTIONS,
                        Detection_.SOURCE_IMAGE.then(SourceImage_.PATH).isNotNull())),
                "sourceImage.path", "only the child's own columns");
        rejects(b -> b.maintain(Occurrence.class, "n", Agg.count(Occurrence_.DETECTIONS,
                        Detection_.CLASSIFICATIONS.isNotEmpty())),
                "reads other tables");
    }

    @Test
    void aToManyColumnPathIsRejected() {
        rejects(b -> b.maintain(Occurrence.class, "a_path", Occurrence_.DETECTIONS.then(Detection_.PATH)),
                "goes through the to-many relation Occurrence.detections", "maintain an aggregate");
    }

    @Test
    void aChainOfMaintainedColumnsIsRejected() {
        rejects(b -> b.maintain(Occurrence.class, "determination_score", Agg.max(Occurrence_.DETECTIONS, Detection_.DETECTION_SCORE))
                        .maintain(Event.class, "best_score", Agg.max(Event_.OCCURRENCES, Occurrence_.DETERMINATION_SCORE)),
                "maintain(Event.class, \"best_score\"", "reads main_occurrence.determination_score, which is itself maintained");
    }

    @Test
    void badColumnsAreRejected() {
        rejects(b -> b.maintain(Occurrence.class, "detections count", Agg.count(Occurrence_.DETECTIONS)), "plain SQL identifier");
        rejects(b -> b.maintain(Occurrence.class, "event_id", Agg.count(Occurrence_.DETECTIONS)),
                "Occurrence.event maps the column event_id as TO_ONE", "choose another column name");
        rejects(b -> b.maintain(Occurrence.class, "created_at", Agg.count(Occurrence_.DETECTIONS)),
                "Occurrence.createdAt is LocalDateTime but the expression is Long");
        rejects(b -> b.maintain(Occurrence.class, "n", Agg.count(Occurrence_.DETECTIONS))
                .maintain(Occurrence.class, "n", Agg.count(Occurrence_.IDENTIFICATIONS)), "declared twice");
        rejects(b -> b.maintain(Occurrence.class, "n", Agg.count(Occurrence_.DETECTIONS))
                .maintain(Occurrence.class, "m", Agg.count(Occurrence_.DETECTIONS)), "already stores this expression");
        rejects(b -> b.maintain(Occurrence.class, "n", Agg.count(Occurrence_.DETECTIONS))
                .maintain(OccurrenceView.class, "m", Agg.count(OccurrenceView_.DETECTIONS)), "declare all of a table's");
        rejects(b -> b.maintain(Occurrence.class, "n", Occurrence_.DETECTIONS_COUNT), "is @Computed, not stored");
        rejects(b -> b.maintain(Occurrence.class, "n", Col.of(Occurrence.class, "nope", String.class)), "has no component 'nope'");
    }

    @Test
    void supportedDeclarationsBuild() {
        Ferry f = build(b -> b.maintain(Occurrence.class, "family", Occurrence_.DETERMINATION.then(Taxon_.PARENT).then(Taxon_.NAME))
                .maintain(Occurrence.class, "n", Agg.count(Occurrence_.DETECTIONS, Detection_.PATH.isNotNull()))
                .maintain(Occurrence.class, "first_path", Agg.first(Occurrence_.DETECTIONS, Detection_.PATH, null, Detection_.FRAME_NUM.asc()))
                .maintain(Taxon.class, "children_count", Agg.count(Taxon_.CHILDREN)));
        assertThat(f.maintenance().declarations()).hasSize(4);
        assertThat(f.maintenance().columnDdl()).contains(
                "ALTER TABLE main_occurrence ADD COLUMN IF NOT EXISTS family varchar",
                "ALTER TABLE main_taxon ADD COLUMN IF NOT EXISTS children_count bigint NOT NULL DEFAULT 0");
    }
}
