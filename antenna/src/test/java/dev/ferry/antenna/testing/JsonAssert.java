package dev.ferry.antenna.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Compares JSON documents key by key, key ORDER included, naming the path of the first difference. */
public final class JsonAssert {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAssert() {
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    public static JsonNode resource(String path) {
        try (InputStream in = JsonAssert.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares {@code actual} with the expected document {@code /<path>} of the test resources. When
     * that file does not exist yet, writes {@code actual} to target/expected/ for review and fails:
     * an expected document is read and checked against the spec by a person before it is committed.
     */
    public static void assertMatchesExpected(String path, JsonNode actual) {
        if (JsonAssert.class.getResource(path) == null) {
            java.nio.file.Path out = java.nio.file.Path.of("target/expected").resolve(path.substring(1));
            try {
                java.nio.file.Files.createDirectories(out.getParent());
                java.nio.file.Files.writeString(out, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fail("no expected document %s; the actual one is in %s for review", path, out.toAbsolutePath());
        }
        assertSameJson(resource(path), actual);
    }

    public static void assertSameJson(JsonNode expected, JsonNode actual) {
        compare("$", expected, actual);
    }

    private static void compare(String path, JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            List<String> e = names(expected);
            List<String> a = names(actual);
            if (!e.equals(a)) {
                fail("%s: keys differ%n  expected %s%n  actual   %s", path, e, a);
            }
            for (String k : e) {
                compare(path + "." + k, expected.get(k), actual.get(k));
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                fail("%s: %d items expected, %d found%n  expected %s%n  actual   %s", path, expected.size(), actual.size(),
                        expected, actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            // 1.0 and 1 differ in JSON text as in Python's output: compare the text, not only the value
            if (!expected.toString().equals(actual.toString())) {
                fail("%s: expected %s, found %s", path, expected, actual);
            }
        } else if (!expected.equals(actual)) {
            fail("%s: expected %s, found %s", path, expected, actual);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
