package dev.ferry.bench.page;

import dev.ferry.Ferry;
import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.model.Detection_;
import dev.ferry.antenna.model.Entities;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Occurrence_;
import dev.ferry.policy.FetchPolicy;
import dev.ferry.query.Agg;
import dev.ferry.query.Expr;
import dev.ferry.query.Order;
import dev.ferry.query.Page;
import dev.ferry.query.Predicate;
import dev.ferry.query.Query;
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
    private final Ferry ferry;
    private final OccurrenceApi api;
    private final boolean explicit;

    private FerryStrategy(String name, DataSource dataSource, FetchPolicy policy, boolean explicit) {
        this.name = name;
        this.ferry = Ferry.builder(dataSource)
                .entities(Entities.TYPES.toArray(Class<?>[]::new))
                .metamodels(Entities.METAMODELS.toArray(Class<?>[]::new))
                .fetchPolicy(policy)
                .build();
        this.api = new OccurrenceApi(ferry, null);
        this.explicit = explicit;
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
        if (explicit) {
            return api.list(request);
        }
        Page<Occurrence> page = ferry.inTransaction(tx -> {
            OccurrenceApi.Context context = tx.withConnection(c -> OccurrenceApi.Context.load(c, projectId));
            if (context.draft()) {
                return new Page<Occurrence>(java.util.List.of(), 0);
            }
            Query<Occurrence> q = tx.from(Occurrence.class)
                    .where(Occurrence_.PROJECT.idEq(projectId))
                    .where(Occurrence_.DETECTIONS.isNotEmpty())
                    .where(Occurrence_.DETERMINATION_SCORE.ge(context.scoreThreshold()));
            if (!context.includeTaxa().isEmpty()) {
                q = q.where(Occurrence_.DETERMINATION.idIn(context.includeTaxa()));
            }
            if (!context.excludeTaxa().isEmpty()) {
                q = q.where(Predicate.any(Occurrence_.DETERMINATION.isNull(),
                        Predicate.not(Occurrence_.DETERMINATION.idIn(context.excludeTaxa()))));
            }
            return q.annotate(Occurrence_.DETECTIONS_COUNT, Agg.count(Occurrence_.DETECTIONS))
                    .annotate(Occurrence_.FIRST_APPEARANCE_TIMESTAMP, Agg.min(Occurrence_.DETECTIONS, Detection_.TIMESTAMP))
                    .annotate(Occurrence_.LAST_APPEARANCE_TIMESTAMP, Agg.max(Occurrence_.DETECTIONS, Detection_.TIMESTAMP))
                    .annotate(Occurrence_.FIRST_APPEARANCE_TIME,
                            Agg.min(Occurrence_.DETECTIONS, Expr.timeOfDay(Detection_.TIMESTAMP)))
                    .annotate(Occurrence_.FIRST_DETECTION_PATH, Agg.first(Occurrence_.DETECTIONS, Detection_.PATH,
                            Detection_.PATH.isNotNull(), Detection_.FRAME_NUM.asc(), Detection_.TIMESTAMP.asc()))
                    .orderBy(new Order<>(Occurrence_.DETERMINATION_SCORE, true, Order.Nulls.LAST))
                    .limit(limit)
                    .offset(offset)
                    .page();
        });
        // The relations load while the document is written (after the transaction, from the pool).
        return OccurrenceApi.listBody(request, null, limit, offset, page.rows(), page.total());
    }
}
