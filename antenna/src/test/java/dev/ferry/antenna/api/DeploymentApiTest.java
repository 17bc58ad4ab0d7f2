package dev.ferry.antenna.api;

import static dev.ferry.antenna.testing.JsonAssert.assertMatchesExpected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.antenna.testing.JsonAssert;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.antenna.testing.TestService.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/v2/deployments/{id}/} over HTTP on the real service (resources/captures/fixture.sql). */
class DeploymentApiTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start("deployment_api", "/captures/fixture.sql");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @AfterEach
    void noConnectionLeft() {
        assertThat(service.activeConnections()).as("connections still lent by the pool").isZero();
    }

    private static JsonNode ok(long id) {
        Reply r = service.get("/api/v2/deployments/" + id + "/");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JsonAssert.parse(r.body().replace(service.root(), "http://testserver"));
    }

    @Test
    void aStationIsTheSerializersDocument() {
        assertMatchesExpected("/captures/expected/deployment-10.json", ok(10));
    }

    @Test
    void aStationWithoutStorageSiteOrDeviceHasNulls() {
        assertMatchesExpected("/captures/expected/deployment-11.json", ok(11));
    }

    @Test
    void exampleCapturesAreTheTenLargest() {
        JsonNode doc = ok(30);
        List<Long> ids = new ArrayList<>();
        doc.get("example_captures").forEach(c -> ids.add(c.get("id").asLong()));
        // bulk capture g has size 100000 + g: the ten largest are 150 down to 141
        assertThat(ids).containsExactly(3150L, 3149L, 3148L, 3147L, 3146L, 3145L, 3144L, 3143L, 3142L, 3141L);
        assertThat(doc.get("manually_uploaded_captures").size()).isZero();
        assertThat(doc.at("/events/0/taxa_count").asInt()).isEqualTo(1);
    }

    @Test
    void statementsAreTheSameForAnyStation() {
        List<Long> counts = new ArrayList<>();
        for (long id : new long[] {10, 11, 30}) {
            Reply r = service.get("/api/v2/deployments/" + id + "/");
            assertThat(r.status()).isEqualTo(200);
            counts.add(r.queries());
        }
        assertThat(counts).containsExactly(6L, 6L, 6L);
    }

    @ParameterizedTest
    @ValueSource(longs = {999, 20}) // 20 belongs to a draft project
    void unknownOrHiddenStationsAre404(long id) {
        Reply r = service.get("/api/v2/deployments/" + id + "/");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Not found.\"}");
        assertThat(r.queries()).isEqualTo(1);
    }

    @Test
    void aNonIntegerIdIs400() {
        Reply r = service.get("/api/v2/deployments/abc/");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"id\":[\"A valid integer is required.\"]}");
        assertThat(r.queries()).isZero();
    }

    @Test
    void withoutTheTrailingSlash() {
        assertThat(service.get("/api/v2/deployments/10").status()).isEqualTo(200);
    }
}
