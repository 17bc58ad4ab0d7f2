package dev.ferry.bench.page;

import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;

/**
 * One way to build the occurrence list page of the reference workload: {@code GET
 * /api/v2/occurrences/?project_id=P&limit=L&offset=O} with the default ordering
 * ({@code -determination_score}, NULLS LAST, then id) and the project's default filters (score
 * threshold, include/exclude taxa with descendants), for an anonymous user.
 *
 * <p>A strategy runs its statements and returns the document; the harness renders it to bytes (so
 * JSON writing is timed alike for every strategy). Strategies other than the service's own load
 * their rows their own way, then hand them, as antenna records, to
 * {@link dev.ferry.antenna.api.OccurrenceApi#listBody}: the same serializer, so the documents can be
 * compared byte for byte.
 */
public interface PageStrategy extends AutoCloseable {

    /** Short name for tables and charts ({@code ferry}, {@code jdbc}, {@code hibernate}, ...). */
    String name();

    /**
     * The page as JSON. {@code request} carries the root URL and the parameters
     * ({@code project_id}, {@code limit}, {@code offset}) for the envelope's links.
     */
    JsonBody page(ApiRequest request, long projectId, int limit, long offset) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
