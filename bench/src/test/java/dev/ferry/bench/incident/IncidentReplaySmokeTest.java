package dev.ferry.bench.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The replay end to end, briefly: a real embedded PostgreSQL with 2,000 seeded occurrences, the service
 * in-process, a few seconds of load as shipped and in the incident's mode. Ten sessions with short think times
 * make dozens of page views, so each endpoint is drawn even on a slow machine. Every endpoint must
 * answer 200, the incident's list must really run its N+1, ui-traffic's answers must be the oracle's, and the
 * report must have its rows.
 */
class IncidentReplaySmokeTest {

    @Test
    void aShortReplayHitsEveryEndpointAndWritesTheReport() throws Exception {
        Path dir = Path.of("target", "incident-smoke");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        IncidentReplay replay = new IncidentReplay(new PrintStream(console, true, StandardCharsets.UTF_8));
        new CommandLine(replay).parseArgs("--occurrences", "2000", "--dir", dir.toString(), "--modes", "prefetch,lazy-one",
                "--duration", "1500ms", "--warmup", "0", "--sessions", "10", "--clients", "4",
                "--scenarios", "ui-sessions,saturation,ui-traffic", "--filter-values", "5", "--check-sample", "50",
                "--think-min", "20ms", "--think-max", "60ms", "--poll", "300ms", "--client-timeout", "10s");

        List<Scenario.Result> results = replay.replay();

        assertEquals(List.of("prefetch ui-sessions", "prefetch saturation", "prefetch ui-traffic", "lazy-one ui-sessions",
                        "lazy-one saturation", "lazy-one ui-traffic"),
                results.stream().map(r -> r.mode() + " " + r.scenario()).toList());
        Map<String, EndpointStats.Summary> ui = results.get(0).endpoints().stream()
                .collect(Collectors.toMap(EndpointStats.Summary::endpoint, Function.identity()));
        for (Endpoint e : Endpoint.values()) {
            EndpointStats.Summary s = ui.get(e.route);
            assertTrue(s != null && s.ok() > 0, e.route + " was not called: " + ui.keySet());
            assertEquals(Map.of(), s.errors(), e.route);
            assertTrue(s.meanQueries() >= 1, e.route + " had no X-Query-Count");
        }
        assertEquals(4.0, ui.get(Endpoint.OCCURRENCE_LIST.route).meanQueries(), 1e-9, "the list's statements");
        EndpointStats.Summary saturated = results.get(1).endpoints().get(0);
        assertEquals(Endpoint.OCCURRENCE_LIST.route, saturated.endpoint());
        assertTrue(saturated.ok() > 0 && saturated.errors().isEmpty(), saturated.toString());
        // the incident's mode: a query per row and relation, so many more than 4 for a page of 20
        EndpointStats.Summary incident = results.get(4).endpoints().get(0);
        assertTrue(incident.ok() > 0 && incident.meanQueries() > 40, incident.toString());

        for (Scenario.Result traffic : List.of(results.get(2), results.get(5))) {
            TrafficStats.Row all = traffic.traffic().all();
            assertTrue(all.requests() > 0 && all.non200() == 0, all.toString());
            assertEquals(all.requests(), traffic.endpoints().get(0).requests(), "every request in the endpoint row too");
            Exactness.Check check = traffic.traffic().check();
            assertTrue(check.compared() > 0 && check.compared() <= 50, check.toString());
            assertEquals(0, check.mismatches(), check.examples().toString());
            // the first request of each (project, filter) is told apart from repeats
            assertTrue(traffic.traffic().rows().stream().anyMatch(r -> r.value().startsWith("first of")));
        }

        String md = Files.readString(dir.resolve("results.md"));
        assertTrue(md.contains("| prefetch | ui-traffic | " + Endpoint.OCCURRENCE_LIST.route + " | "), md);
        assertTrue(md.contains("Exactness: "), md);
        for (Endpoint e : Endpoint.values()) {
            assertTrue(md.contains("| prefetch | ui-sessions | " + e.route + " | "), md);
        }
        assertTrue(md.contains("| prefetch | saturation | " + Endpoint.OCCURRENCE_LIST.route + " | "), md);
        assertTrue(md.contains("## Targets"), md);
        assertTrue(Files.readString(dir.resolve("results.json")).contains("\"scenario\" : \"saturation\""));
    }
}
