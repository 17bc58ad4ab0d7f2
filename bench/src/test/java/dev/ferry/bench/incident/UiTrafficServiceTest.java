package dev.ferry.bench.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.antenna.Antenna;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.db.Database;
import dev.ferry.antenna.db.DatabaseSettings;
import dev.ferry.antenna.db.EmbeddedDatabase;
import dev.ferry.antenna.seed.DemoData;
import dev.ferry.antenna.seed.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ui-traffic generator against the real service on a small seeded database (2,000 occurrences, embedded
 * PostgreSQL): its pools hold values of every kind, every request it makes answers 200 with the count the pool
 * says, and the service as shipped (count cache on) gives the oracle's answers.
 */
class UiTrafficServiceTest {

    private static final int OCCURRENCES = 2_000;
    private static EmbeddedDatabase pg;
    private static Antenna service;
    private static Antenna oracle;
    private static Client serviceClient;
    private static Client oracleClient;
    private static UiTraffic traffic;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedDatabase.start(Path.of("target", "ui-traffic-test", "db"), 0);
        service = Antenna.start(open(), "127.0.0.1", 0, null, OccurrenceApi.Loading.PREFETCH, Duration.ofSeconds(10));
        try (Connection c = service.database().pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM main_occurrence")) {
            rs.next();
            if (rs.getLong(1) != OCCURRENCES) {
                try (HikariDataSource writer = service.database().openWriter()) {
                    DemoData.seed(writer, new DemoData.Options(42, OCCURRENCES, true), Progress.NONE);
                }
            }
        }
        oracle = Antenna.start(open(), "127.0.0.1", 0, null, OccurrenceApi.Loading.PREFETCH, Duration.ZERO);
        serviceClient = new Client(service.baseUrl(), Duration.ofSeconds(30));
        oracleClient = new Client(oracle.baseUrl(), Duration.ofSeconds(30));
        traffic = UiTraffic.load(oracle.database().pool(), oracleClient, 20, 10, 42,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static Database open() {
        return Database.open(DatabaseSettings.external(pg.jdbcUrl(), EmbeddedDatabase.USER, null));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {serviceClient, oracleClient, service, oracle, pg}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping the rest matters more
            }
        }
    }

    @Test
    void everyVisibleProjectHasValuesOfEveryKind() {
        // the demo data: projects 1 and 2 are visible, 3 is a draft
        assertEquals(List.of(1L, 2L), traffic.projects.stream().map(UiTraffic.ProjectPool::id).toList());
        for (UiTraffic.ProjectPool p : traffic.projects) {
            assertTrue(p.rows() > 0, "project " + p.id());
            Map<UiTraffic.FilterKind, List<UiTraffic.Choice>> c = p.choices();
            assertEquals(2, c.get(UiTraffic.FilterKind.VERIFIED).size());
            assertEquals(10, c.get(UiTraffic.FilterKind.TAXON).size(), "more than 10 taxa to draw from");
            assertEquals(10, c.get(UiTraffic.FilterKind.DATE_RANGE).size());
            assertTrue(c.get(UiTraffic.FilterKind.RANK).size() >= 2, c.get(UiTraffic.FilterKind.RANK).toString());
            // the counts are the oracle's, so they add up where the filters split the rows
            assertEquals(p.rows(), c.get(UiTraffic.FilterKind.VERIFIED).stream().mapToLong(UiTraffic.Choice::count).sum());
            assertTrue(p.occurrences() >= p.rows(), "the default view is part of the project");
        }
    }

    @Test
    void everyGeneratedRequestAnswers200WithThePoolsCountAndTheOraclesRows() throws Exception {
        ObjectMapper json = new ObjectMapper();
        EndpointStats stats = new EndpointStats(Endpoint.OCCURRENCE_LIST);
        TrafficStats kept = new TrafficStats(Integer.MAX_VALUE, 1);
        SplittableRandom random = new SplittableRandom(7);
        Map<UiTraffic.FilterKind, Integer> kinds = new EnumMap<>(UiTraffic.FilterKind.class);
        for (int i = 0; i < 400; i++) {
            UiTraffic.Request r = traffic.next(random);
            Client.Outcome o = serviceClient.getKeepingBody(r.path(), stats);
            assertEquals(200, o.status(), () -> r.path() + " answered " + new String(o.body(), StandardCharsets.UTF_8));
            long count = json.readTree(o.body()).get("count").asLong();
            assertEquals(countInPool(r), count, r.path());
            assertTrue(r.offset() == 0 || r.offset() < count, r.path());
            kinds.merge(r.filter().kind(), 1, Integer::sum);
            kept.add(r, kept.firstOf(r), o);
        }
        assertEquals(UiTraffic.FilterKind.values().length, kinds.size(), "every filter kind was sent: " + kinds);
        Exactness.Check check = Exactness.run(kept.kept(), oracleClient);
        assertEquals(400, check.compared());
        assertEquals(0, check.mismatches(), check.examples().toString());
    }

    private static long countInPool(UiTraffic.Request r) {
        return traffic.projects.stream().filter(p -> p.id() == r.project()).findFirst().orElseThrow()
                .choices().get(r.filter().kind()).stream().filter(c -> c.filter().equals(r.filter())).findFirst()
                .orElseThrow().count();
    }
}
