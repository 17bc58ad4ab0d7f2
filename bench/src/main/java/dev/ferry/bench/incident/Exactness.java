package dev.ferry.bench.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exactness check after a ui-traffic run (untimed): a sample of the answers the measured service gave is
 * asked again of the oracle, the service with its count cache off, whose answer is an exact count and a plain
 * offset. The measured service may produce its answers otherwise (cached totals, seeks); they must still be the
 * same: the same {@code count}, and the same result ids in the same order.
 */
final class Exactness {

    /** How many answers were compared, how many differed, and the first few differences. */
    record Check(int compared, int mismatches, List<String> examples) {
    }

    static final int EXAMPLES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exactness() {
    }

    /** Asks the oracle each kept request again and compares its answer with the one the service gave. */
    static Check run(List<TrafficStats.Answer> answers, Client oracle) throws InterruptedException {
        int mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (TrafficStats.Answer a : answers) {
            String path = a.request().path();
            Optional<String> difference;
            try {
                difference = difference(a.body(), oracle.fetch(path));
            } catch (IOException e) {
                difference = Optional.of("the oracle failed: " + e.getMessage());
            }
            if (difference.isPresent()) {
                mismatches++;
                if (examples.size() < EXAMPLES) {
                    examples.add(path + ": " + difference.get());
                }
            }
        }
        return new Check(answers.size(), mismatches, List.copyOf(examples));
    }

    /** How the service's list document differs from the oracle's in count or result ids; empty when it does not. */
    static Optional<String> difference(byte[] served, String oracle) {
        JsonNode s;
        JsonNode o;
        try {
            s = JSON.readTree(served);
            o = JSON.readTree(oracle);
        } catch (IOException e) {
            return Optional.of("not a JSON document: " + e.getMessage());
        }
        if (!s.path("count").isIntegralNumber()) {
            return Optional.of("the service's answer has no count");
        }
        long servedCount = s.path("count").asLong();
        long exactCount = o.path("count").asLong();
        if (servedCount != exactCount) {
            return Optional.of("count " + servedCount + ", exact " + exactCount);
        }
        List<Long> servedIds = ids(s);
        List<Long> exactIds = ids(o);
        if (!servedIds.equals(exactIds)) {
            for (int i = 0; i < Math.max(servedIds.size(), exactIds.size()); i++) {
                Long a = i < servedIds.size() ? servedIds.get(i) : null;
                Long b = i < exactIds.size() ? exactIds.get(i) : null;
                if (a == null || !a.equals(b)) {
                    return Optional.of("results differ from position " + i + ": id " + a + ", exact " + b + " ("
                            + servedIds.size() + " results, exact " + exactIds.size() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : page.path("results")) {
            ids.add(item.path("id").asLong());
        }
        return ids;
    }
}
