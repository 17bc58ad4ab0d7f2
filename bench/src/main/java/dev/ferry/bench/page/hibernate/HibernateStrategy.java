package dev.ferry.bench.page.hibernate;

import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Identification;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.bench.page.PageStrategy;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.FetchSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.jpa.CachingType;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.query.SelectionQuery;
import org.hibernate.tool.schema.Action;

/**
 * Hibernate 7 tuned as its documentation advises, for the occurrence list page:
 *
 * <ul>
 *   <li>lazy associations everywhere, fetched per query with {@code join fetch} (to-one only in the paged query);</li>
 *   <li>the page cut on the root table in an id subquery ({@code limit}/{@code offset} inside {@code in (...)}),
 *       never a collection fetch under a limit (HHH90003004 is made an error);</li>
 *   <li>the two collections (identifications; classifications through the detections) each loaded by one
 *       query {@code where occurrence.id in :ids} that join-fetches their to-one targets;</li>
 *   <li>the per-row aggregates as HQL subqueries in the page's select list, for the page's rows only;</li>
 *   <li>the total by a separate count query, skipped when the page itself tells it (as Spring Data does);</li>
 *   <li>read-only sessions (no snapshots, no dirty checking, {@code FlushMode.MANUAL}), {@code @Immutable}
 *       entities, no second-level or query cache; batch fetching ({@code = any(?)} arrays on PostgreSQL) as the
 *       safety net for any lazy association that is touched anyway.</li>
 * </ul>
 *
 * The project context (draft flag, score threshold, include/exclude taxa with their descendants) is the
 * service's own query, run on the session's connection, so every strategy filters alike.
 */
public final class HibernateStrategy implements PageStrategy {

    /** The occurrences the list may show; {@code %s}: the project's taxa filters. */
    private static final String MATCHING = "from Occurrence x where x.projectId = :project"
            + " and x.detections is not empty and x.determinationScore >= :threshold%s";
    private static final String INCLUDE = " and array_contains(:include, x.determination.id)";
    private static final String EXCLUDE = " and (x.determination is null or not array_contains(:exclude, x.determination.id))";

    private static final String PAGE = """
            with page as (
                select x.id as id
                %1$s
                order by x.determinationScore desc nulls last, x.id
                limit :limit offset :offset
            )
            select o,
                   (select count(*) %1$s),
                   size(o.detections),
                   (select min(d.timestamp) from o.detections d),
                   (select max(d.timestamp) from o.detections d),
                   (select min(cast(d.timestamp as LocalTime(6))) from o.detections d),
                   (select d.path from o.detections d where d.path is not null
                     order by d.frameNum asc nulls last, d.timestamp asc nulls last, d.id limit 1)
            from Occurrence o
            join page p on p.id = o.id
            left join fetch o.event
            left join fetch o.deployment
            left join fetch o.determination t
            left join fetch t.parent
            order by o.determinationScore desc nulls last, o.id""";

    private static final String IDENTIFICATIONS = """
            from Identification i
            left join fetch i.taxon t
            left join fetch t.parent
            left join fetch i.user
            where i.occurrence.id in :ids
            order by i.createdAt desc, i.id desc""";

    private static final String CLASSIFICATIONS = """
            from Classification c
            join fetch c.detection d
            left join fetch c.taxon t
            left join fetch t.parent
            left join fetch c.algorithm
            where d.occurrence.id in :ids
            order by c.createdAt desc, c.score desc nulls first, c.id""";

    /** One row of the page: the occurrence with its to-one targets, and its aggregates over its detections. */
    record PageRow(OccurrenceEntity occurrence, long total, int detections, LocalDateTime firstAppearance,
                   LocalDateTime lastAppearance, LocalTime firstAppearanceTime, String firstDetectionPath) {
    }

    private final SessionFactory sessionFactory;
    /** The page and count queries for each filter shape: index bit 0 include, bit 1 exclude. */
    private final String[] pageQueries = new String[4];
    private final String[] countQueries = new String[4];

    public HibernateStrategy(DataSource dataSource) {
        this.sessionFactory = new HibernatePersistenceConfiguration("ferry-bench-hibernate")
                .managedClasses(OccurrenceEntity.class, DetectionEntity.class, ClassificationEntity.class,
                        IdentificationEntity.class, TaxonEntity.class, EventEntity.class, DeploymentEntity.class,
                        UserEntity.class, AlgorithmEntity.class)
                .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .schemaToolingAction(Action.NONE) // Flyway owns the schema
                .caching(CachingType.NONE)
                .property(MappingSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName())
                // LocalDateTime/LocalTime through getObject, as the JDBC strategy reads them (no java.sql.Timestamp)
                .property(MappingSettings.JAVA_TIME_USE_DIRECT_JDBC, true)
                .property(FetchSettings.DEFAULT_BATCH_FETCH_SIZE, 100)
                .property(QuerySettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true)
                .createEntityManagerFactory();
        for (int shape = 0; shape < 4; shape++) {
            String matching = MATCHING.formatted(((shape & 1) != 0 ? INCLUDE : "") + ((shape & 2) != 0 ? EXCLUDE : ""));
            pageQueries[shape] = PAGE.formatted(matching);
            countQueries[shape] = "select count(*) " + matching;
        }
    }

    @Override
    public String name() {
        return "hibernate";
    }

    @Override
    public JsonBody page(ApiRequest request, long projectId, int limit, long offset) {
        return sessionFactory.fromStatelessTransaction(session -> load(session, request, projectId, limit, offset));
    }

    private JsonBody load(org.hibernate.StatelessSession session, ApiRequest request, long projectId, int limit, long offset) {
        OccurrenceApi.Context context = session.doReturningWork(c -> OccurrenceApi.Context.load(c, projectId));
        if (context.draft()) {
            return OccurrenceApi.listBody(request, null, limit, offset, List.of(), 0);
        }
        int shape = (context.includeTaxa().isEmpty() ? 0 : 1) | (context.excludeTaxa().isEmpty() ? 0 : 2);
        List<PageRow> page = matching(session.createSelectionQuery(pageQueries[shape], PageRow.class), projectId, context)
                .setParameter("limit", limit)
                .setParameter("offset", offset)
                .getResultList();
        if (page.isEmpty()) { // past the end: count apart
            long total = offset == 0 ? 0
                    : matching(session.createSelectionQuery(countQueries[shape], Long.class), projectId, context)
                            .getSingleResult();
            return OccurrenceApi.listBody(request, null, limit, offset, List.of(), total);
        }
        long total = page.get(0).total();

        List<Long> ids = new ArrayList<>(page.size());
        for (PageRow row : page) {
            ids.add(row.occurrence().getId());
        }
        Records records = new Records();
        Map<Long, List<Identification>> identifications = new HashMap<>(page.size() * 2);
        for (IdentificationEntity i : session.createSelectionQuery(IDENTIFICATIONS, IdentificationEntity.class)
                .setParameterList("ids", ids)
                .getResultList()) {
            identifications.computeIfAbsent(i.getOccurrence().getId(), k -> new ArrayList<>()).add(records.identification(i));
        }
        Map<Long, List<Classification>> classifications = new HashMap<>(page.size() * 2);
        for (ClassificationEntity c : session.createSelectionQuery(CLASSIFICATIONS, ClassificationEntity.class)
                .setParameterList("ids", ids)
                .getResultList()) {
            classifications.computeIfAbsent(c.getDetection().getOccurrence().getId(), k -> new ArrayList<>())
                    .add(records.classification(c));
        }

        List<Occurrence> rows = new ArrayList<>(page.size());
        for (PageRow row : page) {
            Long id = row.occurrence().getId();
            rows.add(records.occurrence(row, identifications.getOrDefault(id, List.of()),
                    classifications.getOrDefault(id, List.of())));
        }
        return OccurrenceApi.listBody(request, null, limit, offset, rows, total);
    }

    /** Binds the parameters of {@link #MATCHING} and its taxa filters. */
    private static <T> SelectionQuery<T> matching(SelectionQuery<T> query, long projectId, OccurrenceApi.Context context) {
        query.setParameter("project", projectId).setParameter("threshold", context.scoreThreshold());
        if (!context.includeTaxa().isEmpty()) {
            query.setParameter("include", context.includeTaxa().toArray(Long[]::new));
        }
        if (!context.excludeTaxa().isEmpty()) {
            query.setParameter("exclude", context.excludeTaxa().toArray(Long[]::new));
        }
        return query;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
