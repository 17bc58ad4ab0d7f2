package dev.ferry.observetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.observe.Detectors;
import dev.ferry.observe.NPlusOneException;
import dev.ferry.observe.NPlusOneReport;
import dev.ferry.observe.ObservedDataSource;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.observe.SqlShapes;
import dev.ferry.observe.StatementRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Outside dev.ferry.observe on purpose: that package is excluded from call sites, and these tests assert on them.
class ObserverTest {
    private static final String CHILDREN = "select id, name from child where parent_id = ?";

    private HikariDataSource hikari;

    @BeforeEach
    void database() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        hikari = new HikariDataSource(config);
        try (Connection c = hikari.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table parent (id bigint primary key, name varchar(50))");
            s.execute("create table child (id bigint primary key, parent_id bigint, name varchar(50))");
            s.execute("insert into parent values (1, 'a'), (2, 'b'), (3, 'c')");
            s.execute("insert into child values (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'z'), (4, 2, 'w'), (5, 3, 'v'),"
                    + " (6, 3, 'u')");
        }
    }

    @AfterEach
    void connectionsReturnedToThePool() {
        assertThat(hikari.getHikariPoolMXBean().getActiveConnections()).isZero();
        hikari.close();
    }

    private static Observer.Builder quiet() {
        return Observer.builder().logReports(false);
    }

    /** Run the classic N+1: one query for the parents, one per parent for its children. */
    private static int nPlusOne(ObservedDataSource ds) throws SQLException {
        int children = 0;
        try (Connection c = ds.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from parent order by id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CHILDREN)) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            children++;
                        }
                    }
                }
            }
        }
        return children;
    }

    private static void query(ObservedDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                // read every row
            }
        }
    }

    @Test
    void recordsAPlainJdbcNPlusOneLoopWithItsCallSite() throws SQLException {
        ObservedDataSource ds = quiet().build().wrap(hikari);
        List<StatementRecord> records;
        try (Scope scope = ds.observer().scope("GET /parents")) {
            assertThat(nPlusOne(ds)).isEqualTo(6);
            records = scope.statements();
            assertThat(scope.count()).isEqualTo(4);
        }
        assertThat(records).extracting(StatementRecord::sql)
                .containsExactly("select id from parent order by id", CHILDREN, CHILDREN, CHILDREN);
        assertThat(records).extracting(StatementRecord::shape)
                .containsExactly(SqlShapes.shapeOf("select id from parent order by id"), SqlShapes.shapeOf(CHILDREN),
                        SqlShapes.shapeOf(CHILDREN), SqlShapes.shapeOf(CHILDREN));
        assertThat(records).extracting(StatementRecord::rows).containsExactly(3L, 2L, 2L, 2L);
        assertThat(records).extracting(StatementRecord::parameters).containsExactly(0, 1, 1, 1);
        assertThat(records).extracting(StatementRecord::scope).containsOnly("GET /parents");
        assertThat(records).noneMatch(StatementRecord::failed).noneMatch(StatementRecord::planned);
        assertThat(records).allSatisfy(r -> assertThat(r.nanos()).isPositive());
        // Different ids bound: different hashes, so the detector can tell an N+1 from repeated identical lookups.
        assertThat(records.subList(1, 4)).extracting(StatementRecord::parameterHash).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.callSite().getClassName()).isEqualTo(ObserverTest.class.getName());
            assertThat(r.callSite().getMethodName()).isEqualTo("nPlusOne");
        });
    }

    @Test
    void callSiteIsTheTestMethodWhenItRunsTheStatement() throws SQLException {
        ObservedDataSource ds = quiet().build().wrap(hikari);
        try (Scope scope = ds.observer().scope("s"); Connection c = ds.getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("update parent set name = 'q' where id < 3");
            StatementRecord r = scope.statements().get(0);
            assertThat(r.callSite().getMethodName()).isEqualTo("callSiteIsTheTestMethodWhenItRunsTheStatement");
            assertThat(r.rows()).isEqualTo(2);
        }
    }

    @Test
    void sameParametersGiveTheSameHash() throws SQLException {
        ObservedDataSource ds = quiet().build().wrap(hikari);
        try (Scope scope = ds.observer().scope("s"); Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(CHILDREN)) {
            for (long id : new long[] {1, 1, 2}) {
                ps.setLong(1, id);
                ps.executeQuery().close();
            }
            ps.setLong(1, 9);
            ps.clearParameters(); // forgets 9
            ps.setLong(1, 1);
            ps.executeQuery().close();
            // Re-executing without binding again counts no parameters: only binds since the last execute count.
            ps.executeQuery().close();
            assertThat(scope.statements()).extracting(StatementRecord::parameters).containsExactly(1, 1, 1, 1, 0);
            List<Integer> hashes = scope.statements().stream().map(StatementRecord::parameterHash).toList();
            assertThat(hashes.get(0)).isEqualTo(hashes.get(1)).isEqualTo(hashes.get(3)).isNotEqualTo(hashes.get(2));
        }
    }

    @Test
    void nestedScopesRollCountsUp() throws SQLException {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope outer = observer.scope("outer")) {
            query(ds, "select 1");
            try (Scope inner = observer.scope("inner")) {
                assertThat(observer.current()).isSameAs(inner);
                assertThat(inner.parent()).isSameAs(outer);
                query(ds, "select 2");
                query(ds, "select 3");
                assertThat(inner.count()).isEqualTo(2);
                assertThat(inner.statements()).extracting(StatementRecord::scope).containsOnly("inner");
            }
            assertThat(observer.current()).isSameAs(outer);
            assertThat(outer.count()).isEqualTo(3);
            assertThat(outer.statements()).extracting(StatementRecord::sql).containsExactly("select 1");
            assertThat(outer.totalNanos()).isGreaterThanOrEqualTo(outer.statements().get(0).nanos());
        }
        assertThat(observer.current()).isNull();
    }

    @Test
    void closingAScopeThatIsNotInnermostThrows() {
        Observer observer = quiet().build();
        Scope outer = observer.scope("outer");
        Scope inner = observer.scope("inner");
        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'outer'").hasMessageContaining("innermost: 'inner'");
        inner.close();
        outer.close();
        assertThat(observer.current()).isNull();
    }

    /**
     * Virtual threads (Java 21+; this module compiles for 17, so they are started reflectively and the
     * test is skipped on an older runtime) join a scope like any thread: a request fanning out work.
     */
    @Test
    void virtualThreadsJoinTheScope() throws Exception {
        java.lang.reflect.Method factory;
        try {
            factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            org.junit.jupiter.api.Assumptions.abort("no virtual threads before Java 21");
            return;
        }
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        ExecutorService virtual = (ExecutorService) factory.invoke(null);
        try (Scope scope = observer.scope("fan-out")) {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                work.add(virtual.submit(() -> {
                    try (Scope.Joined joined = scope.join()) {
                        query(ds, "select " + (10 + n));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(scope.count()).isEqualTo(3);
            assertThat(scope.statements()).extracting(StatementRecord::sql)
                    .containsExactlyInAnyOrder("select 10", "select 11", "select 12");
        } finally {
            virtual.shutdownNow();
        }
    }

    @Test
    void aJoinedThreadRecordsIntoTheScope() throws Exception {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Scope scope = observer.scope("request")) {
            query(ds, "select 1");
            pool.submit(() -> {
                try (Scope.Joined joined = scope.join()) {
                    assertThat(observer.current()).isSameAs(scope);
                    query(ds, "select 2");
                }
                assertThat(observer.current()).isNull();
                return null;
            }).get(10, TimeUnit.SECONDS);
            // Not recorded: the worker left the scope.
            pool.submit(() -> {
                query(ds, "select 3");
                return null;
            }).get(10, TimeUnit.SECONDS);
            assertThat(pool.submit(() -> {
                try {
                    scope.close();
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            }).get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
            assertThat(scope.count()).isEqualTo(2);
            assertThat(scope.statements()).extracting(StatementRecord::sql).containsExactly("select 1", "select 2");
            assertThat(scope.statements().get(1).callSite().getClassName()).isEqualTo(ObserverTest.class.getName());
            assertThat(observer.unscopedStatements()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void serverTimingNamesDurationAndCount() throws SQLException {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("s")) {
            assertThat(scope.serverTiming()).isEqualTo("db;dur=0.0;desc=\"0 queries\"");
            query(ds, "select 1");
            assertThat(scope.serverTiming()).matches("db;dur=\\d+\\.\\d;desc=\"1 query\"");
            query(ds, "select 2");
            query(ds, "select 3");
            assertThat(scope.serverTiming()).matches("db;dur=\\d+\\.\\d;desc=\"3 queries\"");
        }
    }

    @Test
    void keepsABoundedRingButCountsEverything() throws SQLException {
        Observer observer = quiet().keep(10).build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("s"); Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 25; i++) {
                s.executeQuery("select " + i).close();
            }
            assertThat(scope.count()).isEqualTo(25);
            assertThat(scope.statements()).hasSize(10);
            assertThat(scope.statements().get(0).sql()).isEqualTo("select 15");
            assertThat(scope.statements().get(9).sql()).isEqualTo("select 24");
        }
    }

    @Test
    void strictModeThrowsAfterPoppingAndTheListenerGetsTheReport() throws SQLException {
        List<NPlusOneReport> heard = new ArrayList<>();
        Observer observer = Observer.builder().strict(true).listener(heard::add)
                .detector((scope, statements) -> List.of(new NPlusOneReport(scope, statements.get(1).shape(),
                        statements.size() - 1, 3_000_000, statements.get(1).callSite(), "test", "add a prefetch")))
                .build();
        ObservedDataSource ds = observer.wrap(hikari);
        Scope scope = observer.scope("GET /parents");
        nPlusOne(ds);
        assertThatThrownBy(scope::close).isInstanceOf(NPlusOneException.class)
                .hasMessageContaining("1 N+1 pattern detected")
                .hasMessageContaining("scope 'GET /parents'")
                .hasMessageContaining(SqlShapes.shapeOf(CHILDREN) + " ran 3 times (3.0 ms)")
                .hasMessageContaining("nPlusOne")
                .hasMessageContaining("fix: add a prefetch");
        assertThat(observer.current()).isNull();
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).count()).isEqualTo(3);
        assertThat(scope.reports()).containsExactlyElementsOf(heard);
        scope.close(); // a second close does nothing
    }

    @Test
    void statementsOutsideAnyScopeAreOnlyCounted() throws SQLException {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        query(ds, "select 1");
        query(ds, "select 2");
        assertThat(observer.unscopedStatements()).isEqualTo(2);
        try (Scope scope = observer.scope("s")) {
            assertThat(scope.statements()).isEmpty();
            assertThat(scope.count()).isZero();
        }
    }

    @Test
    void aFailedStatementIsRecordedAndItsExceptionReachesTheCaller() throws SQLException {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        SQLException bare;
        try (Connection c = hikari.getConnection(); Statement s = c.createStatement()) {
            bare = catchSql(s, "select * from nope");
        }
        try (Scope scope = observer.scope("s"); Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            SQLException observed = catchSql(s, "select * from nope");
            assertThat((Throwable) observed).isExactlyInstanceOf(bare.getClass()).hasMessage(bare.getMessage());
            assertThat(observed.getSQLState()).isEqualTo(bare.getSQLState());
            StatementRecord r = scope.statements().get(0);
            assertThat(r.failed()).isTrue();
            assertThat(r.rows()).isEqualTo(-1);
            assertThat(r.sql()).isEqualTo("select * from nope");
        }
    }

    private static SQLException catchSql(Statement s, String sql) {
        try {
            s.executeQuery(sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an SQLException");
    }

    @Test
    void closingTheConnectionRecordsAnUnclosedResultSet() throws SQLException {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("s")) {
            Connection c = ds.getConnection();
            ResultSet rs = c.prepareStatement("select id from child").executeQuery();
            rs.next();
            rs.next();
            assertThat(scope.statements()).isEmpty();
            c.close();
            assertThat(scope.statements()).extracting(StatementRecord::rows).containsExactly(2L);
        }
    }

    @Test
    void executeAndBatchesAreRecordedOnce() throws SQLException {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("s"); Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into parent values (?, ?)")) {
            for (int i = 10; i < 13; i++) {
                ps.setInt(1, i);
                ps.setString(2, "n" + i);
                ps.addBatch();
            }
            ps.executeBatch();
            try (PreparedStatement q = c.prepareStatement("select * from parent")) {
                assertThat(q.execute()).isTrue();
                try (ResultSet rs = q.getResultSet()) {
                    while (rs.next()) {
                        // read every row
                    }
                }
            }
            assertThat(scope.statements()).extracting(StatementRecord::rows).containsExactly(3L, 6L);
            assertThat(scope.statements()).extracting(StatementRecord::parameters).containsExactly(2, 0);
        }
    }

    @Test
    void unwrapReachesTheDriverAndProxiesPointAtEachOther() throws SQLException {
        ObservedDataSource ds = quiet().build().wrap(hikari);
        assertThat(ds.unwrap(HikariDataSource.class)).isSameAs(hikari);
        assertThat(ds.isWrapperFor(HikariDataSource.class)).isTrue();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select 1");
             ResultSet rs = ps.executeQuery()) {
            assertThat(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
            assertThat(c.unwrap(org.h2.jdbc.JdbcConnection.class)).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
            assertThat(ps.unwrap(org.h2.jdbc.JdbcPreparedStatement.class)).isNotNull();
            assertThat(ps.getConnection()).isSameAs(c);
            assertThat(rs.getStatement()).isSameAs(ps);
            assertThat(c).isEqualTo(c).isNotEqualTo(c.unwrap(Connection.class));
        }
    }

    @Test
    void joiningAClosedScopeThrows() {
        Observer observer = quiet().build();
        Scope scope = observer.scope("s");
        scope.close();
        assertThatThrownBy(scope::join).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    @Test
    void excludedPackagesAreSkippedWhenFindingTheCallSite() throws SQLException {
        Observer observer = quiet().excludeCallSitePackages("dev.ferry.observetest.").build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("s")) {
            query(ds, "select 1");
            // Everything above the test is JUnit, surefire or the JDK: no frame is left to blame.
            assertThat(scope.statements().get(0).callSite()).isNull();
        }
    }

    @Test
    void theTestDetectorReportsTheLoopAtCloseButNotRepeatedIdenticalLookups() throws SQLException {
        List<NPlusOneReport> heard = new ArrayList<>();
        Observer observer = quiet().detector(Detectors.test()).listener(heard::add).build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("GET /parents")) {
            nPlusOne(ds);
        }
        assertThat(heard).singleElement().satisfies(r -> {
            assertThat(r.scope()).isEqualTo("GET /parents");
            assertThat(r.shape()).isEqualTo(SqlShapes.shapeOf(CHILDREN));
            assertThat(r.count()).isEqualTo(3);
            assertThat(r.callSite().getMethodName()).isEqualTo("nPlusOne");
        });
        heard.clear();
        try (Scope scope = observer.scope("same lookup twice"); Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(CHILDREN)) {
            for (int i = 0; i < 2; i++) {
                ps.setLong(1, 1);
                ps.executeQuery().close();
            }
        }
        assertThat(heard).isEmpty();
    }

    /** One lookup of CHILDREN, from a method of its own (a call site of its own). */
    private static void lookupFromElsewhere(ObservedDataSource ds, long parent) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(CHILDREN)) {
            ps.setLong(1, parent);
            ps.executeQuery().close();
        }
    }

    @Test
    void afterTheWalksPerShapeAStatementReusesTheLastCallSite() throws SQLException {
        Observer capped = quiet().callSitesPerShape(2).build();
        try (Scope scope = capped.scope("s")) {
            nPlusOne(capped.wrap(hikari));
            lookupFromElsewhere(capped.wrap(hikari), 1);
            List<StatementRecord> children = scope.statements().subList(1, 5);
            // Two walks found nPlusOne; the later lookups of the shape, the one from elsewhere too, reuse it.
            assertThat(children).extracting(r -> r.callSite().getMethodName())
                    .containsExactly("nPlusOne", "nPlusOne", "nPlusOne", "nPlusOne");
        }
        Observer exact = quiet().callSitesPerShape(Integer.MAX_VALUE).build();
        try (Scope scope = exact.scope("s")) {
            nPlusOne(exact.wrap(hikari));
            lookupFromElsewhere(exact.wrap(hikari), 1);
            assertThat(scope.statements().subList(1, 5)).extracting(r -> r.callSite().getMethodName())
                    .containsExactly("nPlusOne", "nPlusOne", "nPlusOne", "lookupFromElsewhere");
        }
        assertThatThrownBy(() -> quiet().callSitesPerShape(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callSitesPerShape must be at least 1");
    }

    @Test
    void productionSettingsWalkNoStackForAFirstExecutionAndStillReportTheLoop() throws SQLException {
        List<NPlusOneReport> heard = new ArrayList<>();
        Observer observer = quiet().callSiteOnFirstExecution(false).listener(heard::add)
                .detector(Detectors.production(3, java.time.Duration.ZERO)).build();
        try (Scope scope = observer.scope("GET /parents")) {
            nPlusOne(observer.wrap(hikari));
            List<StatementRecord> ran = scope.statements();
            assertThat(ran).extracting(StatementRecord::sql).containsExactly("select id from parent order by id",
                    CHILDREN, CHILDREN, CHILDREN);
            // The parents query and the first lookup ran once so far: no walk, no call site.
            assertThat(ran.get(0).callSite()).isNull();
            assertThat(ran.get(1).callSite()).isNull();
            assertThat(ran.get(2).callSite().getMethodName()).isEqualTo("nPlusOne");
            assertThat(ran.get(3).callSite().getMethodName()).isEqualTo("nPlusOne");
        }
        assertThat(heard).singleElement().satisfies(r -> {
            assertThat(r.count()).isEqualTo(3);
            assertThat(r.callSite().getMethodName()).isEqualTo("nPlusOne");
        });
    }

    @Test
    void everyExecuteVariantIsRecordedWithItsRowsAndParameters() throws SQLException {
        Observer observer = quiet().build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("s"); Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("update child set name = ? where parent_id = ?")) {
                ps.setString(1, "q");
                ps.setLong(2, 1);
                assertThat(ps.executeLargeUpdate()).isEqualTo(2L);
                ps.setNull(1, java.sql.Types.VARCHAR);
                ps.setLong(2, 2);
                assertThat(ps.executeUpdate()).isEqualTo(2);
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeLargeUpdate("update parent set name = 'z' where id = 3")).isEqualTo(1L);
                assertThat(s.execute("update parent set name = 'y' where id = 3")).isFalse();
                s.addBatch("update parent set name = 'x' where id = 1");
                s.addBatch("update parent set name = 'x' where id = 2");
                assertThat(s.executeLargeBatch()).containsExactly(1L, 1L);
            }
            try (java.sql.CallableStatement call = c.prepareCall("select count(*) from child where parent_id = ?")) {
                call.setLong(1, 3);
                try (ResultSet rs = call.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(2L);
                    assertThat(rs.getStatement()).isSameAs(call);
                }
            }
            List<StatementRecord> ran = scope.statements();
            assertThat(ran).extracting(StatementRecord::rows).containsExactly(2L, 2L, 1L, 1L, 2L, 1L);
            assertThat(ran).extracting(StatementRecord::parameters).containsExactly(2, 2, 0, 0, 0, 1);
            assertThat(ran.get(4).sql()).isEqualTo("update parent set name = 'x' where id = 1");
            assertThat(ran).extracting(StatementRecord::failed).containsOnly(false);
            assertThat(ran.get(0).parameterHash()).isNotEqualTo(ran.get(1).parameterHash());
        }
    }
}
