package dev.ferry.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A typed path to a column: {@code Occurrence_.DETERMINATION_SCORE}, or through relations
 * ({@code determination.rank}). Paths through a to-one are joined; paths through a to-many become
 * EXISTS subqueries, so they never multiply rows. Resolved and checked against the model when used.
 *
 * @param root the entity the path starts from
 * @param path component names (or column names) from the root
 * @param type the Java type of the column (boxed)
 */
public record Col<E, V>(Class<E> root, List<String> path, Class<V> type) implements Expr<E, V> {

    public Col {
        path = List.copyOf(path);
    }

    /** A column path by name, dotted through relations: {@code Col.of(Occurrence.class, "determination.rank", String.class)}. */
    public static <E, V> Col<E, V> of(Class<E> root, String path, Class<V> type) {
        return new Col<>(root, split(path), type);
    }

    static List<String> split(String path) {
        if (path == null || path.isBlank()) {
            throw new dev.ferry.error.InvalidQueryException("a path must not be empty");
        }
        return Arrays.asList(path.split("\\.", -1));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** The dotted path. */
    public String dotted() {
        return String.join(".", path);
    }

    @Override
    public String toString() {
        return root.getSimpleName() + "." + dotted();
    }
}
