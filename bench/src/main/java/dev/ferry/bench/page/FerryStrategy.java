package dev.ferry.bench.page;

import dev.ferry.Ferry;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.model.Entities;
import dev.ferry.policy.FetchPolicy;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Ferry, four ways:
 * <ul>
 *   <li>{@code ferry}: the service's own code path ({@link OccurrenceApi#list}: explicit joins and prefetches), with an
 *       exact count and OFFSET on every page, like the other strategies;</li>
 *   <li>{@code ferry-reused}: the same with the service's default {@code --count-cache 10s}: Ferry's
 *       {@code Total.reused}, totals counted once and deep pages seeking from remembered positions;</li>
 *   <li>{@code ferry-peers}: what a careless user writes, the same query with no join and no prefetch, under
 *       the default policy PEERS (each relation loads for the whole page when first read);</li>
 *   <li>{@code ferry-one}: the same careless query under policy ONE (each row's relations load one by one:
 *       the N+1 the original had).</li>
 * </ul>
 */
public final class FerryStrategy implements PageStrategy {

    private final String name;
    private final OccurrenceApi api;

    private FerryStrategy(String name, DataSource dataSource, FetchPolicy policy, boolean explicit, Duration countCache) {
        this.name = name;
        Ferry ferry = Entities.register(Ferry.builder(dataSource))
                .fetchPolicy(policy)
                .build();
        this.api = new OccurrenceApi(ferry, null, explicit ? OccurrenceApi.Loading.PREFETCH : OccurrenceApi.Loading.LAZY,
                countCache);
    }

    private FerryStrategy(String name, DataSource dataSource, FetchPolicy policy, boolean explicit) {
        this(name, dataSource, policy, explicit, Duration.ZERO);
    }

    public static FerryStrategy explicit(DataSource dataSource) {
        return new FerryStrategy("ferry", dataSource, FetchPolicy.PEERS, true);
    }

    public static FerryStrategy reused(DataSource dataSource) {
        return new FerryStrategy("ferry-reused", dataSource, FetchPolicy.PEERS, true, OccurrenceApi.DEFAULT_COUNT_CACHE);
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
