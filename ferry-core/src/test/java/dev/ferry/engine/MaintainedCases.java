package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.fixture.*;
import dev.ferry.maintain.Maintenance;
import dev.ferry.query.Agg;
import dev.ferry.query.Expr;
import dev.ferry.query.Page;
import dev.ferry.query.Predicate;
import dev.ferry.query.Query;
import dev.ferry.sql.MaintainedColumns;
import dev.ferry.testing.StatementLog;
import dev.ferry.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Maintained columns: after every kind of write the stored values equal a plain-SQL computation
 * (the oracle, written by hand here), {@code verify()} finds drift and {@code rebuild()} fixes it.
 * Each case seeds a small fixture of its own, with the foreign keys the AMI schema has
 * ({@code ON DELETE SET NULL}), adds the columns and installs the triggers.
 */
abstract class MaintainedCases {

    static final int N = 200;

    static final Expr<Occurrence, Long> COUNT = Agg.count(Occurrence_.DETECTIONS);
    static final Expr<Occurrence, LocalDateTime> FIRST_SEEN = Agg.min(Occurrence_.DETECTIONS, Detection_.TIMESTAMP);
    static final Expr<Occurrence, LocalDateTime> LAST_SEEN = Agg.max(Occurrence_.DETECTIONS, Detection_.TIMESTAMP);
    static final Expr<Occurrence, Long> WITH_PATH = Agg.count(Occurrence_.DETECTIONS, Detection_.PATH.isNotNull());
    static final Expr<Occurrence, Long> CONFIDENT = Agg.count(Occurrence_.DETECTIONS, Detection_.DETECTION_SCORE.gt(0.75));
    static final Expr<Occurrence, String> FIRST_PATH = Agg.first(Occurrence_.DETECTIONS, Detection_.PATH,
            Detection_.PATH.isNotNull(), Detection_.FRAME_NUM.desc());
    static final Expr<Occurrence, String> NAME = Occurrence_.DETERMINATION.then(Taxon_.NAME);
    static final Expr<Occurrence, String> FAMILY = Occurrence_.DETERMINATION.then(Taxon_.PARENT).then(Taxon_.NAME);
    static final Expr<Occurrence, LocalDateTime> EVENT_START = Occurrence_.EVENT.then(Event_.START);
    static final Expr<Occurrence, Double> DURATION = Expr.secondsBetween(FIRST_SEEN, LAST_SEEN);
    static final Expr<Occurrence, Double> SCORE_PCT = Occurrence_.DETERMINATION_SCORE.times(Expr.value(100.0, Double.class));
    static final Expr<Event, Long> EVENT_OCCURRENCES = Agg.count(Event_.OCCURRENCES);

    /** The oracle: each maintained column beside its computation in plain SQL, by occurrence. */
    static final String OCCURRENCE_ORACLE = "SELECT o.id,"
            + " o.detections_count, (SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " o.first_seen, (SELECT MIN(d.timestamp) FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " o.last_seen, (SELECT MAX(d.timestamp) FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " o.with_path_count, (SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id AND d.path IS NOT NULL),"
            + " o.confident_count, (SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id AND d.detection_score > 0.75),"
            + " o.first_path, (SELECT d.path FROM main_detection d WHERE d.occurrence_id = o.id AND d.path IS NOT NULL"
            + "   ORDER BY d.frame_num DESC NULLS FIRST, d.id LIMIT 1),"
            + " o.determination_name, (SELECT t.name FROM main_taxon t WHERE t.id = o.determination_id),"
            + " o.family_name, (SELECT f.name FROM main_taxon t JOIN main_taxon f ON f.id = t.parent_id WHERE t.id = o.determination_id),"
            + " o.event_start, (SELECT e.start FROM main_event e WHERE e.id = o.event_id),"
            + " o.duration_seconds, (SELECT EXTRACT(EPOCH FROM MAX(d.timestamp)) - EXTRACT(EPOCH FROM MIN(d.timestamp))"
            + "   FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " o.score_pct, o.determination_score * 100"
            + " FROM main_occurrence o ORDER BY o.id";
    static final String EVENT_ORACLE = "SELECT e.id, e.occurrences_count,"
            + " (SELECT COUNT(*) FROM main_occurrence o WHERE o.event_id = e.id) FROM main_event e ORDER BY e.id";

    final DataSource raw;
    Ferry ferry;
    Ferry plain;
    Maintenance maintenance;

    MaintainedCases(DataSource raw) {
        this.raw = raw;
    }

    static Ferry.Builder declarations(Ferry.Builder b) {
        return b.maintain(Occurrence.class, "detections_count", COUNT)
                .maintain(Occurrence.class, "first_seen", FIRST_SEEN)
                .maintain(Occurrence.class, "last_seen", LAST_SEEN)
                .maintain(Occurrence.class, "with_path_count", WITH_PATH)
                .maintain(Occurrence.class, "confident_count", CONFIDENT)
                .maintain(Occurrence.class, "first_path", FIRST_PATH)
                .maintain(Occurrence.class, "determination_name", NAME)
                .maintain(Occurrence.class, "family_name", FAMILY)
                .maintain(Occurrence.class, "event_start", EVENT_START)
                .maintain(Occurrence.class, "duration_seconds", DURATION)
                .maintain(Occurrence.class, "score_pct", SCORE_PCT)
                .maintain(Event.class, "occurrences_count", EVENT_OCCURRENCES);
    }

    @BeforeEach
    void seed() {
        Seeder.seed(raw, N);
        // The AMI schema's foreign keys: deleting a taxon, an occurrence or a detection sets references to NULL.
        exec("ALTER TABLE main_occurrence DROP CONSTRAINT main_occurrence_determination_id_fk",
                "ALTER TABLE main_occurrence ADD CONSTRAINT main_occurrence_determination_id_fk FOREIGN KEY (determination_id)"
                        + " REFERENCES main_taxon (id) ON DELETE SET NULL",
                "ALTER TABLE main_taxon DROP CONSTRAINT main_taxon_parent_id_fk",
                "ALTER TABLE main_taxon ADD CONSTRAINT main_taxon_parent_id_fk FOREIGN KEY (parent_id)"
                        + " REFERENCES main_taxon (id) ON DELETE SET NULL",
                "ALTER TABLE main_detection DROP CONSTRAINT main_detection_occurrence_id_fk",
                "ALTER TABLE main_detection ADD CONSTRAINT main_detection_occurrence_id_fk FOREIGN KEY (occurrence_id)"
                        + " REFERENCES main_occurrence (id) ON DELETE SET NULL",
                "ALTER TABLE main_classification DROP CONSTRAINT main_classification_detection_id_fk",
                "ALTER TABLE main_classification ADD CONSTRAINT main_classification_detection_id_fk FOREIGN KEY (detection_id)"
                        + " REFERENCES main_detection (id) ON DELETE SET NULL",
                "ALTER TABLE main_identification DROP CONSTRAINT main_identification_occurrence_id_fk",
                "ALTER TABLE main_identification ADD CONSTRAINT main_identification_occurrence_id_fk FOREIGN KEY (occurrence_id)"
                        + " REFERENCES main_occurrence (id) ON DELETE CASCADE");
        ferry = declarations(Ferry.builder(raw).entities(SeededDatabase.ENTITIES)).build();
        plain = Ferry.builder(raw).entities(SeededDatabase.ENTITIES).build();
        maintenance = ferry.maintenance();
        exec(maintenance.columnDdl().toArray(String[]::new));
        maintenance.install();
        assertThat(maintenance.rebuild()).as("the first rebuild fills the columns").isPositive();
    }

    // ---------------------------------------------------------------- oracle helpers

    void exec(String... statements) {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("failed: " + sql, e);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    long update(String sql, Object... params) {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("failed: " + sql, e);
        }
    }

    List<Object[]> rows(String sql, Object... params) {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError("oracle query failed: " + sql, e);
        }
    }

    long scalar(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0)[0]).longValue();
    }

    /** Every stored value equals its plain-SQL computation, and verify() agrees. */
    void assertTrue() {
        assertPairs(OCCURRENCE_ORACLE);
        assertPairs(EVENT_ORACLE);
        assertThat(maintenance.verify(5)).as("verify").satisfies(v -> assertThat(v.rows()).as("%s", v).isZero());
    }

    /** Each row: id, then (stored, computed) pairs. */
    private void assertPairs(String oracle) {
        List<Object[]> rows = rows(oracle);
        assertThat(rows).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        for (Object[] row : rows) {
            for (int i = 1; i + 1 < row.length; i += 2) {
                if (!same(row[i], row[i + 1])) {
                    wrong.add("id " + row[0] + " column " + (i / 2) + ": stored " + row[i] + ", computed " + row[i + 1]);
                }
            }
        }
        assertThat(wrong).as(oracle).isEmpty();
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Math.abs(new BigDecimal(x.toString()).doubleValue() - new BigDecimal(y.toString()).doubleValue()) < 1e-6;
        }
        return Objects.equals(a, b);
    }

    // ---------------------------------------------------------------- rebuild and verify

    @Test
    void rebuildFillsEveryColumnAndAgainWritesNothing() {
        assertTrue();
        assertThat(scalar("SELECT COUNT(*) FROM main_occurrence WHERE detections_count > 0")).as("counts were filled").isPositive();
        assertThat(scalar("SELECT COUNT(*) FROM main_occurrence WHERE determination_name IS NOT NULL")).isPositive();
        assertThat(maintenance.rebuild()).isZero();
    }

    @Test
    void rebuildFixesHandMadeDriftAndVerifyNamesIt() {
        // Writes to maintained columns themselves fire no trigger: only verify() sees them.
        long drifted = update("UPDATE main_occurrence SET detections_count = detections_count + 7, determination_name = 'wrong'"
                + " WHERE id BETWEEN 11 AND 20");
        assertThat(drifted).isEqualTo(10);
        update("UPDATE main_event SET occurrences_count = 0 WHERE id = 3");
        Maintenance.Verification v = maintenance.verify(3);
        assertThat(v.rows()).isEqualTo(11);
        assertThat(v.examples()).isNotEmpty().allSatisfy(d -> assertThat(d.stored()).isNotEqualTo(d.computed()));
        assertThat(v.examples()).anySatisfy(d -> {
            assertThat(d.entity()).isEqualTo("Occurrence");
            assertThat(d.key()).isEqualTo(11L);
            assertThat(d.column()).isEqualTo("detections_count");
        });
        assertThat(maintenance.rebuild()).isEqualTo(11);
        assertTrue();
        assertThat(maintenance.rebuild()).isZero();
    }

    @Test
    void rebuildReportsProgressPerBatch() {
        update("UPDATE main_occurrence SET first_seen = NULL");
        List<long[]> progress = new ArrayList<>();
        long written = maintenance.rebuild((done, total) -> progress.add(new long[] {done, total}));
        assertThat(written).isEqualTo(scalar("SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id IS NOT NULL"
                + " AND d.id = (SELECT MIN(e.id) FROM main_detection e WHERE e.occurrence_id = d.occurrence_id)"));
        long total = N + scalar("SELECT COUNT(*) FROM main_event");
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(total, total);
        assertTrue();
    }

    @Test
    void installTwiceKeepsOneSetOfTriggers() {
        long triggers = scalar("SELECT COUNT(*) FROM information_schema.triggers WHERE LOWER(trigger_name) LIKE 'ferry%'");
        assertThat(triggers).isPositive();
        maintenance.install();
        assertThat(scalar("SELECT COUNT(*) FROM information_schema.triggers WHERE LOWER(trigger_name) LIKE 'ferry%'"))
                .isEqualTo(triggers);
        insertDetection(9001, 5, LocalDateTime.of(2020, 1, 1, 0, 0), "x.jpg", 0, 0.9);
        assertThat(scalar("SELECT detections_count FROM main_occurrence WHERE id = 5")).isEqualTo(2);
        assertTrue();
    }

    // ---------------------------------------------------------------- child rows of aggregates

    void insertDetection(long id, Long occurrence, LocalDateTime timestamp, String path, int frame, double score) {
        update("INSERT INTO main_sourceimage (id, path, timestamp, width) VALUES (?, ?, ?, ?)", id, "captures/x.jpg", timestamp, 1);
        update("INSERT INTO main_detection (id, source_image_id, occurrence_id, timestamp, path, frame_num, detection_score)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, id, occurrence, timestamp, path, frame, score);
    }

    void insertDetection(long id, long occurrence, LocalDateTime timestamp, String path, int frame, double score) {
        insertDetection(id, Long.valueOf(occurrence), timestamp, path, frame, score);
    }

    @Test
    void insertingChildrenOneByOneAndInBulk() {
        insertDetection(9001, 4, LocalDateTime.of(2020, 1, 1, 0, 0), null, 3, 0.9); // occurrence 4 had none
        insertDetection(9002, 4, LocalDateTime.of(2030, 1, 1, 0, 0), "late.jpg", 1, 0.1);
        insertDetection(9003, null, LocalDateTime.of(2030, 1, 1, 0, 0), "orphan.jpg", 1, 0.1);
        assertThat(scalar("SELECT detections_count FROM main_occurrence WHERE id = 4")).isEqualTo(2);
        assertTrue();
        // One statement, many owners: a copy of every detection of the first 100 occurrences onto the next occurrence.
        update("INSERT INTO main_sourceimage (id, path, timestamp, width) SELECT id + 100000, path, timestamp, width FROM main_sourceimage");
        long inserted = update("INSERT INTO main_detection (id, source_image_id, occurrence_id, timestamp, path, frame_num, detection_score)"
                + " SELECT id + 100000, source_image_id + 100000, occurrence_id + 1, timestamp - INTERVAL '1' HOUR, path, frame_num + 5,"
                + " detection_score FROM main_detection WHERE occurrence_id < 100");
        assertThat(inserted).isGreaterThan(100);
        assertTrue();
    }

    @Test
    void concurrentInsertsOfChildrenOfOneOwnerAreBothCounted() throws Exception {
        assumeTrue(ferry.dialect().name().equals("postgresql"), "the lock-then-recompute guarantee is PostgreSQL's");
        long before = scalar("SELECT detections_count FROM main_occurrence WHERE id = 9");
        update("INSERT INTO main_sourceimage (id, path, timestamp, width) VALUES (9101, 'a', NULL, 1), (9102, 'b', NULL, 1)");
        String insert = "INSERT INTO main_detection (id, source_image_id, occurrence_id, timestamp, path, frame_num, detection_score)"
                + " VALUES (?, ?, 9, NULL, NULL, 9, 0.5)";
        java.util.concurrent.ExecutorService second = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connection a = raw.getConnection(); Connection b = raw.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (PreparedStatement ps = a.prepareStatement(insert)) {
                ps.setLong(1, 9101);
                ps.setLong(2, 9101);
                ps.executeUpdate(); // its trigger holds occurrence 9 until commit
            }
            java.util.concurrent.Future<?> other = second.submit(() -> {
                try (PreparedStatement ps = b.prepareStatement(insert)) {
                    ps.setLong(1, 9102);
                    ps.setLong(2, 9102);
                    ps.executeUpdate(); // waits for the first transaction in its trigger's lock
                    b.commit();
                }
                return null;
            });
            Thread.sleep(300);
            assertThat(other.isDone()).as("the second writer waits for the first").isFalse();
            a.commit();
            other.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            second.shutdownNow();
        }
        // A single UPDATE would have re-checked the row after the wait with the count of its own snapshot: one short.
        assertThat(scalar("SELECT detections_count FROM main_occurrence WHERE id = 9")).isEqualTo(before + 2);
        assertTrue();
    }

    @Test
    void movingAChildToAnotherOwnerRecomputesBoth() {
        long moved = update("UPDATE main_detection SET occurrence_id = 4 WHERE occurrence_id = 3");
        assertThat(moved).isEqualTo(3);
        assertThat(scalar("SELECT detections_count FROM main_occurrence WHERE id = 3")).isZero();
        assertThat(scalar("SELECT detections_count FROM main_occurrence WHERE id = 4")).isEqualTo(3);
        assertTrue();
        update("UPDATE main_detection SET occurrence_id = NULL WHERE occurrence_id = 7");
        update("UPDATE main_detection SET occurrence_id = occurrence_id + 1 WHERE occurrence_id BETWEEN 20 AND 60");
        assertTrue();
    }

    @Test
    void updatingTheAggregatedColumnsRecomputes() {
        update("UPDATE main_detection SET timestamp = timestamp + INTERVAL '3' DAY WHERE frame_num = 0");
        update("UPDATE main_detection SET path = NULL WHERE occurrence_id % 3 = 0");
        update("UPDATE main_detection SET path = 'back.jpg' WHERE frame_num = 1 AND occurrence_id % 5 = 0");
        update("UPDATE main_detection SET detection_score = 0.99 WHERE occurrence_id % 7 = 0");
        assertTrue();
        // A column no declaration reads changes nothing maintained.
        update("UPDATE main_detection SET source_image_id = source_image_id");
        assertTrue();
    }

    @Test
    void deletingChildren() {
        update("DELETE FROM main_detection WHERE id = (SELECT MIN(id) FROM main_detection WHERE occurrence_id = 3)");
        assertThat(scalar("SELECT detections_count FROM main_occurrence WHERE id = 3")).isEqualTo(2);
        update("DELETE FROM main_detection WHERE occurrence_id % 6 = 1");
        assertTrue();
    }

    // ---------------------------------------------------------------- rows reached through to-one relations

    @Test
    void updatingAReachedRowRecomputesTheOwnersThatReachIt() {
        update("UPDATE main_taxon SET name = 'Renamed species' WHERE id = 5"); // a determination: determination_name
        assertThat(rows("SELECT determination_name FROM main_occurrence WHERE determination_id = 5"))
                .isNotEmpty().allSatisfy(r -> assertThat(r[0]).isEqualTo("Renamed species"));
        update("UPDATE main_taxon SET name = 'Renamed family' WHERE id = 2"); // a family: family_name, two steps away
        update("UPDATE main_taxon SET parent_id = 3 WHERE id = 8"); // the step between
        update("UPDATE main_event SET start = start + INTERVAL '1' DAY WHERE id <= 5");
        assertTrue();
        update("UPDATE main_taxon SET rank = 'ANY'"); // read by no declaration
        assertTrue();
    }

    @Test
    void deletingAReachedRow() {
        // ON DELETE SET NULL: the owners' foreign key changes, and with it the owner trigger's values.
        update("UPDATE main_taxon SET parent_id = NULL WHERE id = 1");
        update("DELETE FROM main_taxon_projects WHERE taxon_id IN (2, 6)");
        update("UPDATE main_classification SET taxon_id = NULL WHERE taxon_id IN (2, 6)");
        update("UPDATE main_identification SET taxon_id = NULL WHERE taxon_id IN (2, 6)");
        update("DELETE FROM main_taxon WHERE id = 6"); // a species
        update("DELETE FROM main_taxon WHERE id = 2"); // a family: the species under it lose their parent
        assertThat(scalar("SELECT COUNT(*) FROM main_occurrence WHERE determination_id IS NULL AND determination_name IS NOT NULL")).isZero();
        assertTrue();
    }

    // ---------------------------------------------------------------- the owner's own row

    @Test
    void insertingAndUpdatingOwners() {
        update("INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score, event_id, project_id)"
                + " VALUES (5001, ?, ?, 7, 0.5, 3, 1)", LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 1, 0, 0));
        update("INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score, event_id, project_id)"
                + " SELECT id + 1000, created_at, updated_at, determination_id, determination_score, event_id, project_id"
                + " FROM main_occurrence WHERE id <= 100");
        assertThat(rows("SELECT determination_name, family_name, score_pct FROM main_occurrence WHERE id = 5001").get(0))
                .containsExactly("Noctua pronuba", "Noctuidae", 50.0); // taxon 7 and its family 4
        assertTrue();
        update("UPDATE main_occurrence SET determination_id = 9 WHERE id BETWEEN 1 AND 30");
        update("UPDATE main_occurrence SET determination_id = NULL, event_id = 12 WHERE id BETWEEN 31 AND 40");
        update("UPDATE main_occurrence SET determination_score = determination_score / 2 WHERE id % 3 = 0");
        update("UPDATE main_occurrence SET updated_at = updated_at"); // read by no declaration
        assertTrue();
        update("DELETE FROM main_occurrence WHERE id BETWEEN 41 AND 60"); // children set to NULL; event counts drop
        assertTrue();
    }

    // ---------------------------------------------------------------- queries read the columns

    /** A query of the same shape on either Ferry. */
    record Case<T>(String name, Function<Ferry, Query<T>> query) {
    }

    static List<Case<Occurrence>> occurrenceQueries() {
        return List.of(
                new Case<>("where count, order by count", f -> f.from(Occurrence.class).where(COUNT.gt(1L))
                        .orderBy(COUNT.desc(), Occurrence_.ID.asc())),
                new Case<>("order by min, a middle page", f -> f.from(Occurrence.class).orderBy(FIRST_SEEN.asc())
                        .limit(20).offset(30)),
                new Case<>("valid(): has a detection, by name", f -> f.from(Occurrence.class)
                        .where(Occurrence_.DETECTIONS.isNotEmpty()).orderBy(NAME.asc())),
                new Case<>("no detection", f -> f.from(Occurrence.class).where(Occurrence_.DETECTIONS.isEmpty())
                        .orderBy(EVENT_START.desc())),
                new Case<>("some detection with a path (filtered count)", f -> f.from(Occurrence.class)
                        .where(Occurrence_.DETECTIONS.any(Detection_.PATH.isNotNull())).orderBy(LAST_SEEN.desc())),
                new Case<>("none confident (filtered count, negated)", f -> f.from(Occurrence.class)
                        .where(Occurrence_.DETECTIONS.none(Detection_.DETECTION_SCORE.gt(0.75)))),
                new Case<>("two steps to-one, then another path", f -> f.from(Occurrence.class)
                        .orderBy(FAMILY.desc(), EVENT_START.asc()).limit(15).offset(10)),
                new Case<>("an expression of aggregates, annotated", f -> f.from(Occurrence.class)
                        .annotate(Occurrence_.DETECTIONS_COUNT, COUNT).annotate(Occurrence_.DURATION_SECONDS, DURATION)
                        .annotate(Occurrence_.FIRST_APPEARANCE, FIRST_SEEN).orderBy(DURATION.desc()).limit(25)),
                new Case<>("own columns and a constant", f -> f.from(Occurrence.class).where(SCORE_PCT.gt(50.0))
                        .orderBy(SCORE_PCT.asc()).limit(40)),
                new Case<>("text through a to-one", f -> f.from(Occurrence.class).where(NAME.startsWith("C"))
                        .orderBy(FIRST_PATH.asc())),
                new Case<>("first()", f -> f.from(Occurrence.class).where(FIRST_PATH.isNotNull())
                        .orderBy(WITH_PATH.desc(), CONFIDENT.asc()).limit(30).offset(5)));
    }

    static List<Case<Event>> eventQueries() {
        return List.of(
                new Case<>("events by their count", f -> f.from(Event.class).orderBy(EVENT_OCCURRENCES.desc())),
                new Case<>("events with a valid occurrence (a subquery of another entity)", f -> f.from(Event.class)
                        .where(Event_.OCCURRENCES.any(Occurrence_.DETECTIONS.isNotEmpty().and(COUNT.ge(2L))))),
                new Case<>("events by an aggregate over a maintained expression", f -> f.from(Event.class)
                        .orderBy(Agg.max(Event_.OCCURRENCES, SCORE_PCT).desc()).limit(7).offset(2)));
    }

    @Test
    void queriesReturnTheSameRowsAndReadTheColumns() {
        for (Case<Occurrence> c : occurrenceQueries()) {
            Query<Occurrence> stored = c.query().apply(ferry);
            Query<Occurrence> computed = c.query().apply(plain);
            List<Occurrence> want = computed.list();
            assertThat(want).as(c.name()).isNotEmpty();
            assertThat(stored.list()).as(c.name()).isEqualTo(want);
            assertThat(stored.sql()).as(c.name()).isNotEqualTo(computed.sql())
                    .doesNotContain("main_detection", "main_taxon", "main_event", "determination_score *");
            Page<Occurrence> page = stored.limit(10).offset(3).page();
            Page<Occurrence> wantPage = computed.limit(10).offset(3).page();
            assertThat(page.rows()).as(c.name()).isEqualTo(wantPage.rows());
            assertThat(page.total()).as(c.name()).isEqualTo(wantPage.total());
            assertThat(stored.count()).as(c.name()).isEqualTo(computed.count());
        }
        for (Case<Event> c : eventQueries()) {
            Query<Event> stored = c.query().apply(ferry);
            Query<Event> computed = c.query().apply(plain);
            List<Long> want = computed.list().stream().map(Event::id).toList();
            assertThat(want).as(c.name()).isNotEmpty();
            assertThat(stored.list().stream().map(Event::id).toList()).as(c.name()).isEqualTo(want);
            assertThat(stored.sql()).as(c.name()).doesNotContain("main_detection", "COUNT(");
        }
    }

    @Test
    void minAndMaxOfAMaintainedExpressionReadItsColumn() {
        StatementLog log = StatementLog.wrap(raw);
        Ferry logged = declarations(Ferry.builder(log.dataSource()).entities(SeededDatabase.ENTITIES)).build();
        Predicate<Occurrence> some = Occurrence_.ID.le(N / 2L);
        Optional<Double> longest = logged.from(Occurrence.class).where(some).max(DURATION);
        assertThat(longest).isPresent().isEqualTo(plain.from(Occurrence.class).where(some).max(DURATION));
        assertThat(logged.from(Occurrence.class).min(FIRST_SEEN)).isPresent()
                .isEqualTo(plain.from(Occurrence.class).min(FIRST_SEEN));
        assertThat(log.statements()).hasSize(2).allSatisfy(sql -> assertThat(sql).doesNotContain("main_detection"))
                .satisfiesExactly(sql -> assertThat(sql).contains("MAX(t0.duration_seconds)"),
                        sql -> assertThat(sql).contains("MIN(t0.first_seen)"));
    }

    @Test
    void theColumnNamesAreWhatTheQueriesRead() {
        String sql = ferry.from(Occurrence.class).where(Occurrence_.DETECTIONS.isNotEmpty())
                .where(Occurrence_.DETECTIONS.any(Detection_.PATH.isNotNull()))
                .orderBy(NAME.asc()).annotate(Occurrence_.DETECTIONS_COUNT, COUNT).limit(5).sql();
        assertThat(sql).contains("t0.detections_count > 0", "t0.with_path_count > 0", "_o0", "determination_name")
                .doesNotContain("EXISTS", "JOIN");
        assertThat(ferry.from(Occurrence.class).where(Occurrence_.DETECTIONS.isEmpty()).sql())
                .contains("NOT (t0.detections_count > 0)");
        // An EXISTS that no maintained count matches stays an EXISTS.
        assertThat(ferry.from(Occurrence.class).where(Occurrence_.DETECTIONS.any(Detection_.FRAME_NUM.eq(2))).sql())
                .contains("EXISTS (SELECT 1 FROM main_detection");
    }

    @Test
    void aTermCanAskWhetherAColumnServesItAndItsNullability() {
        MaintainedColumns columns = maintenance.maintainedColumns();
        dev.ferry.model.EntityModel<Occurrence> model = ferry.models().of(Occurrence.class);
        assertThat(columns.find(model, Agg.count(Occurrence_.DETECTIONS))).satisfies(e -> {
            assertThat(e.column()).isEqualTo("detections_count");
            assertThat(e.nullable()).isFalse();
        });
        assertThat(columns.find(model, FIRST_SEEN).nullable()).isTrue();
        assertThat(columns.find(model, NAME).nullable()).isTrue();
        assertThat(columns.find(model, Agg.count(Occurrence_.IDENTIFICATIONS))).isNull();
        assertThat(columns.find(ferry.models().of(OccurrenceView.class), COUNT)).isNull();
    }
}
