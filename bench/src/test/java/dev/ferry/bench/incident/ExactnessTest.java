package dev.ferry.bench.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exactness comparator: the service's list document against the oracle's. */
class ExactnessTest {

    private static final String ORACLE = page(120, 11, 12, 13);

    private static String page(long count, long... ids) {
        StringBuilder results = new StringBuilder();
        for (long id : ids) {
            results.append(results.isEmpty() ? "" : ",").append("{\"id\":").append(id).append(",\"detections_count\":1}");
        }
        return "{\"count\":" + count + ",\"next\":\"http://127.0.0.1:1/api/v2/occurrences/?offset=20\",\"previous\":null,"
                + "\"results\":[" + results + "],\"user_permissions\":[]}";
    }

    private static Optional<String> compare(String served) {
        return Exactness.difference(served.getBytes(StandardCharsets.UTF_8), ORACLE);
    }

    @Test
    void theSameCountAndIdsMatchWhateverElseDiffers() {
        // other links (another host and port), other field values: only count and ids are compared
        String served = ORACLE.replace("127.0.0.1:1", "127.0.0.1:2").replace("\"detections_count\":1", "\"detections_count\":2");
        assertEquals(Optional.empty(), compare(served));
    }

    @Test
    void aDifferentCountIsAMismatch() {
        assertEquals(Optional.of("count 119, exact 120"), compare(page(119, 11, 12, 13)));
    }

    @Test
    void aDifferentIdIsAMismatch() {
        Optional<String> d = compare(page(120, 11, 99, 13));
        assertTrue(d.isPresent() && d.get().contains("position 1: id 99, exact 12"), d.toString());
    }

    @Test
    void anotherOrderIsAMismatch() {
        Optional<String> d = compare(page(120, 11, 13, 12));
        assertTrue(d.isPresent() && d.get().contains("position 1"), d.toString());
    }

    @Test
    void aShorterOrLongerPageIsAMismatch() {
        Optional<String> shorter = compare(page(120, 11, 12));
        assertTrue(shorter.isPresent() && shorter.get().contains("position 2: id null, exact 13"), shorter.toString());
        Optional<String> longer = compare(page(120, 11, 12, 13, 14));
        assertTrue(longer.isPresent() && longer.get().contains("position 3: id 14, exact null"), longer.toString());
    }

    @Test
    void aDocumentWithoutCountOrNotJsonIsAMismatch() {
        assertTrue(compare("{\"results\":[]}").isPresent());
        assertTrue(compare("<html>").isPresent());
    }
}
