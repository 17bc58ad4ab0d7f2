package dev.ferry.antenna;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.antenna.testing.TestService.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route of the service is wired to its handler, over HTTP (resources/captures/fixture.sql). */
class AntennaTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start("antenna_routes", "/captures/fixture.sql");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theOccurrenceEndpointsAreServed() {
        Reply list = service.get("/api/v2/occurrences/?project_id=1");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        // 701 is a Noctuidae (excluded by the project) and 702 is under its score threshold
        assertThat(list.json().get("count").asLong()).isEqualTo(1);
        assertThat(list.json().at("/results/0/id").asLong()).isEqualTo(700);
        assertThat(list.queries()).isLessThanOrEqualTo(4);
        Reply detail = service.get("/api/v2/occurrences/700/");
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.json().get("detections").size()).isEqualTo(2);
        assertThat(service.get("/api/v2/occurrences/?project_id=999").status()).isEqualTo(404);
        assertThat(service.get("/api/v2/occurrences/").status()).isEqualTo(400);
    }

    @Test
    void theLandingDocumentNamesEveryEndpoint() {
        JsonNode landing = service.get("/").json();
        assertThat(landing.get("endpoints").toString()).contains("/api/v2/occurrences/", "/api/v2/occurrences/{id}/",
                "/api/v2/captures/", "/api/v2/deployments/{id}/");
    }
}
