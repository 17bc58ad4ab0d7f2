package dev.ferry.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.TreeSet;

/** Name helpers: snake_case defaults and "did you mean" suggestions for messages. */
public final class Names {
    private Names() {
    }

    /** {@code determinationScore} -> {@code determination_score}; {@code SourceImage} -> {@code source_image}. */
    public static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                // A word starts at an upper-case letter after a lower-case one, or at the last capital of
                // an acronym before a lower-case letter (URLPath -> url_path).
                boolean afterLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1)) && camel.charAt(i - 1) != '_';
                boolean acronymEnd = i > 0 && Character.isUpperCase(camel.charAt(i - 1))
                        && i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (afterLower || acronymEnd) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code detectionsCount} -> {@code DETECTIONS_COUNT}: the metamodel constant of a component. */
    public static String constant(String camel) {
        return snake(camel).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A sentence that helps fix a wrong name: "did you mean 'x'?" when one candidate is close, else
     * the sorted choices.
     */
    public static String suggest(String wrong, Collection<String> candidates) {
        String best = candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(wrong.toLowerCase(), c.toLowerCase())).thenComparing(c -> c))
                .orElse(null);
        if (best != null && distance(wrong.toLowerCase(), best.toLowerCase()) <= Math.max(2, wrong.length() / 3)) {
            return "did you mean '" + best + "'?";
        }
        return "choices are: " + String.join(", ", new TreeSet<>(candidates));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
