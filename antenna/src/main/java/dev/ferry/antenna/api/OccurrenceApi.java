package dev.ferry.antenna.api;

import dev.ferry.Ferry;
import dev.ferry.antenna.model.Algorithm_;
import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Classification_;
import dev.ferry.antenna.model.Detection;
import dev.ferry.antenna.model.Detection_;
import dev.ferry.antenna.model.Identification;
import dev.ferry.antenna.model.Identification_;
import dev.ferry.antenna.model.Maintained;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Occurrence_;
import dev.ferry.antenna.model.Project_;
import dev.ferry.antenna.model.Taxon_;
import dev.ferry.query.Agg;
import dev.ferry.query.Expr;
import dev.ferry.query.Order;
import dev.ferry.query.Page;
import dev.ferry.query.Predicate;
import dev.ferry.query.Query;
import dev.ferry.query.Total;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code GET /api/v2/occurrences/} and {@code GET /api/v2/occurrences/{id}/}: the original's
 * {@code OccurrenceViewSet} (workload/antenna.md section 2) for an anonymous user.
 *
 * <p>The list costs four statements whatever the page size: the project and the filters' lookups
 * in one, the page with its total (joins and per-row annotations for the page's rows only), the
 * identifications, and the classifications (through the detections). The detail costs four too.
 *
 * <p>The list's total and a deep page's OFFSET are the costly parts of a page at scale (each O(matching rows)).
 * With a count cache ({@link #OccurrenceApi(Ferry, String, Loading, Duration)}) the list asks Ferry for
 * {@code Total.reused(countCache)}: a total is counted once per project and filters and reused by every page and
 * ordering for at most that long, as the original's query cache (django-cachalot) reused it until a write; a page
 * at an offset of 1,000 or more seeks from a position Ferry remembered in one pass over that ordering. The age
 * bounds how stale a total (and so a deep page's position) can be when others write.
 */
public final class OccurrenceApi {

    static final long DEFAULT_LIMIT = 10;
    static final long MAX_LIMIT = 1000;
    private static final Set<String> RANKS = Set.of("KINGDOM", "PHYLUM", "CLASS", "ORDER", "SUPERFAMILY", "FAMILY",
            "SUBFAMILY", "TRIBE", "SUBTRIBE", "GENUS", "SPECIES", "UNKNOWN");
    private static final Set<String> KNOWN = Set.of("project_id", "limit", "offset", "ordering", "event", "deployment",
            "determination__rank", "detections__source_image", "taxon", "determination", "algorithm", "not_algorithm",
            "date_start", "date_end", "verified", "apply_defaults",
            // accepted and without effect, as in the original: no search fields, and the threshold is
            // only read where apply_default_filters has already returned (antenna.md 2.4)
            "classification_threshold", "search", "format");
    private static final Set<String> UNSUPPORTED = Set.of("collection_id", "collection", "taxa_list_id", "not_taxa_list_id",
            "verified_by_me");

    /** How the list loads each row's relations. */
    public enum Loading {
        /** The page query joins the to-one relations and prefetches the to-many ones: four statements. */
        PREFETCH,
        /**
         * The incident's code (antenna.md 4.2), for the replay in the bench module: only the page query
         * with its annotations; each relation loads when the serializer reads it, by the fetch policy
         * (ONE: a query per row and relation, the original N+1; PEERS: a query per relation for the page).
         */
        LAZY
    }

    /** The service's count cache by default: a total is at most this old. */
    public static final Duration DEFAULT_COUNT_CACHE = Duration.ofSeconds(10);

    private final Ferry ferry;
    private final String mediaBase;
    private final Loading loading;
    private final Total total;

    /**
     * @param mediaBase URL prefix of stored files (detection crops); null serves them under the
     *                  server's own {@code /media/}
     */
    public OccurrenceApi(Ferry ferry, String mediaBase) {
        this(ferry, mediaBase, Loading.PREFETCH);
    }

    public OccurrenceApi(Ferry ferry, String mediaBase, Loading loading) {
        this(ferry, mediaBase, loading, Duration.ZERO);
    }

    /**
     * @param countCache how long a list's total and its remembered positions are reused for the same project and
     *                   filters; zero: every page counts and skips its offset (an exact COUNT and OFFSET)
     */
    public OccurrenceApi(Ferry ferry, String mediaBase, Loading loading, Duration countCache) {
        this.ferry = ferry;
        this.mediaBase = mediaBase;
        this.loading = loading;
        this.total = totals(countCache);
    }

    /** The paging of a list whose totals are reused for {@code countCache} (zero: exact every time). */
    static Total totals(Duration countCache) {
        if (countCache.isNegative()) {
            throw new IllegalArgumentException("countCache must not be negative, was " + countCache);
        }
        return countCache.isZero() ? Total.exact() : Total.reused(countCache);
    }

    // ---------------------------------------------------------------- list

    public JsonBody list(ApiRequest request) {
        Params params = request.query();
        checkNames(request.params().keySet());
        long projectId = params.requiredLong("project_id");
        long limit = params.bounded("limit", DEFAULT_LIMIT, MAX_LIMIT);
        if (limit == 0) {
            throw ApiException.badParameter("limit", "Ensure this value is greater than or equal to 1.");
        }
        long offset = params.bounded("offset", 0, Long.MAX_VALUE);
        List<Order<Occurrence>> ordering = OccurrenceOrdering.parse(params.string("ordering").orElse(null));
        Filters filters = Filters.parse(params);

        boolean defaults = params.bool("apply_defaults").orElse(true);

        Page<Occurrence> page = ferry.inTransaction(tx -> {
            Context context = tx.withConnection(c -> Context.load(c, projectId, filters));
            if (context.draft) {
                // What the original gives an anonymous user: ProjectMixin.get_active_project (ami/base/views.py)
                // finds the project by id whatever its draft flag (so no 404), then DefaultViewSet.get_queryset
                // (ami/main/api/views.py) narrows the rows with BaseQuerySet.visible_for_user (ami/base/models.py),
                // which keeps a draft project's rows for superusers, its owner and members only: an empty page.
                return new Page<Occurrence>(List.of(), 0);
            }
            // A date filter bounds its index search by the project's longest occurrence: one index entry.
            double longest = filters.dated() ? tx.from(Occurrence.class).where(Occurrence_.PROJECT.idEq(projectId))
                    .max(Maintained.DURATION).orElse(0.0) : 0;
            Query<Occurrence> q = filters.apply(tx.from(Occurrence.class), context, longest)
                    .where(Occurrence_.PROJECT.idEq(projectId));
            if (defaults) {
                q = defaultFilters(q, context);
            }
            q = annotations(q)
                    .annotate(Occurrence_.FIRST_DETECTION_PATH, Agg.first(Occurrence_.DETECTIONS, Detection_.PATH,
                            Detection_.PATH.isNotNull(), Detection_.FRAME_NUM.asc(), Detection_.TIMESTAMP.asc()));
            if (loading == Loading.PREFETCH) {
                q = joins(q)
                        .prefetch(Occurrence_.IDENTIFICATIONS, IDENTIFICATIONS)
                        .prefetch(Occurrence_.CLASSIFICATIONS, CLASSIFICATIONS);
            }
            return q.orderBy(ordering).limit(limit).offset(offset).page(total);
        });
        return listBody(request, mediaBase, limit, offset, page.rows(), page.total());
    }

    /**
     * The list document ({@code LimitOffsetPaginationWithPermissions} around {@code OccurrenceListSerializer}
     * items) for rows loaded with everything the serializer reads: the to-one targets (determination with
     * its parent, event, deployment), the identifications (taxon with parent, user), the classifications
     * (taxon with parent, algorithm with category map) and the annotations. Public so the benchmarks can
     * serialize rows that other strategies loaded exactly as the service does.
     */
    public static JsonBody listBody(ApiRequest request, String mediaBase, long limit, long offset, List<Occurrence> rows,
                                    long total) {
        return json -> {
            Links links = Links.of(request, mediaBase);
            json.writeStartObject();
            json.writeNumberField("count", total);
            json.writeStringField("next", PageLinks.next(request, limit, offset, total));
            json.writeStringField("previous", PageLinks.previous(request, limit, offset));
            json.writeArrayFieldStart("results");
            OccurrenceJson out = new OccurrenceJson(json, links);
            for (Occurrence o : rows) {
                out.occurrence(o);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("user_permissions");
            json.writeEndArray();
            json.writeEndObject();
        };
    }

    // ---------------------------------------------------------------- detail

    public JsonBody detail(ApiRequest request, long id) {
        // The original's get_object looks in the same visible_for_user rows as the list: a draft project's
        // occurrence is a 404 to an anonymous user.
        // Up to INLINE_DETECTIONS detections come with the occurrence (four statements); one more says there are
        // more than a document should hold at once, and the detail then reads them in chunks as it writes them.
        Optional<Occurrence> found = ferry.inTransaction(tx -> annotated(tx.from(Occurrence.class))
                .where(Occurrence_.PROJECT.then(Project_.DRAFT).eq(false))
                .prefetch(Occurrence_.DETECTIONS, d -> detailDetections(d).limit(INLINE_DETECTIONS + 1)
                        .prefetch(Detection_.CLASSIFICATIONS, CLASSIFICATIONS))
                .prefetch(Occurrence_.IDENTIFICATIONS, IDENTIFICATIONS)
                .find(id));
        Occurrence o = found.orElseThrow(ApiException::notFound);
        OccurrenceJson.Detail detail = o.detections().get().size() <= INLINE_DETECTIONS ? OccurrenceJson.loaded(o)
                : new ChunkedDetail(ferry, id);
        return json -> new OccurrenceJson(json, Links.of(request, mediaBase)).occurrence(o, detail);
    }

    /**
     * Detections in a detail at most loaded with their occurrence; past that the detail reads them in chunks of
     * this size while it writes them, so memory holds a chunk, not the occurrence (20,000 detections with 52,000
     * classifications are a 100 MB document).
     */
    static final int INLINE_DETECTIONS = 1000;

    /** The detail's detections: newest first (the serializer's order), each with its capture. */
    static Query<Detection> detailDetections(Query<Detection> q) {
        return q.orderBy(Detection_.TIMESTAMP.desc(), Detection_.ID.asc()).join(Detection_.SOURCE_IMAGE);
    }

    /**
     * The detail's detections and predictions read while the document is written: each chunk of detections with
     * its classifications, and the predictions from one pass over every classification that keeps only each
     * algorithm's best. Statements: the pass, the predictions' rows, the images, the detections (one cursor), and
     * the classifications of each chunk.
     */
    private static final class ChunkedDetail implements OccurrenceJson.Detail {
        private final Ferry ferry;
        private final long id;

        ChunkedDetail(Ferry ferry, long id) {
            this.ferry = ferry;
            this.id = id;
        }

        @Override
        public List<Classification> predictions() {
            Map<Object, Double> best = new HashMap<>();
            Map<Object, List<Long>> ids = new HashMap<>();
            try (Stream<Classification> all = ferry.from(Classification.class)
                    .where(Classification_.DETECTION.then(Detection_.OCCURRENCE).idEq(id))
                    .where(Classification_.SCORE.isNotNull()).stream(INLINE_DETECTIONS)) {
                all.forEach(c -> {
                    Object algorithm = c.algorithm().id() == null ? "none" : c.algorithm().id();
                    Double top = best.get(algorithm);
                    if (top == null || c.score() > top) {
                        best.put(algorithm, c.score());
                        ids.put(algorithm, new ArrayList<>(List.of(c.id())));
                    } else if (c.score().equals(top)) {
                        ids.get(algorithm).add(c.id());
                    }
                });
            }
            List<Long> wanted = ids.values().stream().flatMap(List::stream).toList();
            if (wanted.isEmpty()) {
                return List.of();
            }
            return Determinations.predictions(CLASSIFICATIONS.apply(ferry.from(Classification.class))
                    .where(Classification_.ID.in(wanted)).list());
        }

        @Override
        public List<Detection> images() {
            return ferry.from(Detection.class).where(Detection_.OCCURRENCE.idEq(id)).where(Detection_.PATH.isNotNull())
                    .orderBy(Detection_.FRAME_NUM.asc(), Detection_.TIMESTAMP.asc(), Detection_.ID.asc())
                    .limit(OccurrenceJson.DETAIL_DETECTION_IMAGES).list();
        }

        @Override
        public void detections(OccurrenceJson.DetectionWriter each) throws IOException {
            try (Stream<Detection> all = detailDetections(ferry.from(Detection.class)
                    .where(Detection_.OCCURRENCE.idEq(id)))
                    .prefetch(Detection_.CLASSIFICATIONS, CLASSIFICATIONS).stream(INLINE_DETECTIONS)) {
                Iterator<Detection> it = all.iterator();
                while (it.hasNext()) {
                    each.write(it.next());
                }
            }
        }
    }

    // ---------------------------------------------------------------- the queryset

    private static final UnaryOperator<Query<Identification>> IDENTIFICATIONS = q -> q
            .orderBy(Identification_.CREATED_AT.desc(), Identification_.ID.desc())
            .join(Identification_.TAXON.then(Taxon_.PARENT), Identification_.USER);

    /** How the detail loads classifications (for tests that render it another way). */
    static UnaryOperator<Query<Classification>> classifications() {
        return CLASSIFICATIONS;
    }

    private static final UnaryOperator<Query<Classification>> CLASSIFICATIONS = q -> q
            .orderBy(Classification_.CREATED_AT.desc(), Classification_.SCORE.desc(), Classification_.ID.asc())
            .join(Classification_.TAXON.then(Taxon_.PARENT), Classification_.ALGORITHM.then(Algorithm_.CATEGORY_MAP));

    /** {@code valid()}, the to-one joins and the viewset's per-row annotations. */
    private static Query<Occurrence> annotated(Query<Occurrence> q) {
        return joins(annotations(q));
    }

    private static Query<Occurrence> joins(Query<Occurrence> q) {
        return q.join(Occurrence_.DETERMINATION.then(Taxon_.PARENT), Occurrence_.DEPLOYMENT, Occurrence_.EVENT);
    }

    /** {@code valid()} and the viewset's per-row annotations. */
    private static Query<Occurrence> annotations(Query<Occurrence> q) {
        // Maintained columns (model.Maintained): each reads a column of main_occurrence, not a subquery.
        return q.where(Occurrence_.DETECTIONS.isNotEmpty())
                .annotate(Occurrence_.DETECTIONS_COUNT, Maintained.DETECTIONS_COUNT)
                .annotate(Occurrence_.FIRST_APPEARANCE_TIMESTAMP, Maintained.FIRST_APPEARANCE)
                .annotate(Occurrence_.LAST_APPEARANCE_TIMESTAMP, Maintained.LAST_APPEARANCE)
                .annotate(Occurrence_.FIRST_APPEARANCE_TIME, Maintained.FIRST_APPEARANCE_TIME);
    }

    /** {@code apply_default_filters}: the project's score threshold and its include/exclude taxa (with descendants). */
    private static Query<Occurrence> defaultFilters(Query<Occurrence> q, Context context) {
        q = q.where(Occurrence_.DETERMINATION_SCORE.ge(context.scoreThreshold));
        if (!context.includeTaxa.isEmpty()) {
            q = q.where(Occurrence_.DETERMINATION.idIn(context.includeTaxa));
        }
        if (!context.excludeTaxa.isEmpty()) {
            q = q.where(Predicate.any(Occurrence_.DETERMINATION.isNull(),
                    Predicate.not(Occurrence_.DETERMINATION.idIn(context.excludeTaxa))));
        }
        return q;
    }

    private static void checkNames(Set<String> names) {
        for (String name : names) {
            if (UNSUPPORTED.contains(name)) {
                throw ApiException.badParameter(name, "This filter is not supported by this service.");
            }
            if (!KNOWN.contains(name)) {
                throw ApiException.badParameter(name, "Unknown parameter.");
            }
        }
    }

    // ---------------------------------------------------------------- filters

    /** The list's filter parameters, parsed and checked before any query runs. */
    record Filters(Long event, Long deployment, String rank, Long sourceImage, Long taxon, List<Long> algorithms,
                   List<Long> notAlgorithms, LocalDate dateStart, LocalDate dateEnd, Boolean verified) {

        static Filters parse(Params p) {
            Optional<Long> taxon = p.optionalLong("taxon");
            String taxonParam = "taxon";
            if (taxon.isEmpty()) {
                taxon = p.optionalLong("determination");
                taxonParam = "determination";
            }
            String rank = p.string("determination__rank").orElse(null);
            if (rank != null && !RANKS.contains(rank)) {
                throw ApiException.badParameter("determination__rank",
                        "Select a valid choice. " + rank + " is not one of the available choices.");
            }
            Optional<LocalDate> start = p.date("date_start");
            Optional<LocalDate> end = p.date("date_end");
            if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
                throw ApiException.badParameter("date_start", "date_start must be on or before date_end.");
            }
            if (taxon.isPresent() && !"taxon".equals(taxonParam) && p.string("taxon").isPresent()) {
                throw ApiException.badParameter("taxon", "Give either taxon or determination, not both.");
            }
            return new Filters(p.optionalLong("event").orElse(null), p.optionalLong("deployment").orElse(null), rank,
                    p.optionalLong("detections__source_image").orElse(null), taxon.orElse(null), p.longs("algorithm"),
                    p.longs("not_algorithm"), start.orElse(null), end.orElse(null), p.bool("verified").orElse(null));
        }

        /** Whether a date filter is given: it needs the project's longest occurrence (see {@link #seenBetween}). */
        boolean dated() {
            return dateStart != null || dateEnd != null;
        }

        /**
         * @param longest the longest duration in seconds of an occurrence of the project (0 without one); read
         *                only when {@link #dated()}
         */
        Query<Occurrence> apply(Query<Occurrence> q, Context context, double longest) {
            if (event != null) {
                q = q.where(Occurrence_.EVENT.idEq(event));
            }
            if (deployment != null) {
                q = q.where(Occurrence_.DEPLOYMENT.idEq(deployment));
            }
            if (rank != null) {
                q = q.where(Occurrence_.DETERMINATION.then(Taxon_.RANK).eq(rank));
            }
            if (sourceImage != null) {
                q = q.where(Occurrence_.DETECTIONS.any(Detection_.SOURCE_IMAGE.idEq(sourceImage)));
            }
            if (taxon != null) {
                q = q.where(Occurrence_.DETERMINATION.idIn(context.taxa));
            }
            if (!algorithms.isEmpty()) {
                q = q.where(Occurrence_.CLASSIFICATIONS.any(Classification_.ALGORITHM.idIn(algorithms)));
            }
            if (!notAlgorithms.isEmpty()) {
                q = q.where(Occurrence_.CLASSIFICATIONS.none(Classification_.ALGORITHM.idIn(notAlgorithms)));
            }
            if (dated()) {
                q = q.where(seenBetween(dateStart, dateEnd, longest));
            }
            if (verified != null) {
                q = q.where(verified ? Occurrence_.IDENTIFICATIONS.isNotEmpty() : Occurrence_.IDENTIFICATIONS.isEmpty());
            }
            return q;
        }

        /**
         * {@code detections__timestamp__date} within [start, end], on one detection, answered from the maintained
         * first and last appearance (F, L) with at most a rare probe of main_detection. Some detection lies in
         * [S, E) exactly when F < E and L >= S and one of: F >= S (the first one is inside), L < E (the last one
         * is), or, for an occurrence that spans the whole range, a detection inside it (the probe). The bound
         * F >= S - {@code longest} (the project's longest duration, L - F, read from its index) changes no answer
         * but makes the search a range of the first-appearance index the size of the matches; it is a value, not
         * a subquery, so the planner estimates the rows and picks the ordering's index when they are many.
         */
        private static Predicate<Occurrence> seenBetween(LocalDate start, LocalDate end, double longest) {
            List<Predicate<Occurrence>> terms = new ArrayList<>();
            LocalDateTime s = start == null ? null : start.atStartOfDay();
            LocalDateTime e = end == null ? null : end.plusDays(1).atStartOfDay();
            if (s != null) {
                // Whole seconds and one more: a bound a little low only reads a few more index entries.
                terms.add(Maintained.FIRST_APPEARANCE.ge(s.minusSeconds((long) Math.ceil(longest) + 1)));
                terms.add(Maintained.LAST_APPEARANCE.ge(s)); // alone: some detection at or after S
            }
            if (e != null) {
                terms.add(Maintained.FIRST_APPEARANCE.lt(e)); // alone: some detection before E
            }
            if (s != null && e != null) {
                terms.add(Predicate.any(Maintained.FIRST_APPEARANCE.ge(s), Maintained.LAST_APPEARANCE.lt(e),
                        Occurrence_.DETECTIONS.any(Predicate.all(Detection_.TIMESTAMP.ge(s), Detection_.TIMESTAMP.lt(e)))));
            }
            return Predicate.all(terms);
        }

        /** Every algorithm id named by algorithm or not_algorithm. */
        List<Long> algorithmIds() {
            Set<Long> all = new LinkedHashSet<>(algorithms);
            all.addAll(notAlgorithms);
            return List.copyOf(all);
        }
    }

    /**
     * What the list needs before its page query, read in ONE statement: the project (404 when
     * unknown), its default filters with every descendant of their taxa, and a check of each id a
     * filter names (400 when unknown, as django-filter's choice fields answer).
     */
    public static final class Context {
        boolean draft;
        double scoreThreshold;
        List<Long> includeTaxa; // empty: no include filter
        List<Long> excludeTaxa;
        List<Long> taxa;        // the taxon filter's taxon and its descendants

        /** The project's draft flag and default filters (404 {@link ApiException} when unknown). */
        public static Context load(Connection c, long projectId) throws SQLException {
            return load(c, projectId, new Filters(null, null, null, null, null, List.of(), List.of(), null, null, null));
        }

        public boolean draft() {
            return draft;
        }

        public double scoreThreshold() {
            return scoreThreshold;
        }

        /** The include taxa and their descendants; empty when the project has no include filter. */
        public List<Long> includeTaxa() {
            return includeTaxa;
        }

        /** The exclude taxa and their descendants. */
        public List<Long> excludeTaxa() {
            return excludeTaxa;
        }

        static Context load(Connection c, long projectId, Filters f) throws SQLException {
            Map<String, String> checks = new LinkedHashMap<>(); // parameter -> table
            if (f.event() != null) checks.put("event", "main_event");
            if (f.deployment() != null) checks.put("deployment", "main_deployment");
            if (f.sourceImage() != null) checks.put("detections__source_image", "main_sourceimage");
            StringBuilder sql = new StringBuilder("SELECT p.draft, p.default_filters_score_threshold, ")
                    .append(descendantsOf("main_project_default_filters_include_taxa")).append(", ")
                    .append(descendantsOf("main_project_default_filters_exclude_taxa"));
            if (f.taxon() != null) {
                sql.append(", ARRAY(SELECT t.id FROM main_taxon t WHERE t.id = ? OR t.parents_json @> jsonb_build_array(jsonb_build_object('id', ?::bigint)))");
            }
            for (String table : checks.values()) {
                // table names come from the fixed map above, never from the request
                sql.append(", EXISTS(SELECT 1 FROM ").append(table).append(" WHERE id = ?)");
            }
            List<Long> algorithmIds = f.algorithmIds();
            if (!algorithmIds.isEmpty()) {
                sql.append(", ARRAY(SELECT id FROM ml_algorithm WHERE id = ANY(?))");
            }
            sql.append(" FROM main_project p WHERE p.id = ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (f.taxon() != null) {
                    ps.setLong(i++, f.taxon());
                    ps.setLong(i++, f.taxon());
                }
                if (f.event() != null) ps.setLong(i++, f.event());
                if (f.deployment() != null) ps.setLong(i++, f.deployment());
                if (f.sourceImage() != null) ps.setLong(i++, f.sourceImage());
                if (!algorithmIds.isEmpty()) {
                    ps.setArray(i++, c.createArrayOf("bigint", algorithmIds.toArray()));
                }
                ps.setLong(i, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound(); // DRF 3.14 says "Not found."
                    }
                    Context ctx = new Context();
                    int col = 1;
                    ctx.draft = rs.getBoolean(col++);
                    ctx.scoreThreshold = rs.getDouble(col++);
                    ctx.includeTaxa = longs(rs.getArray(col++));
                    ctx.excludeTaxa = longs(rs.getArray(col++));
                    if (f.taxon() != null) {
                        ctx.taxa = longs(rs.getArray(col++));
                        if (ctx.taxa.isEmpty()) {
                            throw ApiException.badParameter("taxon", "Taxon " + f.taxon() + " does not exist.");
                        }
                    }
                    for (String param : checks.keySet()) {
                        if (!rs.getBoolean(col++)) {
                            throw ApiException.badParameter(param,
                                    "Select a valid choice. That choice is not one of the available choices.");
                        }
                    }
                    if (!algorithmIds.isEmpty()) {
                        List<Long> known = longs(rs.getArray(col));
                        for (Long id : f.algorithms()) {
                            if (!known.contains(id)) {
                                throw ApiException.badParameter("algorithm", "Select a valid choice. " + id
                                        + " is not one of the available choices.");
                            }
                        }
                        for (Long id : f.notAlgorithms()) {
                            if (!known.contains(id)) {
                                throw ApiException.badParameter("not_algorithm", "Select a valid choice. " + id
                                        + " is not one of the available choices.");
                            }
                        }
                    }
                    return ctx;
                }
            }
        }

        /**
         * The default-filter taxa of the project and all their descendants (empty when it has none): a
         * lateral lookup per filter taxon, so the GIN index on parents_json answers each.
         */
        private static String descendantsOf(String table) {
            return "ARRAY(SELECT d.id FROM " + table + " f CROSS JOIN LATERAL (SELECT f.taxon_id AS id UNION"
                    + " SELECT t.id FROM main_taxon t WHERE t.parents_json @> jsonb_build_array(jsonb_build_object('id', f.taxon_id))) d"
                    + " WHERE f.project_id = p.id)";
        }

        private static List<Long> longs(Array array) throws SQLException {
            if (array == null) {
                return null;
            }
            Object[] values = (Object[]) array.getArray();
            List<Long> out = new ArrayList<>(values.length);
            for (Object v : values) {
                out.add(((Number) v).longValue());
            }
            return out;
        }
    }
}
