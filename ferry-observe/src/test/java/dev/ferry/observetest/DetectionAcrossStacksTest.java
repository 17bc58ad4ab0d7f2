package dev.ferry.observetest;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.Ferry;
import dev.ferry.model.Many;
import dev.ferry.model.Ref;
import dev.ferry.model.Table;
import dev.ferry.observe.Detectors;
import dev.ferry.observe.NPlusOneReport;
import dev.ferry.observe.ObservedDataSource;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.observe.SqlShapes;
import dev.ferry.observe.StatementRecord;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.query.Col;
import dev.ferry.query.Query;
import dev.ferry.query.ToMany;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The N+1 detector under three JDBC stacks (plain JDBC, Ferry, Hibernate 6.6) on one schema, with the test rule
 * ({@link Detectors#test()}: one shape from one call site with at least 2 different parameters), and the false
 * positives we tried.
 *
 * <p>False-positive cases tried, and their outcome (each is a test below):
 * <ul>
 *   <li>Ferry's own prefetch batches (and the PEERS policy): not reported; prefetch records are {@code planned}.</li>
 *   <li>a pagination loop over 5 distinct pages ({@code LIMIT ? OFFSET ?}): not reported (pagination heuristic).</li>
 *   <li>two identical lookups (same parameter) from one call site: not reported (one distinct execution).</li>
 *   <li>one shape from two different call sites, once each: not reported (the test rule groups by call site).</li>
 *   <li>a whole planned load (3 levels) repeated in a loop: the planned statements are never reported; with
 *       roots of different shapes nothing at all is reported. That is a real N+1 of loads the rule misses, a known
 *       limitation; with one root shape and different parameters the root statement is reported.</li>
 * </ul>
 * Lives outside {@code dev.ferry.observe}, which is excluded from call sites.
 */
class DetectionAcrossStacksTest {
    private static final String BOOKS_OF_AUTHOR = "select id, title from book where author_id = ?";

    @Table("author")
    record Author(long id, String name, Many<Book> books) {
    }

    @Table("book")
    record Book(long id, Ref<Author> author, String title) {
    }

    private HikariDataSource hikari;
    private Observer observer;
    private ObservedDataSource ds;

    @BeforeEach
    void database() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        hikari = new HikariDataSource(config);
        try (Connection c = hikari.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table author (id bigint primary key, name varchar(100))");
            s.execute("create table book (id bigint primary key, author_id bigint not null references author,"
                    + " title varchar(200))");
            for (int a = 1; a <= 10; a++) {
                s.execute("insert into author values (" + a + ", 'author " + a + "')");
                for (int b = 1; b <= 3; b++) {
                    long id = (a - 1) * 3L + b;
                    s.execute("insert into book values (" + id + ", " + a + ", 'book " + id + "')");
                }
            }
        }
        observer = Observer.builder().detector(Detectors.test()).logReports(false)
                .hints(dev.ferry.policy.LoadHints::current).build();
        ds = observer.wrap(hikari);
    }

    @AfterEach
    void connectionsReturnedToThePool() {
        try {
            assertThat(hikari.getHikariPoolMXBean().getActiveConnections()).isZero();
            assertThat(observer.current()).isNull();
        } finally {
            hikari.close();
        }
    }

    /** The line number of the caller: put it on the same line as the statement whose call site is asserted. */
    private static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    private static List<Long> authorIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from author order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void assertCallSiteIn(NPlusOneReport report, String method) {
        assertThat(report.callSite()).isNotNull();
        assertThat(report.callSite().getClassName()).isEqualTo(DetectionAcrossStacksTest.class.getName());
        assertThat(report.callSite().getMethodName()).isEqualTo(method);
        assertThat(report.callSite().getLineNumber()).isPositive();
    }

    // ------------------------------------------------------------------------------------------- real N+1 loops

    @Test
    void plainJdbcLoopIsReportedOnceAtTheLoopLine() throws SQLException {
        int loopLine = -1;
        int books = 0;
        Scope scope;
        try (Scope s = observer.scope("plain jdbc")) {
            scope = s;
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(BOOKS_OF_AUTHOR)) {
                for (long id : authorIds(c)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) { loopLine = line(); // same line as executeQuery, on purpose
                        while (rs.next()) {
                            books++;
                        }
                    }
                }
            }
        }
        assertThat(books).isEqualTo(30);
        assertThat(scope.count()).isEqualTo(11);
        List<NPlusOneReport> reports = scope.reports();
        assertThat(reports).hasSize(1);
        NPlusOneReport r = reports.get(0);
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.rule()).isEqualTo("test");
        assertThat(r.scope()).isEqualTo("plain jdbc");
        assertThat(r.shape()).isEqualTo(SqlShapes.shapeOf(BOOKS_OF_AUTHOR));
        assertCallSiteIn(r, "plainJdbcLoopIsReportedOnceAtTheLoopLine");
        assertThat(r.callSite().getLineNumber()).isEqualTo(loopLine);
    }

    @Test
    void ferryWithPolicyOneIsReportedAtTheCallerNotInsideFerry() {
        Run run = runScenario("ferryOneLoop");
        assertThat(run.books()).isEqualTo(30);
        assertThat(run.scope().count()).isEqualTo(11);
        List<StatementRecord> records = run.scope().statements();
        assertThat(records).noneMatch(StatementRecord::planned);
        List<NPlusOneReport> reports = run.scope().reports();
        assertThat(reports).hasSize(1);
        NPlusOneReport r = reports.get(0);
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.rule()).isEqualTo("test");
        assertThat(r.shape()).isEqualTo(records.get(1).shape());
        assertThat(r.shape()).contains("book");
        assertCallSiteIn(r, "ferryOneLoop");
        assertThat(r.hint()).as("Ferry names the relation and the fix")
                .isEqualTo("Author.books: add .prefetch(\"books\") (typed: Author_.BOOKS) to the query on Author");
        assertThat(r.callSite().getClassName()).doesNotStartWith("dev.ferry.model.").doesNotStartWith("dev.ferry.prefetch.")
                .doesNotStartWith("dev.ferry.exec.").doesNotStartWith("dev.ferry.query.");
        assertThat(r.callSite().getLineNumber()).isEqualTo(run.loopLine());
    }

    static Object[] ferryOneLoop(ObservedDataSource ds) {
        Ferry ferry = Ferry.builder(ds).build();
        int loopLine = -1;
        int books = 0;
        try (Scope s = ds.observer().scope("ferry ONE")) {
            List<Author> authors = ferry.from(Author.class).fetchPolicy(FetchPolicy.ONE).list();
            assertThat(authors).hasSize(10);
            for (Author a : authors) {
                books += a.books().size(); loopLine = line(); // same line as the lazy load, on purpose
            }
            return new Object[] {s, books, loopLine};
        }
    }

    @Test
    void hibernateLazyCollectionLoopIsReportedAtTheCaller() {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.H2Dialect")
                .applySetting(AvailableSettings.SHOW_SQL, "false")
                .build();
        int loopLine = -1;
        int books = 0;
        Scope scope;
        try (SessionFactory factory = new MetadataSources(registry).addAnnotatedClass(AuthorEntity.class)
                .addAnnotatedClass(BookEntity.class).buildMetadata().buildSessionFactory()) {
            try (Scope s = observer.scope("hibernate")) {
                scope = s;
                try (Session session = factory.openSession()) {
                    List<AuthorEntity> authors = session
                            .createSelectionQuery("from AuthorEntity a order by a.id", AuthorEntity.class).list();
                    assertThat(authors).hasSize(10);
                    for (AuthorEntity a : authors) {
                        books += a.getBooks().size(); loopLine = line(); // same line as the lazy load, on purpose
                    }
                }
            }
        }
        assertThat(books).isEqualTo(30);
        assertThat(scope.count()).isEqualTo(11);
        List<NPlusOneReport> reports = scope.reports();
        assertThat(reports).hasSize(1);
        NPlusOneReport r = reports.get(0);
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.rule()).isEqualTo("test");
        assertThat(r.shape()).contains("book").contains("author_id");
        // Hibernate's own frames (org.hibernate.*) are excluded by default: the call site is this test.
        assertCallSiteIn(r, "hibernateLazyCollectionLoopIsReportedAtTheCaller");
        assertThat(r.callSite().getLineNumber()).isEqualTo(loopLine);
    }

    // ------------------------------------------------------------------------------- Ferry's fixes: no report

    @Test
    void ferryPrefetchIsPlannedAndNotReported() {
        Run run = runScenario("ferryPrefetchLoop");
        assertThat(run.books()).isEqualTo(30);
        assertThat(run.scope().count()).isEqualTo(2);
        List<StatementRecord> records = run.scope().statements();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).planned()).as("the root statement is not a prefetch").isFalse();
        assertThat(records.get(1).planned()).as("the prefetch statement is planned").isTrue();
        assertThat(records.get(1).shape()).contains("book");
        assertThat(run.scope().reports()).isEmpty();
    }

    @Test
    void withProductionSettingsFerrySaysWhichStatementsArePlanned() {
        // No walk for a first execution: the stack cannot tell, so Ferry says it (LoadHints::planned).
        Observer production = Observer.builder().logReports(false).callSiteOnFirstExecution(false)
                .hints(dev.ferry.policy.LoadHints::current).planned(dev.ferry.policy.LoadHints::planned).build();
        Ferry ferry = Ferry.builder(production.wrap(hikari)).build();
        try (Scope s = production.scope("production")) {
            ferry.from(Author.class).prefetch(ToMany.of(Author.class, "books", Book.class)).list();
            ferry.from(Author.class).list().forEach(a -> a.books().size()); // PEERS: a lazy batch, not planned
            List<StatementRecord> records = s.statements();
            assertThat(records).extracting(StatementRecord::planned).containsExactly(false, true, false, false);
            // First executions of their shapes: no walk. The second query repeats both shapes: walked.
            assertThat(records.get(0).callSite()).isNull();
            assertThat(records.get(1).callSite()).isNull();
            assertThat(records.get(2).callSite().getMethodName()).isEqualTo("withProductionSettingsFerrySaysWhichStatementsArePlanned");
            assertThat(records.get(3).hint()).startsWith("Author.books: add .prefetch(\"books\")");
        }
    }

    static Object[] ferryPrefetchLoop(ObservedDataSource ds) {
        Ferry ferry = Ferry.builder(ds).build();
        int books = 0;
        try (Scope s = ds.observer().scope("ferry prefetch")) {
            List<Author> authors = ferry.from(Author.class)
                    .prefetch(ToMany.of(Author.class, "books", Book.class)).list();
            for (Author a : authors) {
                books += a.books().size();
            }
            return new Object[] {s, books, -1};
        }
    }

    @Test
    void ferryPeersLoadsOncePerResultAndIsNotReported() {
        Run run = runScenario("ferryPeersLoop");
        assertThat(run.books()).isEqualTo(30);
        assertThat(run.scope().count()).isEqualTo(2);
        assertThat(run.scope().statements()).hasSize(2);
        assertThat(run.scope().reports()).isEmpty();
    }

    static Object[] ferryPeersLoop(ObservedDataSource ds) {
        Ferry ferry = Ferry.builder(ds).build(); // PEERS is the default policy
        int books = 0;
        try (Scope s = ds.observer().scope("ferry PEERS")) {
            for (Author a : ferry.from(Author.class).list()) {
                books += a.books().size();
            }
            return new Object[] {s, books, -1};
        }
    }

    // ------------------------------------------------------------------------------------- false positives

    @Test
    void falsePositivePaginationLoopOverDistinctPagesIsNotReported() throws SQLException {
        // Case (a): one shape, one call site, 5 different parameter sets, but each is a distinct page.
        int rows = 0;
        Scope scope;
        try (Scope s = observer.scope("pages")) {
            scope = s;
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("select id, name from author order by id limit ? offset ?")) {
                for (int page = 0; page < 5; page++) {
                    ps.setInt(1, 2);
                    ps.setInt(2, page * 2);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(10);
        assertThat(scope.count()).isEqualTo(5);
        assertThat(scope.statements()).extracting(StatementRecord::parameterHash).doesNotHaveDuplicates();
        assertThat(scope.reports()).isEmpty();
    }

    @Test
    void falsePositiveTwoIdenticalLookupsAreNotReported() throws SQLException {
        // Case (b): the same lookup twice (same parameter) from one call site: a cache fixes it, not a prefetch.
        Scope scope;
        try (Scope s = observer.scope("identical")) {
            scope = s;
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(BOOKS_OF_AUTHOR)) {
                for (int i = 0; i < 2; i++) {
                    ps.setLong(1, 1L);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // read every row
                        }
                    }
                }
            }
        }
        assertThat(scope.count()).isEqualTo(2);
        List<StatementRecord> records = scope.statements();
        assertThat(records.get(0).callSite()).isEqualTo(records.get(1).callSite());
        assertThat(records.get(0).parameterHash()).isEqualTo(records.get(1).parameterHash());
        assertThat(scope.reports()).isEmpty();
    }

    @Test
    void falsePositiveSameShapeFromTwoCallSitesOnceEachIsNotReported() throws SQLException {
        // Case (d): one shape, different parameters, but from two places in the code, once each: no loop.
        Scope scope;
        try (Scope s = observer.scope("two sites")) {
            scope = s;
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(BOOKS_OF_AUTHOR)) {
                ps.setLong(1, 1L);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                ps.setLong(1, 2L);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        List<StatementRecord> records = scope.statements();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).shape()).isEqualTo(records.get(1).shape());
        assertThat(records.get(0).callSite()).isNotEqualTo(records.get(1).callSite());
        assertThat(scope.reports()).isEmpty();
    }

    @Test
    void plannedLoadsRepeatedInALoopWithDifferentRootShapesAreNotReported() {
        // Case (c), honest limitation: a whole planned load (root + books + books.author, 3 levels) repeated for 3
        // root queries of different shapes from one call site. That is an N+1 of loads (6 statements where one
        // load of all 3 roots would take 2), but the planned statements are never reported by design, and each
        // root shape ran once: the detector reports nothing. (Ferry fills books.author, the way back to the root,
        // without a statement: 2 statements per load, as plannedStatements() says.)
        Run run = runScenario("repeatedLoadsOfDifferentRoots");
        assertThat(run.books()).isEqualTo(9);
        List<StatementRecord> records = run.scope().statements();
        assertThat(records).hasSize(6);
        assertThat(records).filteredOn(StatementRecord::planned).hasSize(3);
        assertThat(run.scope().reports()).isEmpty();
    }

    static Object[] repeatedLoadsOfDifferentRoots(ObservedDataSource ds) {
        Ferry ferry = Ferry.builder(ds).build();
        Col<Author, Long> id = Col.of(Author.class, "id", Long.class);
        Col<Author, String> name = Col.of(Author.class, "name", String.class);
        List<Query<Author>> roots = List.of(
                ferry.from(Author.class).where(id.eq(1L)),
                ferry.from(Author.class).where(name.eq("author 2")),
                ferry.from(Author.class).where(id.gt(9L)));
        int books = 0;
        try (Scope s = ds.observer().scope("repeated loads")) {
            for (Query<Author> root : roots) {
                Query<Author> load = root.prefetch("books.author");
                assertThat(load.plannedStatements()).isEqualTo(2);
                for (Author a : load.list()) {
                    books += a.books().size();
                }
            }
            return new Object[] {s, books, -1};
        }
    }

    @Test
    void plannedLoadsRepeatedInALoopWithOneRootShapeReportOnlyTheRoot() {
        // Case (c), second variant: the same root shape with 3 different parameters from one call site. The root
        // statement is an ordinary repeated shape and is reported (count 3); the planned prefetch statements, which
        // repeat just as often, are not.
        Run run = runScenario("repeatedLoadsOfOneRootShape");
        assertThat(run.books()).isEqualTo(9);
        List<StatementRecord> records = run.scope().statements();
        assertThat(records).hasSize(6);
        List<String> plannedShapes = records.stream().filter(StatementRecord::planned).map(StatementRecord::shape)
                .toList();
        assertThat(plannedShapes).hasSize(3);
        List<NPlusOneReport> reports = run.scope().reports();
        assertThat(reports).extracting(NPlusOneReport::shape).doesNotContainAnyElementsOf(plannedShapes);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).count()).isEqualTo(3);
        assertThat(reports.get(0).shape()).isEqualTo(records.get(0).shape());
        assertCallSiteIn(reports.get(0), "repeatedLoadsOfOneRootShape");
    }

    static Object[] repeatedLoadsOfOneRootShape(ObservedDataSource ds) {
        Ferry ferry = Ferry.builder(ds).build();
        Col<Author, Long> id = Col.of(Author.class, "id", Long.class);
        int books = 0;
        try (Scope s = ds.observer().scope("repeated loads, one root shape")) {
            for (long author = 1; author <= 3; author++) {
                for (Author a : ferry.from(Author.class).where(id.eq(author)).prefetch("books.author").list()) {
                    books += a.books().size();
                }
            }
            return new Object[] {s, books, -1};
        }
    }

    // ------------------------------------------------------------------ running the Ferry scenarios

    /** What a Ferry scenario hands back: its (closed) scope, the books it counted and its loop's line. */
    record Run(Scope scope, int books, int loopLine) {
    }

    /** Runs a static scenario method of this class (kept static so its frames are the call sites asserted). */
    private Run runScenario(String scenario) {
        try {
            Method m = DetectionAcrossStacksTest.class.getDeclaredMethod(scenario, ObservedDataSource.class);
            Object[] out = (Object[]) m.invoke(null, ds);
            return new Run((Scope) out[0], (Integer) out[1], (Integer) out[2]);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
