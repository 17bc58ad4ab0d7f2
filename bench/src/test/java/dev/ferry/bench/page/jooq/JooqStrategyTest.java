package dev.ferry.bench.page.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.api.ApiException;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.db.Migrations;
import dev.ferry.antenna.seed.DemoData;
import dev.ferry.antenna.seed.Progress;
import dev.ferry.bench.page.JdbcStrategy;
import dev.ferry.bench.page.PageStrategy;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.conf.NestedCollectionEmulation;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jOOQ MULTISET strategy builds the same bytes as hand-written JDBC, page after page, in a number
 * of statements that does not depend on the page size.
 */
class JooqStrategyTest {

    private static final String ROOT = "http://localhost:8000";
    private static final int[] LIMITS = {10, 25, 100};

    private static EmbeddedPostgres pg;
    private static HikariDataSource pool;
    private static Observer observer;
    private static DataSource observed;
    private static JdbcStrategy jdbc;
    private static JooqStrategy jooq;        // MULTISET as json_agg (the strategy's choice)
    private static JooqStrategy jooqJsonb;   // jOOQ's PostgreSQL default, jsonb_agg

    @BeforeAll
    static void seed() throws IOException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        pg = EmbeddedPostgres.builder().start();
        pool = pool(database("jooq_pages"), 4);
        Migrations.migrate(pool);
        DemoData.seed(pool, new DemoData.Options(42, 2_000, false), Progress.NONE);
        observer = Observer.builder().build();
        observed = observer.wrap(pool);
        jdbc = new JdbcStrategy(observed);
        jooq = new JooqStrategy(observed);
        jooqJsonb = new JooqStrategy(observed, NestedCollectionEmulation.DEFAULT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void sameJsonAsJdbcOnEveryPage() throws Exception {
        int compared = 0;
        for (long project : new long[] {1, 2, 3}) {
            long total = total(jdbc, project);
            for (int limit : LIMITS) {
                for (long offset : offsets(total, limit)) {
                    String expected = render(jdbc.page(request(project, limit, offset), project, limit, offset));
                    for (JooqStrategy s : List.of(jooq, jooqJsonb)) {
                        String actual = render(s.page(request(project, limit, offset), project, limit, offset));
                        assertSameBytes(actual, expected, s.name() + ": project " + project + " limit " + limit + " offset " + offset);
                        compared++;
                    }
                }
            }
            System.out.println("project " + project + ": " + total + " rows in the list");
            if (project != 3) {
                assertThat(total).as("project %d has rows", project).isGreaterThan(25);
            } else {
                assertThat(total).as("draft project").isZero();
            }
        }
        System.out.println("compared " + compared + " pages byte for byte");
    }

    @Test
    void pagesHaveTheRowsAndNestedCollectionsTheComparisonNeeds() throws Exception {
        // The equality above means something only if the pages carry what MULTISET nests.
        String page = render(jooq.page(request(1, 100, 0), 1, 100, 0));
        assertThat(page).contains("\"identifications\":[{").contains("\"prediction\":{").contains("\"best_machine_prediction\":{");
    }

    @Test
    void statementsPerPageDoNotDependOnTheLimit() throws Exception {
        for (JooqStrategy s : List.of(jooq, jooqJsonb)) {
            for (long project : new long[] {1, 2}) {
                long total = total(jdbc, project);
                for (int limit : new int[] {1, 10, 25, 100, 1000}) {
                    assertThat(statements(s, project, limit, 0)).as("limit %d, first page", limit).isEqualTo(2);
                    assertThat(statements(s, project, limit, total / 2)).as("limit %d, middle", limit).isEqualTo(2);
                    // Past the end there is no row to carry COUNT(*) OVER (): one COUNT more, as JDBC does.
                    assertThat(statements(s, project, limit, total + 10)).as("limit %d, past the end", limit).isEqualTo(3);
                    assertThat(statements(jdbc, project, limit, total + 10)).isEqualTo(3);
                }
            }
            assertThat(statements(s, 3, 25, 0)).as("draft project: the context only").isEqualTo(1);
        }
        System.out.println("statements per page (jooq-multiset): 2 (context + page); 3 past the end; 1 for a draft project");
    }

    @Test
    void anUnknownProjectIsThe404OfTheContextAsForJdbc() {
        for (PageStrategy s : List.of(jdbc, jooq)) {
            assertThatThrownBy(() -> s.page(request(999, 10, 0), 999, 10, 0))
                    .as(s.name()).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void printsTheSqlForLimit25() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int limit : new int[] {25, 100}) {
            try (Scope scope = observer.scope("sql")) {
                render(jooq.page(request(1, limit, 50), 1, limit, 50));
                assertThat(scope.statements()).hasSize(2);
                sent.add(scope.statements().get(1).sql());
            }
        }
        System.out.println("---- jooq-multiset page SQL as sent (limit 25, offset 50, project 1):\n" + sent.get(0));
        assertThat(sent.get(1)).as("one SQL text per shape: limit and offset are bind values").isEqualTo(sent.get(0));
        assertThat(sent.get(0)).contains("json_agg").doesNotContain("jsonb").contains("\"_total\"");
        try (Scope scope = observer.scope("sql")) {
            render(jooqJsonb.page(request(1, 25, 50), 1, 25, 50));
            assertThat(scope.statements().get(1).sql()).contains("jsonb_agg");
        }

        OccurrenceApi.Context context;
        try (Connection c = pool.getConnection()) {
            context = OccurrenceApi.Context.load(c, 1);
        }
        var query = JooqStrategy.pageQuery(JooqStrategy.filter(1, context), 25, 50);
        System.out.println("---- formatted, values inlined:\n"
                + DSL.using(SQLDialect.POSTGRES, JooqStrategy.settings(NestedCollectionEmulation.JSON).withRenderFormatted(true))
                        .renderInlined(query));
    }

    /**
     * Values MULTISET carries through JSON: doubles that need 17 digits, tiny and huge ones, and
     * timestamps at every sub-second precision, in a second database where the rows are rewritten.
     */
    @Test
    void jsonNestingKeepsDoublesAndMicrosecondsExact() throws Exception {
        try (HikariDataSource ds = pool(database("jooq_precision"), 2)) {
            Migrations.migrate(ds);
            DemoData.seed(ds, new DemoData.Options(7, 300, false), Progress.NONE);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // Every nested timestamp and score, rewritten to awkward values; the scores per occurrence,
                // so that each value shows as some occurrence's best prediction.
                s.execute("""
                        WITH x AS (SELECT c.id, d.occurrence_id AS o, row_number() OVER (ORDER BY c.id) AS n
                                   FROM main_classification c JOIN main_detection d ON d.id = c.detection_id)
                        UPDATE main_classification c SET
                          score = CASE x.o % 8 WHEN 0 THEN 0.1::float8 + 0.2::float8 WHEN 1 THEN 1e-7::float8
                                  WHEN 2 THEN 0.123456789012345678::float8 WHEN 3 THEN 2.2250738585072014e-308::float8
                                  WHEN 4 THEN 1.7976931348623157e308::float8 WHEN 5 THEN 4.9e-324::float8
                                  WHEN 6 THEN 0.9999999999999999::float8
                                  ELSE CASE WHEN x.n % 2 = 0 THEN NULL ELSE 1.0 END END,
                          created_at = timestamp '2023-08-01 22:00:00' + (x.n % 7) * interval '0.1 second'
                                       + (x.n % 5) * interval '1 microsecond' + x.n * interval '1 minute'
                        FROM x WHERE x.id = c.id""");
                s.execute("""
                        UPDATE main_identification SET created_at = created_at + (id % 3) * interval '0.000001 second'
                                                                  + (id % 4) * interval '0.12 second'""");
                s.execute("""
                        UPDATE ml_algorithm SET created_at = timestamp '2022-01-02 03:04:05.000001',
                                                updated_at = timestamp '2022-01-02 03:04:05.1'""");
                s.execute("""
                        UPDATE main_detection SET timestamp = timestamp + (id % 6) * interval '0.010001 second'""");
            }
            JdbcStrategy j = new JdbcStrategy(ds);
            List<String> checked = new ArrayList<>();
            for (long project : new long[] {1, 2}) {
                long total = total(j, project);
                for (long offset = 0; offset < total; offset += 100) {
                    String expected = render(j.page(request(project, 100, offset), project, 100, offset));
                    for (JooqStrategy q : List.of(new JooqStrategy(ds), new JooqStrategy(ds, NestedCollectionEmulation.JSONB))) {
                        String actual = render(q.page(request(project, 100, offset), project, 100, offset));
                        assertSameBytes(actual, expected, q.name() + ": project " + project + " offset " + offset);
                    }
                    checked.add(expected);
                }
            }
            String all = String.join("\n", checked);
            assertThat(all).contains("0.30000000000000004").contains("1.0E-7").contains("0.12345678901234568")
                    .contains("2.2250738585072014E-308").contains("1.7976931348623157E308").contains("4.9E-324")
                    .contains("0.9999999999999999").contains(".000001\"").contains(":05.100000\"")
                    .containsPattern("\"first_appearance_time\":\"\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\"");
        }
    }

    // ---- helpers

    /** Byte-for-byte equality; on a difference, the first one with some context rather than two whole pages. */
    private static void assertSameBytes(String actual, String expected, String what) {
        byte[] a = actual.getBytes(StandardCharsets.UTF_8);
        byte[] e = expected.getBytes(StandardCharsets.UTF_8);
        int at = java.util.Arrays.mismatch(a, e);
        if (at >= 0) {
            int from = Math.max(0, at - 300);
            throw new AssertionError(what + ": first difference at byte " + at + "\n  jooq: ..."
                    + new String(a, from, Math.min(a.length, at + 80) - from, StandardCharsets.UTF_8) + "\n  jdbc: ..."
                    + new String(e, from, Math.min(e.length, at + 80) - from, StandardCharsets.UTF_8));
        }
    }

    private static long statements(PageStrategy s, long project, int limit, long offset) throws Exception {
        try (Scope scope = observer.scope("page")) {
            render(s.page(request(project, limit, offset), project, limit, offset));
            return scope.count();
        }
    }

    private static long total(PageStrategy s, long project) throws Exception {
        String page = render(s.page(request(project, 1, 0), project, 1, 0));
        int at = page.indexOf("\"count\":") + "\"count\":".length();
        return Long.parseLong(page.substring(at, page.indexOf(',', at)));
    }

    /** First page, the middle one, the last one, and one past the end. */
    private static Set<Long> offsets(long total, int limit) {
        Set<Long> out = new LinkedHashSet<>();
        out.add(0L);
        out.add(total / 2);
        out.add(total == 0 ? 0 : (total - 1) / limit * limit);
        out.add(total + limit);
        return out;
    }

    private static ApiRequest request(long project, int limit, long offset) {
        return new ApiRequest(ROOT, "/api/v2/occurrences/", Map.of("project_id", List.of(Long.toString(project)),
                "limit", List.of(Integer.toString(limit)), "offset", List.of(Long.toString(offset))));
    }

    private static String render(JsonBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        body.write(g);
        g.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String database(String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
