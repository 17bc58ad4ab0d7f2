package dev.ferry.bench.page;

import dev.ferry.Ferry;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.model.Entities;
import dev.ferry.policy.FetchPolicy;
import javax.sql.DataSource;

/**
 * Ferry, three ways:
 * <ul>
 *   <li>{@code ferry}: the service's own code path ({@link OccurrenceApi#list}: explicit joins and prefetches);</li>
 *   <li>{@code ferry-peers}: what a careless user writes, the same query with no join and no prefetch, under
 *       the default policy PEERS (each relation loads for the whole page when first read);</li>
 *   <li>{@code ferry-one}: the same careless query under policy ONE (each row's relations load one by one:
 *       the N+1 the original had).</li>
 * </ul>
 */
public final class FerryStrategy implements PageStrategy {

    private final String name;
    private final OccurrenceApi api;

    private FerryStrategy(String name, DataSource dataSource, FetchPolicy policy, boolean explicit) {
        this.name = name;
        Ferry ferry = Entities.register(Ferry.builder(dataSource))
                .fetchPolicy(policy)
                .build();
        this.api = new OccurrenceApi(ferry, null, explicit ? OccurrenceApi.Loading.PREFETCH : OccurrenceApi.Loading.LAZY);
    }

    public static FerryStrategy explicit(DataSource dataSource) {
        return new FerryStrategy("ferry", dataSource, FetchPolicy.PEERS, true);
    }

    public static FerryStrategy peers(DataSource dataSource) {
        return new FerryStrategy("ferry-peers", dataSource, FetchPolicy.PEERS, false);
    }

    public static FerryStrategy one(DataSource dataSource) {
        return new FerryStrategy("ferry-one", dataSource, FetchPolicy.ONE, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JsonBody page(ApiRequest request, long projectId, int limit, long offset) {
        // The request carries project_id, limit and offset; the careless variants are the service's
        // incident mode: the page query with its annotations, every relation loaded as the serializer reads it.
        return api.list(request);
    }
}
