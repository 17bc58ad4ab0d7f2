package dev.ferry.observetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.observe.Detectors;
import dev.ferry.observe.ObservedDataSource;
import dev.ferry.observe.Observer;
import dev.ferry.observe.Scope;
import dev.ferry.observe.StatementRecord;
import dev.ferry.observe.StatementSink;
import dev.ferry.observe.micrometer.FerryMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FerryMetricsTest {
    private HikariDataSource hikari;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void database() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(2);
        hikari = new HikariDataSource(config);
        try (Connection c = hikari.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table parent (id bigint primary key)");
            s.execute("create table child (id bigint primary key, parent_id bigint)");
            s.execute("insert into parent values (1), (2), (3), (4)");
            s.execute("insert into child values (1, 1), (2, 2), (3, 3), (4, 4), (5, 4)");
        }
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void close() {
        hikari.close();
        registry.close();
    }

    /** One query for the parents, then one per parent: 5 statements, one shape repeated 4 times. */
    private static void nPlusOne(ObservedDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from parent order by id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select id from child where parent_id = ?")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(1);
                        }
                    }
                }
            }
        }
    }

    private double queries(String outcome, String planned) {
        return registry.get(FerryMetrics.QUERIES).tag("outcome", outcome).tag("planned", planned).counter().count();
    }

    private Timer duration(String outcome, String planned) {
        return registry.get(FerryMetrics.DURATION).tag("outcome", outcome).tag("planned", planned).timer();
    }

    private double nPlusOneReports(String rule) {
        return registry.get(FerryMetrics.NPLUSONE).tag("rule", rule).counter().count();
    }

    @Test
    void countsStatementsTimesThemAndCountsTheProductionReport() throws SQLException {
        Observer observer = Observer.builder().logReports(false)
                .detector(Detectors.production(3, Duration.ZERO))
                .metrics(FerryMetrics.bind(registry)).build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("GET /parents")) {
            nPlusOne(ds);
        }

        assertThat(queries("success", "false")).isEqualTo(5);
        assertThat(queries("error", "false")).isZero();
        assertThat(queries("success", "true")).isZero();
        Timer timer = duration("success", "false");
        assertThat(timer.count()).isEqualTo(5);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(nPlusOneReports("production")).isEqualTo(1);
        assertThat(nPlusOneReports("test")).isZero();
    }

    @Test
    void countsTheTestRuleSeparately() throws SQLException {
        Observer observer = Observer.builder().logReports(false).detector(Detectors.test())
                .metrics(FerryMetrics.bind(registry)).build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("test")) {
            nPlusOne(ds);
        }
        assertThat(nPlusOneReports("test")).isEqualTo(1);
        assertThat(nPlusOneReports("production")).isZero();
    }

    @Test
    void countsFailedStatementsAsErrors() throws SQLException {
        Observer observer = Observer.builder().logReports(false).metrics(FerryMetrics.bind(registry)).build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("job"); Connection c = ds.getConnection();
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select nope from parent")).isInstanceOf(SQLException.class);
            s.executeUpdate("update parent set id = id where id = 1");
        }
        assertThat(queries("error", "false")).isEqualTo(1);
        assertThat(duration("error", "false").count()).isEqualTo(1);
        assertThat(queries("success", "false")).isEqualTo(1);
    }

    @Test
    void statementsOutsideAnyScopeAreNotCounted() throws SQLException {
        Observer observer = Observer.builder().logReports(false).metrics(FerryMetrics.bind(registry)).build();
        nPlusOne(observer.wrap(hikari));
        assertThat(observer.unscopedStatements()).isEqualTo(5);
        assertThat(queries("success", "false")).isZero();
    }

    @Test
    void tagsAreBoundedNeverSqlOrShape() throws SQLException {
        Observer observer = Observer.builder().logReports(false)
                .detector(Detectors.production(3, Duration.ZERO))
                .metrics(FerryMetrics.bind(registry)).build();
        ObservedDataSource ds = observer.wrap(hikari);
        int before = registry.getMeters().size();
        for (int i = 0; i < 3; i++) {
            try (Scope scope = observer.scope("GET /parents/" + i)) {
                nPlusOne(ds);
            }
        }
        // All meters exist from bind on: 2x2 counters, 2x2 timers, 2 report counters; running adds none.
        assertThat(registry.getMeters()).hasSize(before).hasSize(10);
        Set<String> tagKeys = registry.getMeters().stream().map(Meter::getId)
                .flatMap(id -> id.getTags().stream()).map(t -> t.getKey()).collect(Collectors.toSet());
        assertThat(tagKeys).containsExactlyInAnyOrder("outcome", "planned", "rule");
        assertThat(nPlusOneReports("production")).isEqualTo(3);
    }

    @Test
    void aFailingSinkNeverFailsTheStatementOrTheScope() throws SQLException {
        Counter seen = registry.counter("seen");
        StatementSink failing = new StatementSink() {
            @Override
            public void statement(StatementRecord r) {
                seen.increment();
                throw new IllegalStateException("boom");
            }
        };
        Observer observer = Observer.builder().logReports(false).detector(Detectors.production(3, Duration.ZERO))
                .metrics(failing).build();
        ObservedDataSource ds = observer.wrap(hikari);
        try (Scope scope = observer.scope("job")) {
            nPlusOne(ds);
            assertThat(scope.count()).isEqualTo(5);
        }
        assertThat(seen.count()).isEqualTo(5);
    }
}
