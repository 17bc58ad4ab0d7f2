package dev.ferry.antenna.api;

import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Identification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's determination rules, computed in Java over prefetched rows (as its fixed code does
 * in {@code models_future/occurrence.py}), so no rule costs a query per row.
 */
public final class Determinations {

    private Determinations() {
    }

    /**
     * {@code Occurrence.predictions()}: for each algorithm, its classifications with that algorithm's
     * highest score (NULL scores never qualify), newest first (then higher score, then higher id).
     */
    public static List<Classification> predictions(List<Classification> classifications) {
        Map<Object, Double> best = new HashMap<>();
        for (Classification c : classifications) {
            if (c.score() != null) {
                best.merge(algorithmKey(c), c.score(), Math::max);
            }
        }
        List<Classification> out = new ArrayList<>();
        for (Classification c : classifications) {
            if (c.score() != null && c.score().equals(best.get(algorithmKey(c)))) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Classification::createdAt).reversed()
                .thenComparing(Classification::score, Comparator.reverseOrder())
                .thenComparing(Classification::id, Comparator.reverseOrder()));
        return out;
    }

    /**
     * {@code best_prediction}: among {@link #predictions}, terminal ones first, then the highest
     * score, then the highest id; null when the occurrence has no scored classification.
     */
    public static Classification bestPrediction(List<Classification> classifications) {
        return bestOf(predictions(classifications));
    }

    /** {@code best_prediction} among {@code predictions} (the result of {@link #predictions}). */
    public static Classification bestOf(List<Classification> predictions) {
        Classification best = null;
        for (Classification c : predictions) {
            if (best == null || BEST_FIRST.compare(c, best) < 0) {
                best = c;
            }
        }
        return best;
    }

    private static final Comparator<Classification> BEST_FIRST = Comparator
            .comparing(Classification::terminal, Comparator.reverseOrder())
            .thenComparing(Classification::score, Comparator.reverseOrder())
            .thenComparing(Classification::id, Comparator.reverseOrder());

    /** {@code best_identification}: the latest non-withdrawn identification (higher id on a tie), or null. */
    public static Identification bestIdentification(List<Identification> identifications) {
        Identification best = null;
        for (Identification i : identifications) {
            if (i.withdrawn()) {
                continue;
            }
            if (best == null || i.createdAt().isAfter(best.createdAt())
                    || i.createdAt().isEqual(best.createdAt()) && i.id() > best.id()) {
                best = i;
            }
        }
        return best;
    }

    // A classification without an algorithm is its own group, as GROUP BY algorithm_id groups NULLs together.
    private static Object algorithmKey(Classification c) {
        Object id = c.algorithm().id();
        return id == null ? "none" : id;
    }
}
