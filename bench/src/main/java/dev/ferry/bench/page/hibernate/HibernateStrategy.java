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
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.CacheSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.FetchSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.query.SelectionQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Strategy 5: Hibernate 7 tuned as its documentation advises. Four statements for any non-empty page:
 *
 * <ol>
 *   <li>the project context (draft flag, score threshold, include/exclude taxa with their descendants): the
 *       service's own query, run on the session's connection ({@code doReturningWork}), so every strategy
 *       filters alike;</li>
 *   <li>the page: cut on the root table first (the ids, with {@code limit} and {@code offset}, in a CTE), then
 *       joined to the occurrences with {@code join fetch} of their to-one targets (event, deployment,
 *       determination and its parent), with the total as an uncorrelated count subquery (PostgreSQL runs it
 *       once, with its own plan, while the page keeps an index scan that stops after the page, as the JDBC
 *       floor does) and the per-row aggregates over the detections as subqueries in the select list, computed
 *       for the page's rows only;</li>
 *   <li>the identifications of the page's occurrences (their ids bound as one array), with taxon, parent and
 *       user join-fetched;</li>
 *   <li>the classifications of the page's detections, likewise, with taxon, parent and algorithm.</li>
 * </ol>
 *
 * A page past the end adds a count query (no row carries the total there). No collection is ever
 * fetched under a limit ({@code fail_on_pagination_over_collection_fetch} turns HHH90003004 into an
 * error). Sessions are read-only ({@code SessionBuilder.readOnly}: no snapshots, no dirty checking),
 * {@code FlushMode.MANUAL}, with {@code @Immutable} entities and no second-level or query cache. Every
 * association is lazy; batch fetching ({@code default_batch_fetch_size}, one {@code = any(?)} array per batch
 * on PostgreSQL) stays on as the safety net for one touched without a fetch, which the page never does.
 *
 * <p>Lists of ids go to PostgreSQL as one array parameter, {@code id = any(?)}, as the JDBC floor and
 * Hibernate's own batch loading send them, through a contributed HQL function, {@code array_has(:ids, id)}
 * (see {@code arrayHas}). HQL's {@code in :list} was measured here two to four times slower on the page
 * statement: one bind parameter per id, which, once the driver prepares the statement on the server,
 * PostgreSQL's generic plan evaluates row by row with a misjudged row count (in-list padding skews the
 * estimate further, so it stays off); and a query with a list-valued parameter never has its SQL plan cached.
 */
public final class HibernateStrategy implements PageStrategy {

    /** The occurrences the list may show; {@code %s}: the project's taxa filters. */
    private static final String MATCHING = "from Occurrence x where x.projectId = :project"
            + " and x.detections is not empty and x.determinationScore >= :threshold%s";
    private static final String INCLUDE = " and array_has(:include, x.determination.id)";
    private static final String EXCLUDE = " and (x.determination is null or not array_has(:exclude, x.determination.id))";

    private static final String PAGE = """
            with page as (
                select x.id as id
                %1$s
                order by x.determinationScore desc nulls last, x.id desc
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
            order by o.determinationScore desc nulls last, o.id desc""";

    private static final String IDENTIFICATIONS = """
            from Identification i
            left join fetch i.taxon t
            left join fetch t.parent
            left join fetch i.user
            where array_has(:ids, i.occurrence.id)
            order by i.createdAt desc, i.id desc""";

    private static final String CLASSIFICATIONS = """
            from Classification c
            join fetch c.detection d
            left join fetch c.taxon t
            left join fetch t.parent
            left join fetch c.algorithm
            where array_has(:ids, d.occurrence.id)
            order by c.createdAt desc, c.score desc nulls first, c.id""";

    /**
     * One row of the page: the occurrence with its to-one targets, the page's total, and its aggregates over
     * its detections. The time of day is cast to {@code time(6)}: a plain {@code LocalTime} cast renders
     * {@code time(0)}, which rounds to the second. As a query expression (not a mapped attribute) it is still
     * read through {@code java.sql.Time}, so to the millisecond; the demo data's timestamps are whole seconds.
     */
    record PageRow(OccurrenceEntity occurrence, long total, int detections, LocalDateTime firstAppearance,
                   LocalDateTime lastAppearance, LocalTime firstAppearanceTime, String firstDetectionPath) {
    }

    private final SessionFactory sessionFactory;
    /** The page and count queries for each filter shape: index bit 0 include, bit 1 exclude. */
    private final String[] pageQueries = new String[4];
    private final String[] countQueries = new String[4];

    public HibernateStrategy(DataSource dataSource) {
        Configuration configuration = new Configuration()
                .addAnnotatedClasses(OccurrenceEntity.class, DetectionEntity.class, ClassificationEntity.class,
                        IdentificationEntity.class, TaxonEntity.class, EventEntity.class, DeploymentEntity.class,
                        UserEntity.class, AlgorithmEntity.class)
                .setPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
                .registerFunctionContributor(HibernateStrategy::arrayHas)
                .setProperty(SchemaToolingSettings.HBM2DDL_AUTO, "none") // Flyway owns the schema
                .setProperty(CacheSettings.USE_SECOND_LEVEL_CACHE, false)
                .setProperty(CacheSettings.USE_QUERY_CACHE, false)
                // mapped LocalDateTime attributes through getObject, as the JDBC strategy reads them: exact in any
                // JVM time zone (through java.sql.Timestamp, a DST-gap time such as 02:30 reads as 03:30)
                .setProperty(MappingSettings.JAVA_TIME_USE_DIRECT_JDBC, true)
                .setProperty(FetchSettings.DEFAULT_BATCH_FETCH_SIZE, 100)
                // off by default: without it every execution translates the query to SQL again
                .setProperty(QuerySettings.QUERY_PLAN_CACHE_ENABLED, true)
                .setProperty(QuerySettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true);
        configuration.getProperties().put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        this.sessionFactory = configuration.buildSessionFactory();
        for (int shape = 0; shape < 4; shape++) {
            String matching = MATCHING.formatted(((shape & 1) != 0 ? INCLUDE : "") + ((shape & 2) != 0 ? EXCLUDE : ""));
            pageQueries[shape] = PAGE.formatted(matching);
            countQueries[shape] = "select count(*) " + matching;
        }
    }

    /**
     * {@code array_has(:array, value)} renders {@code value = any(?)}, the array bound as one parameter. HQL
     * has no such predicate ({@code in :list} binds each element; {@code array_contains} renders
     * {@code ? @> array[value]}, which neither an index nor PostgreSQL's hashing of constant arrays serves:
     * three times slower on the count), and Hibernate's maintainers point to a contributed function for it.
     * The array comes first: Hibernate lets the last argument of a function take a list-valued binding, and a
     * query with such a parameter is never plan-cached (its SQL rebuilt on every execution).
     */
    private static void arrayHas(FunctionContributions functions) {
        functions.getFunctionRegistry().registerPattern("array_has", "(?2 = any(?1))",
                functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN));
    }

    @Override
    public String name() {
        return "hibernate";
    }

    @Override
    public JsonBody page(ApiRequest request, long projectId, int limit, long offset) {
        try (Session session = sessionFactory.withOptions()
                .readOnly(true)
                .flushMode(FlushMode.MANUAL)
                .initialCacheMode(CacheMode.IGNORE)
                .openSession()) {
            return session.fromTransaction(tx -> load(session, request, projectId, limit, offset));
        }
    }

    private JsonBody load(Session session, ApiRequest request, long projectId, int limit, long offset) {
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

        Long[] ids = new Long[page.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = page.get(i).occurrence().getId();
        }
        Records records = new Records();
        Map<Long, List<Identification>> identifications = new HashMap<>(page.size() * 2);
        for (IdentificationEntity i : session.createSelectionQuery(IDENTIFICATIONS, IdentificationEntity.class)
                .setParameter("ids", ids)
                .getResultList()) {
            identifications.computeIfAbsent(i.getOccurrence().getId(), k -> new ArrayList<>()).add(records.identification(i));
        }
        Map<Long, List<Classification>> classifications = new HashMap<>(page.size() * 2);
        for (ClassificationEntity c : session.createSelectionQuery(CLASSIFICATIONS, ClassificationEntity.class)
                .setParameter("ids", ids)
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
