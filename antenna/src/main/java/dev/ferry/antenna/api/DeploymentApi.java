package dev.ferry.antenna.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.Ferry;
import dev.ferry.antenna.model.Deployment;
import dev.ferry.antenna.model.Deployment_;
import dev.ferry.antenna.model.Device;
import dev.ferry.antenna.model.Event;
import dev.ferry.antenna.model.Event_;
import dev.ferry.antenna.model.Job;
import dev.ferry.antenna.model.Job_;
import dev.ferry.antenna.model.Project;
import dev.ferry.antenna.model.Project_;
import dev.ferry.antenna.model.S3StorageSource;
import dev.ferry.antenna.model.Site;
import dev.ferry.antenna.model.SourceImage;
import dev.ferry.antenna.model.SourceImage_;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v2/deployments/{id}/}: the original's {@code DeploymentViewSet.retrieve} with
 * {@code DeploymentSerializer} (workload/antenna.md section 7), for an anonymous user.
 *
 * <p>Six statements whatever the station's size: the deployment with its project, device, research
 * site and data source joined; its events; its jobs; its ten largest captures and its manually
 * uploaded captures (two named prefetches of the same relation, the first cut per parent in SQL); and
 * the distinct taxa per event.
 */
public final class DeploymentApi {

    static final String EXAMPLE_CAPTURES = "example_captures";
    static final String UPLOADED_CAPTURES = "manually_uploaded_captures";
    static final int EXAMPLE_CAPTURE_COUNT = 10;

    private final Ferry ferry;
    private final String mediaBase;

    /** @param mediaBase URL prefix of stored files; null serves them under the server's own {@code /media/} */
    public DeploymentApi(Ferry ferry, String mediaBase) {
        this.ferry = ferry;
        this.mediaBase = mediaBase;
    }

    public JsonBody detail(ApiRequest request, long id) {
        Loaded loaded = ferry.inTransaction(tx -> tx.from(Deployment.class)
                .where(Deployment_.PROJECT.then(Project_.DRAFT).eq(false)) // anonymous users see no draft project
                .join(Deployment_.PROJECT, Deployment_.DEVICE, Deployment_.RESEARCH_SITE, Deployment_.DATA_SOURCE)
                .prefetch(Deployment_.EVENTS, q -> q.orderBy(Event_.START.asc(), Event_.ID.asc()))
                .prefetch(Deployment_.JOBS, q -> q.orderBy(Job_.CREATED_AT.desc(), Job_.ID.desc()))
                .prefetch(Deployment_.CAPTURES.as(EXAMPLE_CAPTURES), q -> q
                        .orderBy(SourceImage_.SIZE.desc().nullsLast(), SourceImage_.ID.asc())
                        .limit(EXAMPLE_CAPTURE_COUNT))
                .prefetch(Deployment_.CAPTURES.as(UPLOADED_CAPTURES), q -> q
                        .where(SourceImage_.UPLOADED_BY.isNotNull())
                        .orderBy(SourceImage_.CREATED_AT.asc(), SourceImage_.ID.asc()))
                .find(id)
                .map(d -> new Loaded(d, tx.withConnection(c -> eventTaxaCounts(c, id))))
                .orElseThrow(ApiException::notFound));
        return json -> write(json, Links.of(request, mediaBase), loaded);
    }

    private record Loaded(Deployment deployment, Map<Long, Long> eventTaxa) {
    }

    /**
     * {@code EventQuerySet.with_taxa_count}: per event of the deployment, the distinct determinations of
     * its occurrences that pass the project's default filters.
     */
    private static Map<Long, Long> eventTaxaCounts(Connection c, long deploymentId) throws SQLException {
        String sql = "SELECT o.event_id, COUNT(DISTINCT o.determination_id) FROM main_occurrence o"
                + " JOIN main_deployment dep ON dep.id = o.deployment_id JOIN main_project p ON p.id = dep.project_id"
                + " WHERE o.deployment_id = ? AND o.event_id IS NOT NULL AND " + DefaultFilterSql.passes(true)
                + " GROUP BY o.event_id";
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, deploymentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- JSON

    /** {@code DeploymentSerializer}, without its write-only fields. */
    private static void write(JsonGenerator json, Links links, Loaded loaded) throws IOException {
        Deployment d = loaded.deployment();
        Project project = d.project().get();
        S3StorageSource source = d.dataSource().get();
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeStringField("name", d.name());
        json.writeStringField("details", links.api("deployments", d.id()));
        json.writeStringField("image", d.image() == null ? null : links.media(d.image()));
        json.writeArrayFieldStart("events");
        for (Event e : d.events()) {
            json.writeStartObject();
            json.writeNumberField("id", e.id());
            json.writeStringField("name", EventLabels.name(e.start(), e.end()));
            json.writeStringField("details", links.api("events", e.id()));
            NestedJson.number(json, "occurrences_count", e.occurrencesCount());
            json.writeNumberField("taxa_count", loaded.eventTaxa().getOrDefault(e.id(), 0L));
            NestedJson.noPermissions(json);
            json.writeEndObject();
        }
        json.writeEndArray();
        // The original links to the occurrence list filtered by this station; the project makes it usable here.
        json.writeStringField("occurrences", links.root() + "/api/v2/occurrences/?deployment=" + d.id()
                + (project == null ? "" : "&project_id=" + project.id()));
        NestedJson.number(json, "events_count", d.eventsCount());
        NestedJson.number(json, "captures_count", d.capturesCount());
        NestedJson.number(json, "detections_count", d.detectionsCount());
        NestedJson.number(json, "occurrences_count", d.occurrencesCount());
        NestedJson.number(json, "taxa_count", d.taxaCount());
        json.writeFieldName("project");
        project(json, links, project);
        NestedJson.timestamp(json, "created_at", d.createdAt());
        NestedJson.timestamp(json, "updated_at", d.updatedAt());
        NestedJson.number(json, "latitude", d.latitude());
        NestedJson.number(json, "longitude", d.longitude());
        date(json, "first_date", d.firstCaptureTimestamp());
        date(json, "last_date", d.lastCaptureTimestamp());
        NestedJson.timestamp(json, "first_capture_timestamp", d.firstCaptureTimestamp());
        NestedJson.timestamp(json, "last_capture_timestamp", d.lastCaptureTimestamp());
        json.writeFieldName("device");
        Device device = d.device().get();
        named(json, device == null ? null : device.id(), device == null ? null : device.name(),
                device == null ? null : links.api("deployments/devices", device.id()));
        json.writeFieldName("research_site");
        Site site = d.researchSite().get();
        named(json, site == null ? null : site.id(), site == null ? null : site.name(),
                site == null ? null : links.api("deployments/sites", site.id()));
        json.writeArrayFieldStart("jobs");
        for (Job job : d.jobs()) {
            job(json, links, job);
        }
        json.writeEndArray();
        String uri = dataSourceUri(d, source);
        json.writeFieldName("data_source");
        dataSource(json, links, source, uri);
        json.writeStringField("data_source_uri", uri);
        NestedJson.number(json, "data_source_total_files", d.dataSourceTotalFiles());
        NestedJson.number(json, "data_source_total_size", d.dataSourceTotalSize());
        json.writeStringField("data_source_total_size_display", Sizes.display(d.dataSourceTotalSize()));
        NestedJson.timestamp(json, "data_source_last_checked", d.dataSourceLastChecked());
        json.writeStringField("data_source_subdir", d.dataSourceSubdir());
        json.writeStringField("data_source_regex", d.dataSourceRegex());
        json.writeStringField("description", d.description());
        json.writeArrayFieldStart(EXAMPLE_CAPTURES);
        for (SourceImage s : d.captures().named(EXAMPLE_CAPTURES)) {
            capture(json, links, s);
        }
        json.writeEndArray();
        json.writeArrayFieldStart(UPLOADED_CAPTURES);
        for (SourceImage s : d.captures().named(UPLOADED_CAPTURES)) {
            capture(json, links, s);
        }
        json.writeEndArray();
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }

    /** {@code ProjectNestedSerializer}: {@code id, name, image, details}, or null. */
    private static void project(JsonGenerator json, Links links, Project p) throws IOException {
        if (p == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", p.id());
        json.writeStringField("name", p.name());
        json.writeStringField("image", p.image() == null ? null : links.media(p.image()));
        json.writeStringField("details", links.api("projects", p.id()));
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }

    /** {@code DeviceNestedSerializer} and {@code SiteNestedSerializer}: {@code id, name, details}, or null. */
    private static void named(JsonGenerator json, Long id, String name, String details) throws IOException {
        if (id == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("name", name);
        json.writeStringField("details", details);
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }

    /** {@code JobStatusSerializer}, plus the job's name: {@code id, details, name, status, job_type {name, key}, ...}. */
    private static void job(JsonGenerator json, Links links, Job job) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", job.id());
        json.writeStringField("details", links.api("jobs", job.id()));
        json.writeStringField("name", job.name());
        json.writeStringField("status", job.status());
        json.writeObjectFieldStart("job_type");
        json.writeStringField("name", jobTypeName(job.jobTypeKey()));
        json.writeStringField("key", job.jobTypeKey());
        json.writeEndObject();
        NestedJson.timestamp(json, "created_at", job.createdAt());
        NestedJson.timestamp(json, "updated_at", job.updatedAt());
        NestedJson.timestamp(json, "started_at", job.startedAt());
        NestedJson.timestamp(json, "finished_at", job.finishedAt());
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }

    /** The display names of the original's job types ({@code ami/jobs/models.py}); other keys are humanised. */
    static String jobTypeName(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "ml" -> "ML pipeline";
            case "data_storage_sync" -> "Data storage sync";
            case "populate_captures_collection" -> "Populate captures collection";
            case "data_export" -> "Data Export";
            case "unknown" -> "Unknown";
            default -> {
                String words = key.replace('_', ' ').trim();
                yield words.isEmpty() ? key : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
            }
        };
    }

    /**
     * {@code StorageSourceNestedSerializer} ({@code id, name, details}) with the bucket and prefix, and the
     * {@code uri} the original adds after serializing.
     */
    private static void dataSource(JsonGenerator json, Links links, S3StorageSource s, String uri) throws IOException {
        if (s == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", s.id());
        json.writeStringField("name", s.name());
        json.writeStringField("bucket", s.bucket());
        json.writeStringField("prefix", s.prefix());
        json.writeStringField("details", links.api("storage", s.id()));
        NestedJson.noPermissions(json);
        json.writeStringField("uri", uri);
        json.writeEndObject();
    }

    /**
     * {@code Deployment.data_source_uri()}: {@code s3://bucket/prefix}, the station's subfolder, and its
     * file regex as a query; null without a data source.
     */
    static String dataSourceUri(Deployment d, S3StorageSource s) {
        if (s == null) {
            return null;
        }
        StringBuilder uri = new StringBuilder("s3://");
        String separator = "";
        for (String part : new String[] {s.bucket(), s.prefix()}) {
            String trimmed = part == null ? "" : strip(part);
            if (!trimmed.isEmpty()) {
                uri.append(separator).append(trimmed);
                separator = "/";
            }
        }
        if (d.dataSourceSubdir() != null && !strip(d.dataSourceSubdir()).isEmpty()) {
            uri.append('/').append(strip(d.dataSourceSubdir())).append('/');
        }
        if (d.dataSourceRegex() != null && !d.dataSourceRegex().isEmpty()) {
            uri.append("?regex=").append(d.dataSourceRegex());
        }
        return uri.toString();
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code DeploymentCaptureNestedSerializer}: {@code id, details, url, width, height, timestamp, event {id, details}}. */
    private static void capture(JsonGenerator json, Links links, SourceImage s) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", s.id());
        json.writeStringField("details", links.api("captures", s.id()));
        json.writeStringField("url", NestedJson.captureUrl(links, s));
        NestedJson.number(json, "width", s.width());
        NestedJson.number(json, "height", s.height());
        NestedJson.timestamp(json, "timestamp", s.timestamp());
        json.writeFieldName("event");
        Object eventId = s.event().id();
        if (eventId == null) {
            json.writeNull();
        } else {
            long event = ((Number) eventId).longValue();
            json.writeStartObject();
            json.writeNumberField("id", event);
            json.writeStringField("details", links.api("events", event));
            json.writeEndObject();
        }
        NestedJson.noPermissions(json);
        json.writeEndObject();
    }

    private static void date(JsonGenerator json, String name, LocalDateTime t) throws IOException {
        if (t == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, t.toLocalDate().toString());
        }
    }
}
