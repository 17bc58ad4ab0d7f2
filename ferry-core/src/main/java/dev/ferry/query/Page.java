package dev.ferry.query;

import java.util.List;

/**
 * One page of a query and the number of rows of the whole query, from {@link Query#page()}.
 *
 * @param rows  the page's rows, with their joins and prefetches loaded
 * @param total how many rows match without the window
 */
public record Page<T>(List<T> rows, long total) {
    public Page {
        rows = List.copyOf(rows);
    }
}
