package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.error.FerrySqlException;
import dev.ferry.error.InvalidQueryException;
import dev.ferry.error.MappingException;
import dev.ferry.fixture.*;
import dev.ferry.model.Many;
import dev.ferry.model.ManyToMany;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import dev.ferry.query.Agg;
import dev.ferry.query.Col;
import dev.ferry.query.Expr;
import dev.ferry.query.ToMany;
import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Misuse fails where it is written, with a message that names the fix; database errors carry their SQL. */
class ErrorsTest {

    /** Build-time checks need no database rows: an H2 Ferry is enough. */
    private final Ferry ferry = Ferry.of(TestDatabases.h2("errors"));

    @Test
    void unknownPathsSuggestTheNearestName() {
        assertThatThrownBy(() -> ferry.from(Occurrence.class).prefetch("detection"))
                .isInstanceOf(MappingException.class)
                .hasMessage("Occurrence has no relation 'detection'; did you mean 'detections'?");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).prefetch("detections.clasifications"))
                .hasMessage("Detection has no relation 'clasifications'; did you mean 'classifications'?");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).where(Col.of(Occurrence.class, "scroe", Double.class).gt(1.0)))
                .isInstanceOf(MappingException.class)
                .hasMessage("Occurrence has no component 'scroe'; choices are: createdAt, detections, detectionsCount, determination, "
                        + "determinationScore, durationSeconds, event, firstAppearance, id, identifications, project, updatedAt");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).prefetch("determinationScore"))
                .hasMessage("Occurrence.determinationScore is a column, not a relation (path 'determinationScore')");
        // Column names work as aliases of component names, for HTTP-style paths.
        assertThat(ferry.from(Occurrence.class).where(Col.of(Occurrence.class, "determination_score", Double.class).gt(0.5))
                .sql()).contains("t0.determination_score > ?");
    }

    @Test
    void toManyRelationsCannotBeJoined() {
        assertThatThrownBy(() -> ferry.from(Occurrence.class).join("detections"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("join(\"detections\"): Occurrence.detections is a to-many relation; joining it would multiply rows. "
                        + "Use prefetch(\"detections\") instead");
        assertThatThrownBy(() -> ferry.from(Detection.class).join("occurrence.detections"))
                .hasMessageContaining("Use prefetch(\"occurrence.detections\") instead");
    }

    @Test
    void typesAreChecked() {
        assertThatThrownBy(() -> ferry.from(Occurrence.class).where(Col.of(Occurrence.class, "determinationScore", Long.class).eq(1L)))
                .isInstanceOf(MappingException.class)
                .hasMessage("path 'determinationScore' from Occurrence was declared as Long, but Occurrence.determinationScore is "
                        + "Double; declare it as Col<Occurrence, Double>");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).where(Col.of(Occurrence.class, "id", Object.class).eq("seven")))
                .as("untyped paths still check values").isInstanceOf(InvalidQueryException.class)
                .hasMessage("Occurrence.id is long but was compared with a String (seven)");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).where(Occurrence_.DETERMINATION_SCORE.like("1%")))
                .hasMessage("like/contains/startsWith need a text column; Occurrence.determinationScore is Double");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).where(Occurrence_.DETERMINATION_SCORE.gt((Double) null)))
                .hasMessageContaining("use isNull()/isNotNull()");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).where(Occurrence_.DETECTIONS.then(Detection_.PATH).eq("x"))
                .orderBy(Occurrence_.DETECTIONS.then(Detection_.PATH).asc()).sql())
                .hasMessageContaining("goes through the to-many relation Occurrence.detections and has many values per row");
    }

    @Test
    void windowsAndKeysetsAreChecked() {
        assertThatThrownBy(() -> ferry.from(Occurrence.class).limit(-1)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("limit must be >= 0, was -1");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).offset(-5)).hasMessage("offset must be >= 0, was -5");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).after(0.5, 3L))
                .as("without orderBy the ordering is the key").isInstanceOf(InvalidQueryException.class)
                .hasMessage("after(...) takes one value per ordering term, the key last: the ordering is "
                        + "[Occurrence.id ASC NULLS LAST] (1 term), 2 values were given; or use after(query.cursor(lastRow))");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).orderBy(Occurrence_.DETERMINATION_SCORE.desc()).after(0.5))
                .as("the implicit tie-breaker needs its value").isInstanceOf(InvalidQueryException.class)
                .hasMessage("after(...) got one value per orderBy term, but the ordering ends with Occurrence.id to break ties "
                        + "(orderBy has no key): pass the last row's id as one more value, after(..., lastRow.id()), "
                        + "or use after(query.cursor(lastRow))");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).orderBy(Occurrence_.UPDATED_AT.desc()).after(null, 3L))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("after(...): the value for Occurrence.updatedAt is null, but Occurrence.updatedAt cannot be NULL; "
                        + "pass the last row's value, or use after(query.cursor(lastRow))");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).orderBy(Occurrence_.DETERMINATION_SCORE.desc()).after(0.5, 3L)
                .orderBy(Occurrence_.DETERMINATION_SCORE.desc(), Occurrence_.CREATED_AT.asc()))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("orderBy(...) after after(...): the keyset position (2 values) does not fit the ordering "
                        + "[Occurrence.determinationScore DESC NULLS FIRST, Occurrence.createdAt ASC NULLS LAST, "
                        + "Occurrence.id ASC NULLS LAST] any more; call after(...) after orderBy(...)");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).prefetch(Occurrence_.DETERMINATION, q -> q.limit(1)))
                .hasMessageContaining("a to-one relation has one row per parent");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).stream(0)).hasMessage("chunkSize must be >= 1, was 0");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void annotationsAreChecked() {
        assertThatThrownBy(() -> ferry.from(Occurrence.class).annotate(Occurrence_.DETERMINATION_SCORE, Agg.max(
                Occurrence_.DETECTIONS, Detection_.DETECTION_SCORE)))
                .hasMessage("annotate(determinationScore, ...): the target must be a @Computed component of Occurrence");
        assertThatThrownBy(() -> ferry.from(Occurrence.class).orderBy(Occurrence_.DETECTIONS_COUNT.desc()).sql())
                .hasMessage("Occurrence.detectionsCount is @Computed and this query does not annotate it; "
                        + "add .annotate(Occurrence_.DETECTIONS_COUNT, ...)");
        assertThatThrownBy(() -> ferry.from(Detection.class).where((dev.ferry.query.Predicate) Occurrence_.ID.eq(1L).negate()))
                .hasMessage("path Occurrence.id starts from Occurrence, but this query is on Detection");
    }

    @Test
    void subQueriesCannotRunAlone() {
        assertThatThrownBy(() -> ferry.from(Occurrence.class).prefetch(Occurrence_.DETECTIONS, q -> {
            q.list();
            return q;
        })).hasMessage("this query is a prefetch sub-query and cannot run by itself; start queries with ferry.from(Detection.class)");
    }

    // ---------------------------------------------------------------- the model

    record NotAnEntity(long id) {
    }

    static final class Plain {
    }

    @Table("main_occurrence")
    record NoKey(String name) {
    }

    @Table("twin")
    record Twin(long id, Ref<Twin> left, Ref<Twin> right, Many<Twin> children) {
    }

    @Table("orphan")
    record Orphan(long id, Many<Occurrence> occurrences) {
    }

    static final class Broken_ {
        public static final ToMany<Occurrence, Detection> DETECTION = ToMany.of(Occurrence.class, "detection", Detection.class);
    }

    static final class WrongKind_ {
        public static final ToMany<Occurrence, Taxon> DETERMINATION = ToMany.of(Occurrence.class, "determination", Taxon.class);
    }

    @Test
    void theModelIsValidatedAtStartUp() {
        DataSource ds = TestDatabases.h2("errors");
        assertThatThrownBy(() -> Ferry.builder(ds).entities(Plain.class).build()).isInstanceOf(MappingException.class)
                .hasMessageContaining("is not a record; Ferry entities are Java records");
        assertThatThrownBy(() -> Ferry.builder(ds).entities(NoKey.class).build())
                .hasMessage("NoKey has no key: mark one component @Id or name it 'id'");
        assertThatThrownBy(() -> Ferry.builder(ds).entities(Twin.class).build())
                .hasMessage("Twin.children is ambiguous: Twin has several Ref<Twin> components [left, right]; "
                        + "add @OneToMany(mappedBy = \"...\")");
        assertThatThrownBy(() -> Ferry.builder(ds).entities(Orphan.class).build())
                .hasMessage("Orphan.occurrences needs a Ref<Orphan> component on Occurrence (its foreign key), "
                        + "or @ManyToMany(table = ...) for a join table");
        assertThatThrownBy(() -> Ferry.builder(ds).metamodels(Broken_.class).build())
                .hasMessage("Broken_.DETECTION: Occurrence has no relation 'detection'; did you mean 'detections'?");
        assertThatThrownBy(() -> Ferry.builder(ds).metamodels(WrongKind_.class).build())
                .hasMessage("WrongKind_.DETERMINATION: 'determination' is to-one; declare it as ToOne<Occurrence, Taxon>");
        assertThat(Ferry.builder(ds).entities(SeededDatabase.ENTITIES).metamodels(SeededDatabase.METAMODELS).build()).isNotNull();
    }

    @Table("main_occurrence")
    record WrongTargetColumn(
            long id,
            @ManyToMany(table = "main_detection", joinColumn = "occurrence_id", inverseColumn = "id", targetColumn = "detection")
            Many<Classification> classifications) {
    }

    @Table("main_occurrence")
    record FarTargetColumn(
            long id,
            @ManyToMany(table = "main_detection", joinColumn = "occurrence_id", inverseColumn = "id", targetColumn = "frame_num")
            Many<Taxon> taxa) {
    }

    @Test
    void aManyToManyTargetColumnMustBeAColumnOfTheTarget() {
        DataSource ds = TestDatabases.h2("errors");
        String wrong = "WrongTargetColumn.classifications: @ManyToMany(targetColumn = \"detection\") is not a column of "
                + "Classification (did you mean 'detection_id'?); name one of its columns, or leave targetColumn out to match its id";
        assertThatThrownBy(() -> Ferry.builder(ds).entities(WrongTargetColumn.class).build())
                .isInstanceOf(MappingException.class).hasMessage(wrong);
        // Without validation at start-up, the first use of the relation fails the same way.
        assertThatThrownBy(() -> ferry.from(WrongTargetColumn.class).prefetch("classifications"))
                .isInstanceOf(MappingException.class).hasMessage(wrong);
        assertThatThrownBy(() -> Ferry.builder(ds).entities(FarTargetColumn.class).build())
                .isInstanceOf(MappingException.class)
                .hasMessage("FarTargetColumn.taxa: @ManyToMany(targetColumn = \"frame_num\") is not a column of Taxon "
                        + "(choices are: id, name, parent_id, rank); name one of its columns, or leave targetColumn out to match its id");
    }

    @Test
    void pathsInsideAggregatesAndTimeOfDayAreCheckedWhereWritten() {
        var frame = Col.of(DetectionView.class, "frameNun", Integer.class);
        assertThatThrownBy(() -> ferry.from(OccurrenceView.class).annotate(OccurrenceView_.FIRST_PATH,
                Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.PATH, null, frame.asc())))
                .isInstanceOf(MappingException.class)
                .hasMessage("DetectionView has no component 'frameNun'; did you mean 'frameNum'?");
        assertThatThrownBy(() -> ferry.from(OccurrenceView.class).orderBy(
                Agg.first(OccurrenceView_.DETECTIONS, DetectionView_.PATH, null, DetectionView_.FRAME_NUM.asc(), frame.desc()).asc()))
                .isInstanceOf(MappingException.class)
                .hasMessage("DetectionView has no component 'frameNun'; did you mean 'frameNum'?");
        assertThatThrownBy(() -> ferry.from(OccurrenceView.class).where(Expr.timeOfDay(
                Col.of(OccurrenceView.class, "created", java.time.LocalDateTime.class)).lt(java.time.LocalTime.NOON)))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("OccurrenceView has no component 'created'");
        assertThatThrownBy(() -> ferry.from(OccurrenceView.class).annotate(OccurrenceView_.EARLIEST_TIME,
                Agg.min(OccurrenceView_.DETECTIONS,
                        Expr.timeOfDay(Col.of(DetectionView.class, "timestmap", java.time.LocalDateTime.class)))))
                .isInstanceOf(MappingException.class)
                .hasMessage("DetectionView has no component 'timestmap'; did you mean 'timestamp'?");
    }

    // ---------------------------------------------------------------- database errors

    @Table("no_such_table")
    record Missing(long id, String name) {
    }

    abstract static class DatabaseErrors {
        abstract DataSource raw();

        @Test
        void carryTheSqlAndReturnTheConnection() throws Exception {
            DataSource raw = raw();
            Ferry f = Ferry.of(raw);
            var pool = raw.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> f.from(Missing.class).where(ErrorsTest_Missing.NAME.eq("x")).list())
                        .isInstanceOf(FerrySqlException.class)
                        .hasMessageStartingWith("query on Missing failed: ")
                        .hasMessageContaining("SQL: SELECT t0.id, t0.name FROM no_such_table t0 WHERE t0.name = ?")
                        .satisfies(e -> assertThat(((FerrySqlException) e).sqlState()).isNotBlank());
            }
            assertThatThrownBy(() -> f.from(Missing.class).count()).hasMessageStartingWith("count on Missing failed");
            assertThat(pool.getActiveConnections()).as("no leaked connection").isZero();
        }
    }

    static final class ErrorsTest_Missing {
        static final Col<Missing, String> NAME = Col.of(Missing.class, "name", String.class);
    }

    @Nested
    class OnPostgres extends DatabaseErrors {
        @Override
        DataSource raw() {
            return TestDatabases.postgres();
        }
    }

    @Nested
    class OnH2 extends DatabaseErrors {
        @Override
        DataSource raw() {
            return TestDatabases.h2("errors");
        }
    }
}
