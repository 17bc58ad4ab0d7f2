package dev.ferry.engine;

import dev.ferry.Ferry;
import dev.ferry.error.InvalidQueryException;
import dev.ferry.error.NotLoadedException;
import dev.ferry.fixture.*;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Joins, prefetch levels, named and windowed prefetches, identity, streaming and fetch policies. */
abstract class PrefetchCases extends SeededDatabase {

    PrefetchCases(DataSource raw) {
        super(raw);
    }

    private Query<Occurrence> project1() {
        return ferry.from(Occurrence.class).where(Occurrence_.PROJECT.idEq(1L))
                .orderBy(Occurrence_.DETERMINATION_SCORE.desc());
    }

    /** parent id -> child ids, from plain SQL. */
    private Map<Long, List<Long>> children(String sql) {
        Map<Long, List<Long>> out = new HashMap<>();
        for (Object[] row : rows(sql)) {
            out.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(((Number) row[1]).longValue());
        }
        return out;
    }

    // ---------------------------------------------------------------- joins

    @Test
    void joinLoadsNestedToOnesInTheSameStatement() {
        List<Occurrence> rows = ferry.from(Occurrence.class).join(Occurrence_.DETERMINATION.then(Taxon_.PARENT)).list();
        Map<Long, Object[]> names = new HashMap<>();
        for (Object[] r : rows("SELECT o.id, t.name, p.name FROM main_occurrence o LEFT JOIN main_taxon t ON t.id = o.determination_id "
                + "LEFT JOIN main_taxon p ON p.id = t.parent_id")) {
            names.put(((Number) r[0]).longValue(), r);
        }
        assertThat(rows).hasSize(OCCURRENCES);
        for (Occurrence o : rows) {
            Object[] e = names.get(o.id());
            assertThat(o.determination().isLoaded()).isTrue();
            if (e[1] == null) {
                assertThat(o.determination().isEmpty()).isTrue();
                assertThat(o.determination().get()).isNull();
            } else {
                assertThat(o.determination().get().name()).isEqualTo(e[1]);
                assertThat(o.determination().get().parent().isLoaded()).isTrue();
                assertThat(o.determination().get().parent().get().name()).isEqualTo(e[2]);
            }
        }
        assertStatements(1);
    }

    @Test
    void joinIsInnerOnlyWhereEveryForeignKeyIsNotNull() {
        assertThat(ferry.from(Detection.class).join(Detection_.SOURCE_IMAGE).sql()).contains("INNER JOIN main_sourceimage");
        assertThat(ferry.from(Detection.class).join(Detection_.OCCURRENCE).sql()).contains("LEFT JOIN main_occurrence");
        assertThat(ferry.from(Occurrence.class).join("determination.parent").sql()).doesNotContain("INNER JOIN");
        List<Detection> detections = ferry.from(Detection.class).join(Detection_.SOURCE_IMAGE).list();
        assertThat(detections).hasSize(seeded.detections())
                .allSatisfy(d -> assertThat(d.sourceImage().get().path()).isEqualTo("captures/" + d.sourceImage().id() + ".jpg"));
    }

    @Test
    void joinWithAWindowCutsThePageOnTheRootTableFirst() {
        Query<Occurrence> page = project1().limit(10).offset(20);
        Query<Occurrence> joined = page.join(Occurrence_.DETERMINATION.then(Taxon_.PARENT));
        assertThat(joined.sql()).contains("FROM (SELECT").contains("LIMIT ? OFFSET ?) t0 LEFT JOIN main_taxon");
        assertThat(idsOf(joined.list(), Occurrence::id)).isEqualTo(idsOf(page.list(), Occurrence::id)).hasSize(10);
    }

    // ---------------------------------------------------------------- prefetch levels

    @ParameterizedTest
    @ValueSource(ints = {5, 25, 500})
    void threeLevelsAndANamedPrefetchCostTheSameForAnyPageSize(int limit) {
        Query<Occurrence> q = project1()
                .prefetch(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS).then(Classification_.TAXON))
                .prefetch(Occurrence_.DETECTIONS.as("first_image"),
                        d -> d.where(Detection_.PATH.isNotNull()).orderBy(Detection_.FRAME_NUM.asc()).limit(1))
                .limit(limit);
        List<Occurrence> rows = q.list();
        assertThat(rows).hasSize(limit);
        assertStatements(5);
        assertThat(q.plannedStatements()).isEqualTo(5);

        Map<Long, List<Long>> detections = children("SELECT occurrence_id, id FROM main_detection ORDER BY id");
        Map<Long, List<Long>> classifications = children("SELECT detection_id, id FROM main_classification ORDER BY id");
        Map<Long, List<Long>> firstImage = children("SELECT d.occurrence_id, d.id FROM main_detection d WHERE d.path IS NOT NULL "
                + "AND d.frame_num = (SELECT MIN(x.frame_num) FROM main_detection x WHERE x.occurrence_id = d.occurrence_id AND x.path IS NOT NULL)");
        Map<Long, String> taxa = new HashMap<>();
        for (Object[] r : rows("SELECT id, name FROM main_taxon")) {
            taxa.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        for (Occurrence o : rows) {
            assertThat(idsOf(o.detections().get(), Detection::id)).isEqualTo(detections.getOrDefault(o.id(), List.of()));
            assertThat(idsOf(o.detections().named("first_image"), Detection::id)).isEqualTo(firstImage.getOrDefault(o.id(), List.of()));
            for (Detection d : o.detections()) {
                assertThat(d.occurrence().get()).as("back reference filled with the parent").isSameAs(o);
                assertThat(idsOf(d.classifications().get(), Classification::id)).isEqualTo(classifications.get(d.id()));
                for (Classification c : d.classifications()) {
                    assertThat(c.detection().get()).isSameAs(d);
                    assertThat(c.taxon().isLoaded()).isTrue();
                    assertThat(c.taxon().isEmpty() ? null : c.taxon().get().name()).isEqualTo(taxa.get((Long) c.taxon().id()));
                }
            }
        }
        assertStatements(5);
    }

    @Test
    void customPrefetchQueriesFilterAndOrder() {
        List<Occurrence> rows = ferry.from(Occurrence.class)
                .prefetch(Occurrence_.IDENTIFICATIONS, q -> q.where(Identification_.WITHDRAWN.eq(false))
                        .orderBy(Identification_.CREATED_AT.desc()).join(Identification_.USER))
                .list();
        Map<Long, List<Long>> expected = children("SELECT occurrence_id, id FROM main_identification WHERE NOT withdrawn "
                + "ORDER BY created_at DESC, id");
        for (Occurrence o : rows) {
            assertThat(idsOf(o.identifications().get(), Identification::id)).isEqualTo(expected.getOrDefault(o.id(), List.of()));
            o.identifications().forEach(i -> assertThat(i.user().get().name()).isNotBlank());
        }
        assertStatements(2);
    }

    @Test
    void perParentWindowsAreCutInSql() {
        List<Occurrence> rows = ferry.from(Occurrence.class)
                .prefetch(Occurrence_.DETECTIONS, q -> q.orderBy(Detection_.FRAME_NUM.desc()).offset(1).limit(1))
                .list();
        Map<Long, List<Long>> expected = children("SELECT occurrence_id, id FROM main_detection d WHERE d.frame_num = "
                + "(SELECT MAX(x.frame_num) - 1 FROM main_detection x WHERE x.occurrence_id = d.occurrence_id)");
        for (Occurrence o : rows) {
            assertThat(idsOf(o.detections().get(), Detection::id)).as("occurrence %d", o.id())
                    .isEqualTo(expected.getOrDefault(o.id(), List.of()));
        }
        assertThat(log.statements().get(1)).contains("ROW_NUMBER() OVER (PARTITION BY");
        assertStatements(2);

        // A join inside a windowed prefetch: both tables have id and path columns, named apart inside the window.
        log.reset();
        List<Occurrence> joined = project1().limit(30)
                .prefetch(Occurrence_.DETECTIONS, q -> q.join(Detection_.SOURCE_IMAGE).orderBy(Detection_.FRAME_NUM.asc()).limit(1))
                .list();
        assertStatements(2);
        joined.forEach(o -> o.detections().forEach(d -> {
            assertThat(d.frameNum()).isZero();
            assertThat(d.sourceImage().isLoaded()).isTrue();
            assertThat(d.sourceImage().get().path()).isEqualTo("captures/" + d.sourceImage().id() + ".jpg");
        }));
        assertStatements(2);
    }

    @Test
    void toOnePrefetchAndPrefetchThroughAJoin() {
        List<Occurrence> rows = project1().prefetch("determination.parent").list();
        assertStatements(3);
        rows.stream().filter(o -> !o.determination().isEmpty())
                .forEach(o -> assertThat(o.determination().get().parent().get().rank()).isEqualTo("FAMILY"));
        log.reset();
        Query<Occurrence> joined = project1().join(Occurrence_.DETERMINATION).prefetch("determination.parent");
        assertThat(joined.plannedStatements()).as("the joined level costs nothing").isEqualTo(2);
        rows = joined.list();
        assertStatements(2);
        rows.stream().filter(o -> !o.determination().isEmpty())
                .forEach(o -> assertThat(o.determination().get().parent().get().rank()).isEqualTo("FAMILY"));
        assertStatements(2);
    }

    @Test
    void manyToManyThroughTheJoinTable() {
        List<Project> projects = ferry.from(Project.class).prefetch(Project_.TAXA).list();
        assertStatements(2);
        Map<Long, List<Long>> expected = children("SELECT project_id, taxon_id FROM main_taxon_projects ORDER BY taxon_id");
        for (Project p : projects) {
            assertThat(idsOf(p.taxa().get(), Taxon::id)).isEqualTo(expected.get(p.id()));
        }
        Taxon inOne = projects.get(0).taxa().get().stream().filter(t -> t.rank().equals("FAMILY")).findFirst().orElseThrow();
        Taxon inTwo = projects.get(1).taxa().get().stream().filter(t -> t.id() == inOne.id()).findFirst().orElseThrow();
        assertThat(inTwo).as("one object per row within a load").isSameAs(inOne);

        List<Taxon> taxa = ferry.from(Taxon.class).prefetch(Taxon_.PROJECTS, q -> q.where(Project_.DRAFT.eq(true))).list();
        assertThat(taxa.stream().filter(t -> !t.projects().isEmpty()).map(Taxon::rank).distinct()).containsExactly("FAMILY");
    }

    @Test
    void identityMapGivesOneObjectPerRowAcrossPaths() {
        List<Occurrence> rows = project1().join(Occurrence_.DETERMINATION)
                .prefetch(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS).then(Classification_.TAXON)).limit(50).list();
        int checked = 0;
        for (Occurrence o : rows) {
            for (Detection d : o.detections()) {
                for (Classification c : d.classifications()) {
                    if (c.terminal() && !c.taxon().isEmpty()) {
                        assertThat(c.taxon().get()).isSameAs(o.determination().get());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void identityHoldsWhenAnEntityComesBackAtALaterLevel() {
        // Root detections are read without an identity map; meeting Detection again indexes them.
        List<Detection> detections = ferry.from(Detection.class).where(Detection_.ID.le(60L))
                .prefetch(Detection_.OCCURRENCE.then(Occurrence_.DETECTIONS)).list();
        for (Detection d : detections) {
            assertThat(d.occurrence().get().detections().get()).as("the root object, not a copy").anySatisfy(x -> assertThat(x).isSameAs(d));
        }
        // Same entity at every level: taxa and their children.
        List<Taxon> taxa = ferry.from(Taxon.class).prefetch(Taxon_.CHILDREN).list();
        Map<Long, Taxon> byId = taxa.stream().collect(Collectors.toMap(Taxon::id, t -> t));
        taxa.forEach(t -> t.children().forEach(c -> assertThat(c).isSameAs(byId.get(c.id()))));
        assertThat(taxa.get(0).children().size()).isEqualTo(3);
        // And a later PEERS load of the parent of each taxon returns the root objects too.
        taxa.stream().filter(t -> !t.parent().isEmpty()).forEach(t -> assertThat(t.parent().get()).isSameAs(byId.get((Long) t.parent().id())));
    }

    @Test
    void pathsMergeAndCustomQueriesConflictLoudly() {
        List<Occurrence> rows = project1()
                .prefetch(Occurrence_.DETECTIONS, q -> q.where(Detection_.PATH.isNotNull()))
                .prefetch("detections.classifications")
                .limit(40).list();
        assertStatements(3);
        rows.forEach(o -> o.detections().forEach(d -> {
            assertThat(d.path()).isNotNull();
            assertThat(d.classifications().size()).isEqualTo(2);
        }));
        assertThatThrownBy(() -> project1().prefetch(Occurrence_.DETECTIONS, q -> q.limit(1))
                .prefetch(Occurrence_.DETECTIONS, q -> q.limit(2)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("prefetch of Occurrence.detections already has a custom query")
                .hasMessageContaining(".as(name)");
    }

    @Test
    void thePlanCountsOnlyTheLevelsThatCostAStatement() {
        Query<Occurrence> backAndForth = project1().limit(20).prefetch("detections.occurrence.identifications");
        assertThat(backAndForth.plannedStatements()).as("detections.occurrence is filled with the parent").isEqualTo(3);
        backAndForth.list();
        assertStatements(3);
    }

    @Test
    void stringAndTypedPathsAreTheSamePlan() {
        Query<Occurrence> typed = project1().prefetch(Occurrence_.DETECTIONS.then(Detection_.CLASSIFICATIONS)).limit(5);
        Query<Occurrence> named = project1().prefetch("detections.classifications").limit(5);
        assertThat(named.spec()).isEqualTo(typed.spec());
    }

    @Test
    void anEmptyResultRunsOnlyTheRootStatement() {
        assertThat(ferry.from(Occurrence.class).where(Occurrence_.ID.lt(0L))
                .prefetch("detections.classifications.taxon").list()).isEmpty();
        assertStatements(1);
    }

    // ---------------------------------------------------------------- streaming

    @Test
    void streamsInChunksPrefetchingEachChunk() {
        List<Long> expected = idsOf(project1().list(), Occurrence::id);
        log.reset();
        List<Long> streamed = new ArrayList<>();
        int[] detections = {0};
        try (Stream<Occurrence> s = project1().prefetch(Occurrence_.DETECTIONS).stream(100)) {
            s.forEach(o -> {
                streamed.add(o.id());
                detections[0] += o.detections().size();
            });
        }
        assertThat(streamed).isEqualTo(expected);
        assertThat(detections[0]).isEqualTo(ids("SELECT COUNT(*) FROM main_detection d JOIN main_occurrence o ON o.id = d.occurrence_id "
                + "WHERE o.project_id = 1").get(0).intValue());
        assertStatements(1 + 6);
        assertThat(activeConnections()).isZero();

        // Closing early frees the connection too.
        try (Stream<Occurrence> s = project1().stream(10)) {
            assertThat(s.limit(3).count()).isEqualTo(3);
        }
        assertThat(activeConnections()).isZero();
    }

    // ---------------------------------------------------------------- fetch policies

    @Test
    void peersTurnsAnNPlusOneLoopIntoTwoStatements() {
        List<Occurrence> page = project1().limit(50).list();
        int total = 0;
        for (Occurrence o : page) {
            total += o.detections().size(); // the classic N+1 loop
        }
        assertThat(total).isEqualTo(page.stream().mapToInt(o -> (int) (o.id() % 4)).sum());
        assertStatements(2);
    }

    @Test
    void peersAndOneFillBackReferencesToo() {
        List<Occurrence> page = project1().limit(10).list();
        page.forEach(o -> o.detections().forEach(d -> assertThat(d.occurrence().get()).isSameAs(o)));
        assertStatements(2);
        log.reset();
        List<Occurrence> slow = project1().fetchPolicy(FetchPolicy.ONE).limit(10).list();
        slow.forEach(o -> o.detections().forEach(d -> assertThat(d.occurrence().get()).isSameAs(o)));
        assertStatements(1 + 10);
    }

    @Test
    void peersLoadsEachRelationOnceForTheWholeResult() {
        List<Occurrence> rows = project1().limit(50).list();
        int detections = 0;
        for (Occurrence o : rows) {
            for (Detection d : o.detections()) {
                detections += d.classifications().size();
            }
            if (!o.determination().isEmpty()) {
                assertThat(o.determination().get().name()).isNotBlank();
            }
        }
        assertThat(detections).isPositive();
        assertStatements(1 + 1 + 1 + 1);
    }

    @Test
    void laterLoadsPublishTheFixForStatementWatchers() {
        List<String> hints = new java.util.concurrent.CopyOnWriteArrayList<>();
        DataSource spy = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    Object out = m.invoke(log.dataSource(), a);
                    if (!m.getName().equals("getConnection")) {
                        return out;
                    }
                    java.sql.Connection c = (java.sql.Connection) out;
                    return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (p2, m2, a2) -> {
                                if (m2.getName().equals("prepareStatement")) {
                                    hints.add(String.valueOf(dev.ferry.policy.LoadHints.current()));
                                }
                                try {
                                    return m2.invoke(c, a2);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
        Ferry watched = Ferry.of(spy);
        List<Occurrence> rows = watched.from(Occurrence.class).where(Occurrence_.PROJECT.idEq(1L)).limit(5).list();
        rows.forEach(o -> o.detections().forEach(d -> d.classifications().size()));
        assertThat(hints).containsExactly("null",
                "Occurrence.detections: add .prefetch(\"detections\") (typed: Occurrence_.DETECTIONS) to the query on Occurrence",
                "Detection.classifications: add .prefetch(\"detections.classifications\") to the query on Occurrence");
        assertThat(dev.ferry.policy.LoadHints.current()).isNull();
    }

    @Test
    void raiseThrowsNamingTheRelationAndTheFix() {
        List<Occurrence> rows = project1().fetchPolicy(FetchPolicy.RAISE).limit(3).list();
        Occurrence o = rows.get(0);
        assertThat(o.determination().id() != null).isTrue();
        assertThatThrownBy(() -> o.detections().size()).isInstanceOf(NotLoadedException.class)
                .hasMessage("Occurrence.detections was read but not loaded, and the fetch policy is RAISE. Load it with the "
                        + "query: add .prefetch(\"detections\") (typed: Occurrence_.DETECTIONS) to the query on Occurrence.");
        assertThatThrownBy(() -> o.determination().get()).isInstanceOf(NotLoadedException.class)
                .hasMessageContaining("add .join(\"determination\") or .prefetch(\"determination\")");
        Occurrence withDetections = project1().fetchPolicy(FetchPolicy.RAISE).prefetch(Occurrence_.DETECTIONS)
                .where(Occurrence_.DETECTIONS.isNotEmpty()).first().orElseThrow();
        assertThatThrownBy(() -> withDetections.detections().first().classifications().get())
                .isInstanceOf(NotLoadedException.class)
                .hasMessageContaining("Detection.classifications was read but not loaded")
                .hasMessageContaining("add .prefetch(\"detections.classifications\") to the query on Occurrence");
        assertStatements(2 + 1);
    }

    @Test
    void oneIssuesOneStatementPerRow() {
        List<Occurrence> rows = project1().fetchPolicy(FetchPolicy.ONE).limit(20).list();
        for (Occurrence o : rows) {
            o.detections().size();
        }
        assertStatements(1 + 20);
        assertThat(log.statements().subList(1, 21)).allMatch(s -> s.equals(log.statements().get(1)));
    }

    @Test
    @SuppressWarnings("try") // the scope is used for its effect only
    void policyPrecedenceIsQueryThenThreadThenDatabase() {
        try (var scope = FetchPolicy.override(FetchPolicy.RAISE)) {
            Occurrence o = project1().first().orElseThrow();
            assertThatThrownBy(() -> o.detections().size()).isInstanceOf(NotLoadedException.class);
            Occurrence explicit = project1().fetchPolicy(FetchPolicy.PEERS).first().orElseThrow();
            assertThat(explicit.detections().size()).isEqualTo(explicit.id() % 4);
        }
        Occurrence after = project1().first().orElseThrow();
        assertThat(after.detections().isLoaded()).isFalse();
        assertThat(after.detections().size()).isEqualTo(after.id() % 4);

        Ferry strict = Ferry.builder(log.dataSource()).fetchPolicy(FetchPolicy.RAISE).build();
        Occurrence o = strict.from(Occurrence.class).first().orElseThrow();
        assertThatThrownBy(() -> o.identifications().size()).isInstanceOf(NotLoadedException.class);
        assertThat(FetchPolicy.with(FetchPolicy.PEERS, () -> o.identifications().size())).isGreaterThanOrEqualTo(0);
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void aTransactionUsesOneConnectionAndRollsBackOnFailure() {
        long before = ferry.from(Occurrence.class).count();
        assertThatThrownBy(() -> ferry.useTransaction(tx -> {
            tx.useConnection(c -> {
                try (var s = c.prepareStatement("INSERT INTO users_user (id, name) VALUES (999, 'temp')")) {
                    s.executeUpdate();
                }
            });
            assertThat(tx.from(User.class).where(User_.ID.eq(999L)).exists()).as("visible inside").isTrue();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(ferry.from(User.class).where(User_.ID.eq(999L)).exists()).as("rolled back").isFalse();
        assertThat(ferry.from(Occurrence.class).count()).isEqualTo(before);

        Map<Long, Integer> sizes = ferry.inTransaction(tx -> tx.from(Occurrence.class).where(Occurrence_.ID.le(8L))
                .prefetch(Occurrence_.DETECTIONS).list().stream()
                .collect(Collectors.toMap(Occurrence::id, o -> o.detections().size())));
        assertThat(sizes).hasSize(8).allSatisfy((id, n) -> assertThat(n).isEqualTo((int) (id % 4)));
        assertThat(activeConnections()).isZero();
    }
}
