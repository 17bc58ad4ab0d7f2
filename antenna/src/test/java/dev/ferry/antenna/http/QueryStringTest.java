package dev.ferry.antenna.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.antenna.testing.TestService;
import dev.ferry.antenna.testing.TestService.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw query strings over real HTTP (resources/occurrences/fixture.sql): how the service splits and decodes
 * them, which values it refuses, and the page links at the end of the offsets. Project 1 has three
 * occurrences that pass its default filters and three captures; project 2 is a draft.
 */
class QueryStringTest {

    private static final String MAX = Long.toString(Long.MAX_VALUE);
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start("query_string", "/occurrences/fixture.sql");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @AfterEach
    void noConnectionLeft() {
        assertThat(service.activeConnections()).as("connections still lent by the pool").isZero();
    }

    /** GET with the request target sent byte for byte (java.net.URI refuses malformed escapes such as {@code %zz}). */
    private static Reply get(String pathAndQuery) {
        try (Socket socket = new Socket("localhost", service.antenna().port())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + pathAndQuery + " HTTP/1.0\r\nHost: localhost:" + service.antenna().port() + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).trim(), k -> new ArrayList<>()).add(head[i].substring(colon + 1).trim());
            }
            Reply r = new Reply(Integer.parseInt(head[0].split(" ")[1]), HttpHeaders.of(headers, (a, b) -> true),
                    response.substring(end + 4));
            assertThat(r.header("Content-Type")).as("GET %s: %s", pathAndQuery, r).startsWith("application/json");
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery, e);
        }
    }

    private static JsonNode ok(String pathAndQuery) {
        Reply r = get(pathAndQuery);
        assertThat(r.status()).as("GET %s: %s", pathAndQuery, r.body()).isEqualTo(200);
        return r.json();
    }

    // ---------------------------------------------------------------- empty pairs

    @ParameterizedTest
    @ValueSource(strings = {"project_id=1&limit=2&", "project_id=1&&limit=2", "&project_id=1&limit=2",
            "project_id=1&limit=2&&", "&&project_id=1&&&limit=2&&"})
    void emptyPairsAreIgnored(String query) {
        for (String path : new String[] {"/api/v2/occurrences/", "/api/v2/captures/"}) {
            JsonNode page = ok(path + "?" + query);
            JsonNode plain = ok(path + "?project_id=1&limit=2");
            assertThat(page.toString()).isEqualTo(plain.toString());
            assertThat(page.get("next").asText()).endsWith(path + "?limit=2&offset=2&project_id=1");
        }
    }

    @Test
    void encodedValuesAreDecoded() {
        JsonNode page = ok("/api/v2/occurrences/?project_id=%31&ordering=%2Ddetermination_score%2Ccreated_at&determination__rank=SPE%43IES&deployment=%32");
        assertThat(page.get("count").asLong()).isEqualTo(1);
        assertThat(page.at("/results/0/id").asLong()).isEqualTo(102);
        // a pair without '=' is an empty value, and an empty value is absent
        assertThat(ok("/api/v2/occurrences/?project_id=1&deployment").get("count").asLong()).isEqualTo(3);
        assertThat(ok("/api/v2/occurrences/?project_id=1&deployment=").get("count").asLong()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- malformed integers

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v2/occurrences/?project_id=1&deployment=%00    | deployment",
            "/api/v2/occurrences/?project_id=1&deployment=%20    | deployment",
            "/api/v2/occurrences/?project_id=1&deployment=+      | deployment",
            "/api/v2/occurrences/?project_id=1&deployment=%001   | deployment",
            "/api/v2/occurrences/?project_id=1&deployment=1%00   | deployment",
            "/api/v2/occurrences/?project_id=1&deployment=%201   | deployment",
            "/api/v2/occurrences/?project_id=1&deployment=1+     | deployment",
            "/api/v2/occurrences/?project_id=1&deployment=%091   | deployment",
            "/api/v2/occurrences/?project_id=1&event=%00         | event",
            "/api/v2/occurrences/?project_id=1&event=%201        | event",
            "/api/v2/occurrences/?project_id=1&taxon=%00         | taxon",
            "/api/v2/occurrences/?project_id=1&determination=%203 | determination",
            "/api/v2/occurrences/?project_id=1&detections__source_image=%0011 | detections__source_image",
            "/api/v2/occurrences/?project_id=1&algorithm=%20     | algorithm",
            "/api/v2/occurrences/?project_id=1&algorithm=1,%202  | algorithm",
            "/api/v2/occurrences/?project_id=1&not_algorithm=%00 | not_algorithm",
            "/api/v2/occurrences/?project_id=1&limit=%00         | limit",
            "/api/v2/occurrences/?project_id=1&limit=%002        | limit",
            "/api/v2/occurrences/?project_id=1&limit=2%20        | limit",
            "/api/v2/occurrences/?project_id=1&limit=%D9%A2      | limit",
            "/api/v2/occurrences/?project_id=1&offset=%20        | offset",
            "/api/v2/occurrences/?project_id=1&offset=%001       | offset",
            "/api/v2/occurrences/?project_id=1&offset=9223372036854775808 | offset",
            "/api/v2/occurrences/?project_id=%00                 | project_id",
            "/api/v2/occurrences/?project_id=%001                | project_id",
            "/api/v2/occurrences/?project_id=+1                  | project_id",
            "/api/v2/captures/?project_id=1&deployment=%00       | deployment",
            "/api/v2/captures/?project_id=1&deployment=%20       | deployment",
            "/api/v2/captures/?project_id=1&event=%001           | event",
            "/api/v2/captures/?project_id=1&project=%20          | project",
            "/api/v2/captures/?project_id=1&deployment__project=%001 | deployment__project",
            "/api/v2/captures/?project_id=1&limit=%20            | limit",
            "/api/v2/captures/?project_id=1&offset=%00           | offset",
            "/api/v2/captures/?project_id=%201                   | project_id",
    })
    void anIntegerWithWhitespaceOrNulIsA400NamingTheParameter(String pathAndQuery, String parameter) {
        assertBadParameter(pathAndQuery, parameter, "A valid integer is required.");
    }

    // ---------------------------------------------------------------- malformed encodings

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v2/occurrences/?project_id=1&limit=%zz      | limit      | Invalid percent-encoding.",
            "/api/v2/occurrences/?project_id=1&limit=5%       | limit      | Invalid percent-encoding.",
            "/api/v2/occurrences/?project_id=1&limit=%3       | limit      | Invalid percent-encoding.",
            "/api/v2/occurrences/?project_id=1&limit=%3%35    | limit      | Invalid percent-encoding.",
            "/api/v2/occurrences/?project_id=1&ordering=%-id  | ordering   | Invalid percent-encoding.",
            "/api/v2/occurrences/?project_id=%zz1             | project_id | Invalid percent-encoding.",
            "/api/v2/occurrences/?project_id=1&limit=%FF      | limit      | Invalid UTF-8 in the percent-encoding.",
            "/api/v2/occurrences/?project_id=1&ordering=%C3%28 | ordering  | Invalid UTF-8 in the percent-encoding.",
            "/api/v2/occurrences/?project_id=1&deployment=%ED%A0%80 | deployment | Invalid UTF-8 in the percent-encoding.",
            "/api/v2/captures/?project_id=1&limit=%zz         | limit      | Invalid percent-encoding.",
            "/api/v2/captures/?project_id=1&ordering=size%    | ordering   | Invalid percent-encoding.",
            "/api/v2/captures/?project_id=1&event=%E2%82      | event      | Invalid UTF-8 in the percent-encoding.",
            "/api/v2/occurrences/101/?format=%zz              | format     | Invalid percent-encoding.",
    })
    void aBadEncodingIsA400NamingTheParameter(String pathAndQuery, String parameter, String message) {
        assertBadParameter(pathAndQuery, parameter, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "project_id=1&lim%zzit=5 | Invalid percent-encoding in a parameter name.",
            "project_id=1&%=5        | Invalid percent-encoding in a parameter name.",
            "project_id=1&%FF=5      | Invalid UTF-8 in a parameter name.",
            "project_id=1&=5         | A query parameter has no name.",
            "project_id=1&=          | A query parameter has no name.",
    })
    void aBadNameIsA400WithDetail(String query, String detail) {
        Reply r = get("/api/v2/occurrences/?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().size()).isEqualTo(1);
        assertThat(r.json().get("detail").asText()).isEqualTo(detail);
    }

    private static void assertBadParameter(String pathAndQuery, String parameter, String message) {
        Reply r = get(pathAndQuery);
        assertThat(r.status()).as("GET %s: %s", pathAndQuery, r.body()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.size()).as(r.body()).isEqualTo(1);
        assertThat(body.get(parameter).get(0).asText()).as(r.body()).isEqualTo(message);
    }

    // ---------------------------------------------------------------- the end of the offsets

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/occurrences/", "/api/v2/captures/"})
    void theLargestOffsetIsAnEmptyLastPage(String path) {
        for (String limit : new String[] {"1", "2", "1000"}) {
            JsonNode page = ok(path + "?project_id=1&limit=" + limit + "&offset=" + MAX);
            assertThat(page.get("count").asLong()).isEqualTo(3);
            assertThat(page.get("results")).isEmpty();
            assertThat(page.get("next").isNull()).as("next of %s", page).isTrue();
            long previous = Long.MAX_VALUE - Long.parseLong(limit);
            assertThat(page.get("previous").asText())
                    .isEqualTo(service.root() + path + "?limit=" + limit + "&offset=" + previous + "&project_id=1");
        }
        JsonNode last = ok(path + "?project_id=1&limit=1000&offset=" + (Long.MAX_VALUE - 1000));
        assertThat(last.get("results")).isEmpty();
        assertThat(last.get("next").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- draft projects

    /**
     * As in the original for an anonymous user: the project is found (so not a 404) and its rows are hidden
     * (an empty page), while an object of a draft project is a 404.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/occurrences/", "/api/v2/captures/"})
    void aDraftProjectsListIsAnEmptyPage(String path) {
        JsonNode page = ok(path + "?project_id=2");
        assertThat(page.toString()).isEqualTo("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[],\"user_permissions\":[]}");
        assertThat(get(path + "?project_id=999").status()).isEqualTo(404);
        assertThat(get("/api/v2/occurrences/106/").status()).isEqualTo(404); // the draft project's occurrence
        assertThat(get("/api/v2/deployments/3/").status()).isEqualTo(404);   // and its station
    }
}
