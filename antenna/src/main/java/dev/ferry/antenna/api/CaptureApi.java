package dev.ferry.antenna.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Deployment_;
import dev.ferry.antenna.model.Detection;
import dev.ferry.antenna.model.Detection_;
import dev.ferry.antenna.model.Event_;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Occurrence_;
import dev.ferry.antenna.model.SourceImage;
import dev.ferry.antenna.model.SourceImage_;
import dev.ferry.antenna.model.Taxon;
import dev.ferry.query.Expr;
import dev.ferry.query.Order;
import dev.ferry.query.Page;
import dev.ferry.query.Query;
import dev.ferry.query.Total;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/v2/captures/?project_id=}: the original's {@code SourceImageViewSet.list} with
 * {@code SourceImageListSerializer} (workload/antenna.md section 7), for an anonymous user.
 *
 * <p>Statements, whatever the page size: the project check (one), the page with its total and its
 * deployments and events joined (one); {@code with_detections=true} adds the detections with their
 * occurrences and determinations joined (one) and which of those occurrences pass the project's
 * default filters (one); {@code with_counts=true} adds the per-capture occurrence and taxa counts
 * (one, for the page's captures only).
 */
public final class CaptureApi {

    static final long DEFAULT_LIMIT = 10;
    static final long MAX_LIMIT = 1000;
    private static final Set<String> KNOWN = Set.of("project_id", "limit", "offset", "ordering", "event", "deployment",
            "project", "deployment__project", "has_detections", "with_detections", "with_counts", "apply_defaults",
            // accepted without effect, as in the original list (no search fields; the threshold is only
            // read once apply_default_filters has already returned)
            "classification_threshold", "search", "format");
    private static final Set<String> UNSUPPORTED = Set.of("collections", "collection", "collection_id");

    /** The original's {@code ordering_fields} this service can sort on; NULLs last, ties broken by id. */
    private static final Map<String, Expr<SourceImage, ?>> ORDERING = Map.ofEntries(
            Map.entry("created_at", SourceImage_.CREATED_AT),
            Map.entry("updated_at", SourceImage_.UPDATED_AT),
            Map.entry("timestamp", SourceImage_.TIMESTAMP),
            Map.entry("size", SourceImage_.SIZE),
            Map.entry("width", SourceImage_.WIDTH),
            Map.entry("height", SourceImage_.HEIGHT),
            Map.entry("detections_count", SourceImage_.DETECTIONS_COUNT),
            Map.entry("path", SourceImage_.PATH),
            Map.entry("deployment__name", SourceImage_.DEPLOYMENT.then(Deployment_.NAME)),
            Map.entry("event__start", SourceImage_.EVENT.then(Event_.START)));

    /** {@code prefetch_detections}: the capture's detections except the null-bbox placeholders. */
    private static final UnaryOperator<Query<Detection>> DETECTIONS = q -> q
            .where(Detection_.BBOX.isNotNull())
            .orderBy(Detection_.FRAME_NUM.asc(), Detection_.TIMESTAMP.asc(), Detection_.ID.asc())
            .join(Detection_.OCCURRENCE.then(Occurrence_.DETERMINATION));

    private final Ferry ferry;
    private final String mediaBase;
    private final Total total;

    /** @param mediaBase URL prefix of stored files; null serves them under the server's own {@code /media/} */
    public CaptureApi(Ferry ferry, String mediaBase) {
        this(ferry, mediaBase, Duration.ZERO);
    }

    /** @param countCache how long a total (and a deep page's position) is reused, as the occurrence list does */
    public CaptureApi(Ferry ferry, String mediaBase, Duration countCache) {
        this.ferry = ferry;
        this.mediaBase = mediaBase;
        this.total = OccurrenceApi.totals(countCache);
    }

    public JsonBody list(ApiRequest request) {
        Params params = request.query();
        checkNames(request.params().keySet());
        long projectId = params.requiredLong("project_id");
        long limit = params.bounded("limit", DEFAULT_LIMIT, MAX_LIMIT);
        if (limit == 0) {
            throw ApiException.badParameter("limit", "Ensure this value is greater than or equal to 1.");
        }
        long offset = params.bounded("offset", 0, Long.MAX_VALUE);
        List<Order<SourceImage>> ordering = ordering(params.string("ordering").orElse(null));
        Filters filters = new Filters(params.optionalLong("event"), params.optionalLong("deployment"),
                params.optionalLong("project"), params.optionalLong("deployment__project"),
                params.bool("has_detections"));
        boolean withDetections = params.bool("with_detections").orElse(false);
        boolean withCounts = params.bool("with_counts").orElse(false);
        boolean applyDefaults = params.bool("apply_defaults").orElse(true);

        Loaded loaded = ferry.inTransaction(tx -> {
            boolean draft = tx.withConnection(c -> checkProject(c, projectId, filters));
            if (draft) {
                // As for occurrences (see OccurrenceApi.list): the original's SourceImageViewSet also reads its rows
                // through DefaultViewSet.get_queryset's visible_for_user, so a draft project's list is empty, not a 404.
                return Loaded.NOTHING;
            }
            Query<SourceImage> q = filters.apply(tx.from(SourceImage.class).where(SourceImage_.PROJECT.idEq(projectId)))
                    .join(SourceImage_.DEPLOYMENT, SourceImage_.EVENT)
                    .orderBy(ordering)
                    .limit(limit)
                    .offset(offset);
            if (withDetections) {
                q = q.prefetch(SourceImage_.DETECTIONS, DETECTIONS);
            }
            Page<SourceImage> page = q.page(total);
            Set<Long> qualifying = withDetections
                    ? tx.withConnection(c -> qualifyingOccurrences(c, projectId, occurrenceIds(page.rows()), applyDefaults))
                    : Set.of();
            Map<Long, long[]> counts = withCounts
                    ? tx.withConnection(c -> counts(c, projectId, page.rows(), applyDefaults))
                    : Map.of();
            return new Loaded(page, qualifying, counts);
        });

        return json -> {
            Links links = Links.of(request, mediaBase);
            json.writeStartObject();
            json.writeNumberField("count", loaded.page().total());
            json.writeStringField("next", PageLinks.next(request, limit, offset, loaded.page().total()));
            json.writeStringField("previous", PageLinks.previous(request, limit, offset));
            json.writeArrayFieldStart("results");
            for (SourceImage s : loaded.page().rows()) {
                capture(json, links, s, loaded, withDetections, withCounts);
            }
            json.writeEndArray();
            NestedJson.noPermissions(json);
            json.writeEndObject();
        };
    }

    /** What one request loaded: the page, the occurrences passing the default filters, the per-capture counts. */
    private record Loaded(Page<SourceImage> page, Set<Long> qualifying, Map<Long, long[]> counts) {
        static final Loaded NOTHING = new Loaded(new Page<>(List.of(), 0), Set.of(), Map.of());
    }

    // ---------------------------------------------------------------- parameters

    /** The filters of the original's {@code filterset_fields}, plus {@code has_detections}. */
    private record Filters(Optional<Long> event, Optional<Long> deployment, Optional<Long> project,
                           Optional<Long> deploymentProject, Optional<Boolean> hasDetections) {

        Query<SourceImage> apply(Query<SourceImage> q) {
            if (event.isPresent()) {
                q = q.where(SourceImage_.EVENT.idEq(event.get()));
            }
            if (deployment.isPresent()) {
                q = q.where(SourceImage_.DEPLOYMENT.idEq(deployment.get()));
            }
            if (project.isPresent()) {
                q = q.where(SourceImage_.PROJECT.idEq(project.get()));
            }
            if (deploymentProject.isPresent()) {
                q = q.where(SourceImage_.DEPLOYMENT.then(Deployment_.PROJECT).idEq(deploymentProject.get()));
            }
            if (hasDetections.isPresent()) {
                q = q.where(hasDetections.get() ? SourceImage_.DETECTIONS.isNotEmpty() : SourceImage_.DETECTIONS.isEmpty());
            }
            return q;
        }
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

    /** The {@code ordering} parameter: a comma list of fields, {@code -} for descending; default {@code timestamp}. */
    static List<Order<SourceImage>> ordering(String param) {
        String value = param == null || param.isBlank() ? "timestamp" : param;
        List<Order<SourceImage>> orders = new ArrayList<>();
        for (String raw : value.split(",")) {
            String term = raw.trim();
            boolean descending = term.startsWith("-");
            String field = descending ? term.substring(1) : term;
            Expr<SourceImage, ?> expr = ORDERING.get(field);
            if (expr == null) {
                throw ApiException.badParameter("ordering", "Unknown ordering field '" + field + "'; allowed: "
                        + String.join(", ", new TreeSet<>(ORDERING.keySet())) + " (prefix - for descending).");
            }
            orders.add(new Order<>(expr, descending, Order.Nulls.LAST));
        }
        return orders; // Ferry ends it with the id, in the last term's direction: a stable order across pages
    }

    // ---------------------------------------------------------------- statements beside Ferry's

    /**
     * The project (404 when unknown) and each id a filter names (400 when unknown, as django-filter's
     * choice fields answer), in one statement. Returns whether the project is a draft.
     */
    private static boolean checkProject(Connection c, long projectId, Filters f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT p.draft");
        if (f.event().isPresent()) {
            sql.append(", EXISTS (SELECT 1 FROM main_event WHERE id = ?)");
        }
        if (f.deployment().isPresent()) {
            sql.append(", EXISTS (SELECT 1 FROM main_deployment WHERE id = ?)");
        }
        sql.append(" FROM main_project p WHERE p.id = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (f.event().isPresent()) {
                ps.setLong(i++, f.event().get());
            }
            if (f.deployment().isPresent()) {
                ps.setLong(i++, f.deployment().get());
            }
            ps.setLong(i, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound();
                }
                int col = 2;
                if (f.event().isPresent() && !rs.getBoolean(col++)) {
                    throw invalidChoice("event");
                }
                if (f.deployment().isPresent() && !rs.getBoolean(col)) {
                    throw invalidChoice("deployment");
                }
                return rs.getBoolean(1);
            }
        }
    }

    private static ApiException invalidChoice(String param) {
        return ApiException.badParameter(param, "Select a valid choice. That choice is not one of the available choices.");
    }

    private static List<Long> occurrenceIds(List<SourceImage> captures) {
        Set<Long> ids = new LinkedHashSet<>();
        for (SourceImage s : captures) {
            for (Detection d : s.detections()) {
                Long id = d.occurrence().id();
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Which of {@code occurrenceIds} pass the request project's default filters ({@code occurrence_meets_criteria}). */
    private static Set<Long> qualifyingOccurrences(Connection c, long projectId, List<Long> occurrenceIds,
                                                   boolean applyDefaults) throws SQLException {
        if (occurrenceIds.isEmpty()) {
            return Set.of();
        }
        String sql = "SELECT o.id FROM main_occurrence o JOIN main_project p ON p.id = ?"
                + " WHERE o.id = ANY(?) AND " + DefaultFilterSql.passes(applyDefaults);
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, projectId);
            ps.setArray(2, c.createArrayOf("bigint", occurrenceIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * {@code with_occurrences_count} and {@code with_taxa_count} for the page's captures only: the
     * distinct occurrences, and the distinct determinations, of their detections that pass the default filters.
     */
    private static Map<Long, long[]> counts(Connection c, long projectId, List<SourceImage> captures,
                                            boolean applyDefaults) throws SQLException {
        if (captures.isEmpty()) {
            return Map.of();
        }
        Object[] ids = captures.stream().map(SourceImage::id).toArray();
        String sql = "SELECT d.source_image_id, COUNT(DISTINCT o.id), COUNT(DISTINCT o.determination_id)"
                + " FROM main_detection d JOIN main_occurrence o ON o.id = d.occurrence_id JOIN main_project p ON p.id = ?"
                + " WHERE d.source_image_id = ANY(?) AND " + DefaultFilterSql.passes(applyDefaults)
                + " GROUP BY d.source_image_id";
        Map<Long, long[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, projectId);
            ps.setArray(2, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- JSON

    /** {@code SourceImageListSerializer}. */
    private static void capture(JsonGenerator json, Links links, SourceImage s, Loaded loaded, boolean withDetections,
                                boolean withCounts) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", s.id());
        json.writeStringField("details", links.api("captures", s.id()));
        json.writeFieldName("deployment");
        NestedJson.deployment(json, links, s.deployment().get());
        json.writeFieldName("event");
        NestedJson.event(json, links, s.event().get());
        json.writeStringField("url", NestedJson.captureUrl(links, s));
        json.writeStringField("path", s.path());
        NestedJson.timestamp(json, "timestamp", s.timestamp());
        NestedJson.number(json, "width", s.width());
        NestedJson.number(json, "height", s.height());
        NestedJson.number(json, "size", s.size());
        json.writeStringField("size_display", Sizes.display(s.size()));
        NestedJson.number(json, "detections_count", s.detectionsCount());
        long[] counts = withCounts ? loaded.counts().getOrDefault(s.id(), new long[2]) : null;
        NestedJson.number(json, "occurrences_count", counts == null ? null : counts[0]);
        NestedJson.number(json, "taxa_count", counts == null ? null : counts[1]);
        json.writeArrayFieldStart("detections");
        if (withDetections) {
            for (Detection d : s.detections()) {
                detection(json, links, d, loaded.qualifying());
            }
        }
        json.writeEndArray();
        NestedJson.id(json, "project", s.project().id());
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }

    /**
     * {@code CaptureDetectionsSerializer}: {@code id, details, url, width, height, bbox, occurrence,
     * classifications} (a link to the detection's classifications), {@code occurrence_meets_criteria}.
     * Width and height are the model's placeholders (always null).
     */
    private static void detection(JsonGenerator json, Links links, Detection d, Set<Long> qualifying) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeStringField("details", links.api("detections", d.id()));
        json.writeStringField("url", d.path() == null ? null : links.media(d.path()));
        json.writeNullField("width");
        json.writeNullField("height");
        json.writeFieldName("bbox");
        if (d.bbox() == null) {
            json.writeNull();
        } else {
            json.writeRawValue(d.bbox()); // jsonb text from PostgreSQL: already valid JSON
        }
        json.writeFieldName("occurrence");
        occurrence(json, links, d.occurrence().get());
        json.writeStringField("classifications", links.root() + "/api/v2/classifications/?detection=" + d.id());
        Long occurrenceId = d.occurrence().id();
        json.writeBooleanField("occurrence_meets_criteria", occurrenceId != null && qualifying.contains(occurrenceId));
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }

    /**
     * {@code CaptureOccurrenceSerializer}: {@code id, details, determination} (TaxonNoParentNested),
     * {@code determination_score, determination_algorithm} (null: the model has no such column).
     */
    private static void occurrence(JsonGenerator json, Links links, Occurrence o) throws IOException {
        if (o == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", o.id());
        json.writeStringField("details", links.api("occurrences", o.id()));
        json.writeFieldName("determination");
        Taxon t = o.determination().get();
        if (t == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeNumberField("id", t.id());
            json.writeStringField("name", t.name());
            json.writeStringField("rank", t.rank());
            json.writeStringField("details", links.api("taxa", t.id()));
            NestedJson.number(json, "gbif_taxon_key", t.gbifTaxonKey());
            json.writeStringField("fieldguide_id", t.fieldguideId());
            NestedJson.number(json, "inat_taxon_id", t.inatTaxonId());
            json.writeStringField("cover_image_url", t.coverImageUrl());
            json.writeStringField("cover_image_credit", t.coverImageCredit());
            NestedJson.noPermissions(json);
            json.writeEndObject();
        }
        NestedJson.number(json, "determination_score", o.determinationScore());
        json.writeNullField("determination_algorithm");
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }
}
