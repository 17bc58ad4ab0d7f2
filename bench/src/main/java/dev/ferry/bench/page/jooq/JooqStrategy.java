package dev.ferry.bench.page.jooq;

import static dev.ferry.bench.page.jooq.AntennaSchema.MAIN_CLASSIFICATION;
import static dev.ferry.bench.page.jooq.AntennaSchema.MAIN_DEPLOYMENT;
import static dev.ferry.bench.page.jooq.AntennaSchema.MAIN_DETECTION;
import static dev.ferry.bench.page.jooq.AntennaSchema.MAIN_EVENT;
import static dev.ferry.bench.page.jooq.AntennaSchema.MAIN_IDENTIFICATION;
import static dev.ferry.bench.page.jooq.AntennaSchema.MAIN_OCCURRENCE;
import static dev.ferry.bench.page.jooq.AntennaSchema.MAIN_TAXON;
import static dev.ferry.bench.page.jooq.AntennaSchema.ML_ALGORITHM;
import static dev.ferry.bench.page.jooq.AntennaSchema.USERS_USER;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;

import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.model.Algorithm;
import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Deployment;
import dev.ferry.antenna.model.Event;
import dev.ferry.antenna.model.Identification;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Taxon;
import dev.ferry.antenna.model.User;
import dev.ferry.bench.page.AntennaRecords;
import dev.ferry.bench.page.PageStrategy;
import dev.ferry.bench.page.jooq.AntennaSchema.MainClassification;
import dev.ferry.bench.page.jooq.AntennaSchema.MainDetection;
import dev.ferry.bench.page.jooq.AntennaSchema.MainDeployment;
import dev.ferry.bench.page.jooq.AntennaSchema.MainEvent;
import dev.ferry.bench.page.jooq.AntennaSchema.MainIdentification;
import dev.ferry.bench.page.jooq.AntennaSchema.MainOccurrence;
import dev.ferry.bench.page.jooq.AntennaSchema.MainTaxon;
import dev.ferry.bench.page.jooq.AntennaSchema.MlAlgorithm;
import dev.ferry.bench.page.jooq.AntennaSchema.UsersUser;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record15;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.conf.NestedCollectionEmulation;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ with {@code MULTISET}: the page in ONE statement (after the project context), as jOOQ
 * recommends for nested collections. The page is cut on {@code main_occurrence} first (filter, order,
 * {@code LIMIT/OFFSET}) in a derived table, the total an uncorrelated {@code (SELECT COUNT(*) ...)}; the to-one rows
 * (event, deployment, determination and its parent) are joined to the cut page and projected as nested
 * records; the per-row annotations are correlated scalar subqueries; the identifications and the
 * classifications are nested {@code MULTISET}s (each with its own to-ones as nested records), which
 * jOOQ emulates on PostgreSQL with a correlated JSON aggregation per row and reads back into
 * {@link org.jooq.Result}s.
 *
 * <p>Every level maps straight into the antenna records through ad-hoc converters
 * ({@code row(...).mapping(AntennaRecords::taxon)}, {@code multiset(...).convertFrom(r ->
 * r.map(mapping(...)))}, {@code Records.mapping} for the page rows): no intermediate POJOs, no
 * reflection. The document is then written by the same serializer as every other strategy
 * ({@link OccurrenceApi#listBody}).
 *
 * <p>Two choices made for speed, both measured on 20k occurrences (see the report in the test):
 * <ul>
 *   <li>The page row is a flat projection, not one {@code row(...)} of the whole occurrence: on
 *       PostgreSQL jOOQ sends a top-level nested record as a native composite value and parses its
 *       text, which would wrap the two JSON documents in a second, escaped encoding (~25% more
 *       Java-side time at limit 100). The to-ones stay nested records (small composites).</li>
 *   <li>{@link NestedCollectionEmulation#JSON} rather than jOOQ's PostgreSQL default
 *       {@link NestedCollectionEmulation#JSONB}: the same Java-side cost, ~15% less database time at
 *       limit 100 ({@code json_agg} builds text directly; {@code jsonb} builds a binary value, turns
 *       every double into a {@code numeric}, then prints it). Both round-trip doubles and
 *       microseconds exactly; {@link #JooqStrategy(DataSource, NestedCollectionEmulation)} runs the
 *       default.</li>
 * </ul>
 *
 * <p>Statements per page: 2 (context, page). A page past the end has no row to carry the total, so it costs a third, {@code SELECT COUNT(*)} (offset 0 with no row is simply 0), exactly as
 * {@link dev.ferry.bench.page.JdbcStrategy}. A draft project costs 1.
 */
public final class JooqStrategy implements PageStrategy {

    // Aliases, as a jOOQ user declares them once. The page-cut derived table is "o" too, like the JDBC SQL.
    private static final MainOccurrence O = MAIN_OCCURRENCE.as("o");
    private static final MainDetection D = MAIN_DETECTION.as("d");
    private static final MainEvent E = MAIN_EVENT.as("e");
    private static final MainDeployment DEP = MAIN_DEPLOYMENT.as("dep");
    private static final MainTaxon T = MAIN_TAXON.as("t");
    private static final MainTaxon P = MAIN_TAXON.as("p");
    private static final MainIdentification I = MAIN_IDENTIFICATION.as("i");
    private static final UsersUser U = USERS_USER.as("u");
    private static final MainTaxon IT = MAIN_TAXON.as("it");
    private static final MainTaxon IP = MAIN_TAXON.as("ip");
    private static final MainClassification C = MAIN_CLASSIFICATION.as("c");
    private static final MainDetection CD = MAIN_DETECTION.as("cd");
    private static final MlAlgorithm A = ML_ALGORITHM.as("a");
    private static final MainTaxon CT = MAIN_TAXON.as("ct");
    private static final MainTaxon CP = MAIN_TAXON.as("cp");


    private final DSLContext dsl;
    private final String name;

    /** MULTISET emulated with {@code json_agg} (see the class comment). */
    public JooqStrategy(DataSource dataSource) {
        this(dataSource, NestedCollectionEmulation.JSON);
    }

    /** MULTISET emulated as given ({@code DEFAULT} is {@code JSONB} on PostgreSQL). */
    public JooqStrategy(DataSource dataSource, NestedCollectionEmulation multiset) {
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, settings(multiset));
        this.name = switch (multiset) {
            case JSON -> "jooq-multiset";
            case DEFAULT, JSONB -> "jooq-multiset-jsonb"; // DEFAULT is JSONB on PostgreSQL
            default -> "jooq-multiset-" + multiset.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static Settings settings(NestedCollectionEmulation multiset) {
        return new Settings()
                .withEmulateMultiset(multiset)
                .withExecuteLogging(false)   // no DEBUG logging listener on the hot path
                .withFetchWarnings(false)    // no Statement.getWarnings() after every query
                .withRenderFormatted(false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JsonBody page(ApiRequest request, long projectId, int limit, long offset) {
        // One transaction per page, as the service (Django's ATOMIC_REQUESTS). The context lookup is the
        // service's own JDBC code, run on the transaction's connection.
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            OccurrenceApi.Context context = ctx.connectionResult(c -> OccurrenceApi.Context.load(c, projectId));
            if (context.draft()) {
                return OccurrenceApi.listBody(request, null, limit, offset, List.of(), 0);
            }
            Condition filter = filter(projectId, context);
            var result = ctx.fetch(pageQuery(filter, limit, offset));
            if (result.isEmpty()) {
                long total = offset == 0 ? 0 : ctx.fetchCount(O, filter);
                return OccurrenceApi.listBody(request, null, limit, offset, List.of(), total);
            }
            List<Occurrence> rows = result.map(mapping((id, createdAt, updatedAt, determination, score, event, deployment,
                    identifications, classifications, detections, first, last, firstTime, firstPath, total) ->
                    AntennaRecords.occurrence(id, createdAt, updatedAt, determination, score, event, deployment,
                            identifications, classifications, detections, first, last, firstTime, firstPath)));
            return OccurrenceApi.listBody(request, null, limit, offset, rows, result.get(0).value15());
        });
    }

    /**
     * The list's filter on {@code main_occurrence o}: the project, at least one detection, the score
     * threshold, and the project's include/exclude taxa (with descendants) as {@code = ANY(?)} arrays.
     */
    static Condition filter(long projectId, OccurrenceApi.Context context) {
        Condition filter = O.PROJECT_ID.eq(projectId)
                .and(exists(selectOne().from(D).where(D.OCCURRENCE_ID.eq(O.ID))))
                .and(O.DETERMINATION_SCORE.ge(context.scoreThreshold()));
        if (!context.includeTaxa().isEmpty()) {
            filter = filter.and(O.DETERMINATION_ID.eq(any(context.includeTaxa().toArray(Long[]::new))));
        }
        if (!context.excludeTaxa().isEmpty()) {
            filter = filter.and(O.DETERMINATION_ID.isNull()
                    .or(not(O.DETERMINATION_ID.eq(any(context.excludeTaxa().toArray(Long[]::new))))));
        }
        return filter;
    }

    /** The page: cut first (ids, order, limit, total), then to-ones, annotations and nested collections. */
    static ResultQuery<Record15<Long, LocalDateTime, LocalDateTime, Taxon, Double, Event, Deployment, List<Identification>,
            List<Classification>, Integer, LocalDateTime, LocalDateTime, LocalTime, String, Integer>> pageQuery(
            Condition filter, int limit, long offset) {
        Table<?> page = select(O.ID, O.CREATED_AT, O.UPDATED_AT, O.DETERMINATION_ID, O.DETERMINATION_SCORE, O.EVENT_ID,
                        O.DEPLOYMENT_ID)
                .from(O)
                .where(filter)
                .orderBy(O.DETERMINATION_SCORE.desc().nullsLast(), O.ID.desc())
                .limit(limit)
                .offset(offset)
                .asTable("o");
        Field<Long> id = page.field(O.ID);
        Field<Double> score = page.field(O.DETERMINATION_SCORE);

        return select(id, page.field(O.CREATED_AT), page.field(O.UPDATED_AT), taxon(T, P), score, event(E), deployment(DEP),
                identifications(id), classifications(id),
                detectionsCount(id), firstAppearance(id), lastAppearance(id), firstAppearanceTime(id), firstDetectionPath(id),
                // The total as an uncorrelated scalar subquery: PostgreSQL runs it once with its own plan while
                // the page keeps an index scan that stops after the page (COUNT(*) OVER () in the cut makes
                // both one plan that materialises every match: several times slower on 100k occurrences).
                field(selectCount().from(O).where(filter)).as("_total"))
                .from(page)
                .leftJoin(E).on(E.ID.eq(page.field(O.EVENT_ID)))
                .leftJoin(DEP).on(DEP.ID.eq(page.field(O.DEPLOYMENT_ID)))
                .leftJoin(T).on(T.ID.eq(page.field(O.DETERMINATION_ID)))
                .leftJoin(P).on(P.ID.eq(T.PARENT_ID))
                .orderBy(score.desc().nullsLast(), id.desc());
    }

    // ---- to-one rows, as nested records mapped into antenna records (null when the LEFT JOIN misses)

    /** A taxon with its parent (the parent shown without its own parent, its parent id kept). */
    static SelectField<Taxon> taxon(MainTaxon t, MainTaxon p) {
        return row(t.ID, t.NAME, t.RANK,
                row(p.ID, p.NAME, p.RANK, p.PARENTS_JSON, p.GBIF_TAXON_KEY, p.INAT_TAXON_ID, p.FIELDGUIDE_ID,
                        p.COVER_IMAGE_URL, p.COVER_IMAGE_CREDIT, p.PARENT_ID).mapping(AntennaRecords::taxonShownAsParent),
                t.PARENTS_JSON, t.GBIF_TAXON_KEY, t.INAT_TAXON_ID, t.FIELDGUIDE_ID, t.COVER_IMAGE_URL, t.COVER_IMAGE_CREDIT)
                .mapping(AntennaRecords::taxon);
    }

    static SelectField<Event> event(MainEvent e) {
        return row(e.ID, e.START, e.END).mapping(AntennaRecords::event);
    }

    static SelectField<Deployment> deployment(MainDeployment dep) {
        return row(dep.ID, dep.NAME).mapping(AntennaRecords::deployment);
    }

    static SelectField<User> user(UsersUser u) {
        return row(u.ID, u.NAME, u.IMAGE).mapping(AntennaRecords::user);
    }

    static SelectField<Algorithm> algorithm(MlAlgorithm a) {
        return row(a.ID, a.CREATED_AT, a.UPDATED_AT, a.NAME, a.KEY, a.TASK_TYPE, a.DESCRIPTION, a.VERSION, a.VERSION_NAME,
                a.URI, a.CATEGORY_MAP_ID.convertFrom(mapId -> mapId == null ? null : AntennaRecords.categoryMap(mapId)))
                .mapping(AntennaRecords::algorithm);
    }

    // ---- to-many: nested MULTISETs

    /** Every identification (withdrawn included), newest first, then higher id; taxon, parent and user joined. */
    static Field<List<Identification>> identifications(Field<Long> occurrenceId) {
        return multiset(
                select(I.ID, I.CREATED_AT, taxon(IT, IP), user(U), I.WITHDRAWN, I.COMMENT)
                        .from(I)
                        .leftJoin(U).on(U.ID.eq(I.USER_ID))
                        .leftJoin(IT).on(IT.ID.eq(I.TAXON_ID))
                        .leftJoin(IP).on(IP.ID.eq(IT.PARENT_ID))
                        .where(I.OCCURRENCE_ID.eq(occurrenceId))
                        .orderBy(I.CREATED_AT.desc(), I.ID.desc()))
                .convertFrom(r -> r.map(mapping(AntennaRecords::identification)));
    }

    /**
     * The classifications of the occurrence's detections: newest first, then higher score (NULLs
     * first), then id; taxon, parent and algorithm (with its category map id) joined.
     */
    static Field<List<Classification>> classifications(Field<Long> occurrenceId) {
        return multiset(
                select(C.ID, C.CREATED_AT, taxon(CT, CP), C.SCORE, C.TERMINAL, algorithm(A))
                        .from(C)
                        .join(CD).on(CD.ID.eq(C.DETECTION_ID))
                        .leftJoin(A).on(A.ID.eq(C.ALGORITHM_ID))
                        .leftJoin(CT).on(CT.ID.eq(C.TAXON_ID))
                        .leftJoin(CP).on(CP.ID.eq(CT.PARENT_ID))
                        .where(CD.OCCURRENCE_ID.eq(occurrenceId))
                        .orderBy(C.CREATED_AT.desc(), C.SCORE.desc().nullsFirst(), C.ID))
                .convertFrom(r -> r.map(mapping(AntennaRecords::classification)));
    }

    // ---- per-row annotations: correlated scalar subqueries on the page's rows only

    static Field<Integer> detectionsCount(Field<Long> occurrenceId) {
        return field(select(count()).from(D).where(D.OCCURRENCE_ID.eq(occurrenceId)));
    }

    static Field<LocalDateTime> firstAppearance(Field<Long> occurrenceId) {
        return field(select(min(D.TIMESTAMP)).from(D).where(D.OCCURRENCE_ID.eq(occurrenceId)));
    }

    static Field<LocalDateTime> lastAppearance(Field<Long> occurrenceId) {
        return field(select(max(D.TIMESTAMP)).from(D).where(D.OCCURRENCE_ID.eq(occurrenceId)));
    }

    /**
     * The earliest time of day of any detection (not the time of the first detection). Read as text:
     * jOOQ binds {@code LocalTime} through {@code java.sql.Time}, whose {@code toLocalTime()} drops the
     * fractional seconds (jOOQ/jOOQ#17070, open), so {@code SQLDataType.LOCALTIME} would turn
     * {@code 05:27:36.040004} into {@code 05:27:36}. {@code coerce} changes only how jOOQ reads the
     * column, not the SQL.
     */
    static Field<LocalTime> firstAppearanceTime(Field<Long> occurrenceId) {
        return field(select(min(D.TIMESTAMP.cast(SQLDataType.LOCALTIME(6)))).from(D).where(D.OCCURRENCE_ID.eq(occurrenceId)))
                .coerce(SQLDataType.VARCHAR)
                .convertFrom(time -> time == null ? null : LocalTime.parse(time));
    }

    /** The first non-null crop path in frame, timestamp, id order (the list shows one image). */
    static Field<String> firstDetectionPath(Field<Long> occurrenceId) {
        return field(select(D.PATH).from(D)
                .where(D.OCCURRENCE_ID.eq(occurrenceId), D.PATH.isNotNull())
                .orderBy(D.FRAME_NUM.asc().nullsLast(), D.TIMESTAMP.asc().nullsLast(), D.ID)
                .limit(1));
    }
}
