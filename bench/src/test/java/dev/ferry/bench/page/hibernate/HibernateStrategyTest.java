package dev.ferry.bench.page.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.db.Migrations;
import dev.ferry.antenna.seed.DemoData;
import dev.ferry.antenna.seed.Progress;
import dev.ferry.bench.page.JdbcStrategy;
import dev.ferry.bench.page.PageStrategy;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.observe.StatementRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Hibernate strategy builds byte for byte the page the hand-written JDBC strategy builds, on seeded
 * demo data in an embedded PostgreSQL, with a number of statements that does not grow with the page size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HibernateStrategyTest {

    private static final Pattern COUNT = Pattern.compile("^\\{\"count\":(\\d+),");

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private Observer observer;
    private PageStrategy jdbc;
    private PageStrategy hibernate;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        Migrations.migrate(pool);
        DemoData.seed(pool, new DemoData.Options(7, 2_000, false), Progress.NONE);
        observer = Observer.builder().build();
        DataSource observed = observer.wrap(pool);
        jdbc = new JdbcStrategy(observed);
        hibernate = new HibernateStrategy(observed);
    }

    @AfterAll
    void stop() throws Exception {
        if (hibernate != null) {
            hibernate.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "project {0}, limit {1}")
    @CsvSource({"1, 10", "1, 25", "1, 100", "2, 10", "2, 25", "2, 100", "3, 10", "3, 25", "3, 100"})
    void sameDocumentAsJdbcOnEveryPage(long project, int limit) throws Exception {
        long total = total(render(jdbc, project, limit, 0));
        Set<Long> offsets = new LinkedHashSet<>(List.of(0L, total / 2, Math.max(0, (total - 1) / limit * limit),
                total, total + limit));
        for (long offset : offsets) {
            byte[] expected = bytes(jdbc, project, limit, offset);
            byte[] actual = bytes(hibernate, project, limit, offset);
            String page = "project %d, limit %d, offset %d (of %d)".formatted(project, limit, offset, total);
            assertThat(new String(actual, StandardCharsets.UTF_8)).as(page) // a readable diff first
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual).as(page).isEqualTo(expected);
        }
        if (project == 3) {
            assertThat(total).as("a draft project shows nothing").isZero();
        } else {
            assertThat(total).as("project %d has pages to compare", project).isGreaterThan(30);
        }
    }

    @Test
    void theComparedPagesShowEveryPart() throws Exception {
        String page = render(hibernate, 1, 100, 0);
        assertThat(page)
                .contains("\"identifications\":[{\"id\":")
                .contains("\"best_machine_prediction\":{\"taxon\":")
                .contains("\"parent\":{\"id\":")
                .contains("\"detection_images\":[\"")
                .contains("\"first_appearance_time\":\"")
                .contains("\"category_map\":{\"id\":");
    }

    @Test
    void statementsPerPageDoNotGrowWithTheLimit() throws Exception {
        long total = total(render(jdbc, 1, 10, 0));
        assertThat(total).as("project 1 fills the pages tested").isGreaterThan(300);
        for (long offset : new long[] {0, 100, total / 2}) {
            List<Long> counts = new ArrayList<>();
            for (int limit : new int[] {10, 25, 100}) {
                counts.add(statements(1, limit, offset, limit == 25 && offset == 100));
            }
            // the project and its filters; the page with its total, to-one targets and aggregates;
            // the identifications; the classifications
            assertThat(counts).as("statements per page at offset %d, limits 10/25/100", offset).containsOnly(4L);
        }
        // project 2 (an include and an exclude filter) has 36 rows
        assertThat(statements(2, 10, 0, false)).isEqualTo(4);
        assertThat(statements(2, 25, 25, false)).as("the last page").isEqualTo(4);
        assertThat(statements(2, 100, 0, false)).as("the only page").isEqualTo(4);
        assertThat(statements(2, 100, 100, false)).as("past the end: the page, then a count").isEqualTo(3);
        assertThat(statements(3, 25, 0, false)).as("a draft project: its context only").isEqualTo(1);
    }

    private long statements(long project, int limit, long offset, boolean print) throws Exception {
        try (Scope scope = observer.scope("hibernate")) {
            render(hibernate, project, limit, offset);
            if (print) {
                System.out.printf("project %d, limit %d, offset %d: %d statements%n", project, limit, offset, scope.count());
                for (StatementRecord r : scope.statements()) {
                    System.out.println("  " + r.rows() + " rows: " + r.sql());
                }
            }
            return scope.count();
        }
    }

    private static String render(PageStrategy strategy, long project, int limit, long offset) throws Exception {
        return new String(bytes(strategy, project, limit, offset), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(PageStrategy strategy, long project, int limit, long offset) throws Exception {
        ApiRequest request = new ApiRequest("http://localhost:8000", "/api/v2/occurrences/", Map.of(
                "project_id", List.of(Long.toString(project)),
                "limit", List.of(Integer.toString(limit)),
                "offset", List.of(Long.toString(offset))));
        JsonBody body = strategy.page(request, project, limit, offset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        body.write(g);
        g.close();
        return out.toByteArray();
    }

    private static long total(String json) {
        Matcher m = COUNT.matcher(json);
        assertThat(m.find()).as("a page starts with its count: %s", json.substring(0, Math.min(80, json.length()))).isTrue();
        return Long.parseLong(m.group(1));
    }
}
