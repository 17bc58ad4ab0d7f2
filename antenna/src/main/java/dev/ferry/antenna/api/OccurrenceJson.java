package dev.ferry.antenna.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ferry.antenna.model.Algorithm;
import dev.ferry.antenna.model.CategoryMap;
import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Deployment;
import dev.ferry.antenna.model.Detection;
import dev.ferry.antenna.model.Event;
import dev.ferry.antenna.model.Identification;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.SourceImage;
import dev.ferry.antenna.model.Taxon;
import dev.ferry.antenna.model.User;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The occurrence serializers of the original API (workload/antenna.md section 3): keys, order and
 * nesting exactly as DRF writes them for an anonymous user, every {@code user_permissions} empty.
 * One instance per response: it caches each taxon's parsed ancestor list.
 */
final class OccurrenceJson {

    private static final JsonFactory PARSER = new JsonFactory();
    static final int LIST_DETECTION_IMAGES = 1;
    static final int DETAIL_DETECTION_IMAGES = 100;

    private final JsonGenerator json;
    private final Links links;
    private final Map<Long, List<String[]>> parents = new HashMap<>();

    OccurrenceJson(JsonGenerator json, Links links) {
        this.json = json;
        this.links = links;
    }

    /**
     * What the detail ({@code OccurrenceSerializer}) adds to the list's document: loaded with the occurrence
     * ({@link #loaded}), or read from the database while the document is written, for an occurrence with more
     * detections than a document should hold in memory at once (OccurrenceApi).
     */
    interface Detail {
        /** {@code Occurrence.predictions()}: over every classification of every detection. */
        List<Classification> predictions();

        /** The first {@link #DETAIL_DETECTION_IMAGES} detections with an image, in {@code detection_images} order. */
        List<Detection> images();

        /** Writes every detection, in the detail's order, with {@code each}. */
        void detections(DetectionWriter each) throws IOException;
    }

    @FunctionalInterface
    interface DetectionWriter {
        void write(Detection d) throws IOException;
    }

    /** The detail of an occurrence loaded whole: its detections with their classifications prefetched. */
    static Detail loaded(Occurrence o) {
        List<Detection> detections = o.detections().get();
        List<Classification> predictions = Determinations.predictions(detailClassifications(detections));
        return new Detail() {
            @Override
            public List<Classification> predictions() {
                return predictions;
            }

            @Override
            public List<Detection> images() {
                List<Detection> out = new ArrayList<>();
                for (Detection d : imageOrder(detections)) {
                    if (d.path() != null && out.size() < DETAIL_DETECTION_IMAGES) {
                        out.add(d);
                    }
                }
                return out;
            }

            @Override
            public void detections(DetectionWriter each) throws IOException {
                for (Detection d : detections) {
                    each.write(d);
                }
            }
        };
    }

    /** {@code OccurrenceListSerializer}. */
    void occurrence(Occurrence o) throws IOException {
        occurrence(o, null);
    }

    /** {@code OccurrenceListSerializer}, or with {@code detail} {@code OccurrenceSerializer}. */
    void occurrence(Occurrence o, Detail detail) throws IOException {
        List<Identification> identifications = newestFirst(o.identifications().get());
        List<Classification> predictions = detail != null ? detail.predictions()
                : Determinations.predictions(o.classifications().get());
        Identification bestIdentification = Determinations.bestIdentification(identifications);
        Classification bestPrediction = Determinations.bestOf(predictions);
        Taxon determination = o.determination().get();

        json.writeStartObject();
        json.writeNumberField("id", o.id());
        json.writeStringField("details", links.api("occurrences", o.id()));
        json.writeFieldName("event");
        eventNested(o.event().get());
        json.writeFieldName("deployment");
        deploymentNested(o.deployment().get());
        timestampField("first_appearance_timestamp", o.firstAppearanceTimestamp());
        json.writeFieldName("first_appearance_time");
        if (o.firstAppearanceTime() == null) {
            json.writeNull();
        } else {
            json.writeString(Json.time(o.firstAppearanceTime()));
        }
        Duration duration = o.firstAppearanceTimestamp() == null || o.lastAppearanceTimestamp() == null ? null
                : Duration.between(o.firstAppearanceTimestamp(), o.lastAppearanceTimestamp());
        json.writeFieldName("duration");
        if (duration == null) {
            json.writeNull();
        } else {
            json.writeString(totalSeconds(duration));
        }
        json.writeStringField("duration_label", durationLabel(duration));
        json.writeFieldName("determination");
        captureTaxon(determination);
        json.writeFieldName("detections_count");
        writeNumber(o.detectionsCount());
        json.writeArrayFieldStart("detection_images");
        if (detail != null) {
            for (Detection d : detail.images()) {
                json.writeString(links.media(d.path()));
            }
        } else if (o.firstDetectionPath() != null) {
            json.writeString(links.media(o.firstDetectionPath()));
        }
        json.writeEndArray();
        json.writeFieldName("determination_score");
        writeNumber(o.determinationScore());

        json.writeObjectFieldStart("determination_details");
        json.writeFieldName("taxon");
        taxonNested(determination);
        json.writeFieldName("identification");
        if (bestIdentification == null) {
            json.writeNull();
        } else {
            identification(bestIdentification);
        }
        json.writeFieldName("prediction");
        if (bestIdentification != null || bestPrediction == null) {
            json.writeNull();
        } else {
            classificationNested(bestPrediction);
        }
        json.writeFieldName("score");
        writeNumber(o.determinationScore());
        json.writeEndObject();

        json.writeFieldName("best_machine_prediction");
        if (bestPrediction == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeFieldName("taxon");
            taxonNested(bestPrediction.taxon().get());
            json.writeFieldName("algorithm");
            algorithmNested(bestPrediction.algorithm().get());
            json.writeFieldName("score");
            writeNumber(bestPrediction.score());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("identifications");
        for (Identification i : identifications) {
            identification(i);
        }
        json.writeEndArray();
        timestampField("created_at", o.createdAt());
        timestampField("updated_at", o.updatedAt());
        if (detail != null) {
            json.writeFieldName("determination_id");
            writeNumber(o.determination().<Long>id());
            json.writeArrayFieldStart("detections");
            detail.detections(this::detection);
            json.writeEndArray();
            json.writeArrayFieldStart("predictions");
            for (Classification c : predictions) {
                classificationNested(c);
            }
            json.writeEndArray();
        }
        noPermissions();
        json.writeEndObject();
    }

    // ---------------------------------------------------------------- nested serializers

    private void eventNested(Event e) throws IOException {
        if (e == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", e.id());
        json.writeStringField("name", EventLabels.name(e.start(), e.end()));
        json.writeStringField("details", links.api("events", e.id()));
        json.writeStringField("date_label", EventLabels.dateLabel(e.start(), e.end()));
        noPermissions();
        json.writeEndObject();
    }

    private void deploymentNested(Deployment d) throws IOException {
        if (d == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeStringField("name", d.name());
        json.writeStringField("details", links.api("deployments", d.id()));
        noPermissions();
        json.writeEndObject();
    }

    /** {@code CaptureTaxonSerializer}: its {@code parents} field is skipped by DRF (no such attribute). */
    private void captureTaxon(Taxon t) throws IOException {
        if (t == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", t.id());
        json.writeStringField("name", t.name());
        json.writeFieldName("parent");
        taxonNoParent(t.parent().get());
        json.writeStringField("rank", t.rank());
        json.writeStringField("details", links.api("taxa", t.id()));
        noPermissions();
        json.writeEndObject();
    }

    private void taxonNoParent(Taxon t) throws IOException {
        if (t == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        taxonNoParentFields(t);
        noPermissions();
        json.writeEndObject();
    }

    private void taxonNoParentFields(Taxon t) throws IOException {
        json.writeNumberField("id", t.id());
        json.writeStringField("name", t.name());
        json.writeStringField("rank", t.rank());
        json.writeStringField("details", links.api("taxa", t.id()));
        json.writeFieldName("gbif_taxon_key");
        writeNumber(t.gbifTaxonKey());
        json.writeStringField("fieldguide_id", t.fieldguideId());
        json.writeFieldName("inat_taxon_id");
        writeNumber(t.inatTaxonId());
        json.writeStringField("cover_image_url", t.coverImageUrl());
        json.writeStringField("cover_image_credit", t.coverImageCredit());
    }

    /** {@code TaxonNestedSerializer}: the no-parent fields, the parent, and the ancestors from parents_json. */
    private void taxonNested(Taxon t) throws IOException {
        if (t == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        taxonNoParentFields(t);
        json.writeFieldName("parent");
        taxonNoParent(t.parent().get());
        json.writeArrayFieldStart("parents");
        for (String[] p : parents(t)) {
            json.writeStartObject();
            json.writeFieldName("id");
            json.writeNumber(p[0]);
            json.writeStringField("name", p[1]);
            json.writeStringField("rank", p[2]);
            json.writeEndObject();
        }
        json.writeEndArray();
        noPermissions();
        json.writeEndObject();
    }

    private void userNested(User u) throws IOException {
        if (u == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", u.id());
        json.writeStringField("name", u.name());
        json.writeStringField("image", u.image() == null ? null : links.media(u.image()));
        json.writeStringField("details", links.api("users", u.id()));
        noPermissions();
        json.writeEndObject();
    }

    /** {@code OccurrenceIdentificationSerializer}; an anonymous user may delete none. */
    private void identification(Identification i) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", i.id());
        json.writeStringField("details", links.api("identifications", i.id()));
        json.writeFieldName("taxon");
        taxonNested(i.taxon().get());
        json.writeFieldName("user");
        userNested(i.user().get());
        json.writeBooleanField("withdrawn", i.withdrawn());
        json.writeStringField("comment", i.comment());
        timestampField("created_at", i.createdAt());
        noPermissions();
        json.writeEndObject();
    }

    /** {@code ClassificationNestedSerializer} (pre-fix shape: no {@code applied_to}), with the full algorithm. */
    private void classificationNested(Classification c) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", c.id());
        json.writeStringField("details", links.api("classifications", c.id()));
        json.writeFieldName("taxon");
        taxonNested(c.taxon().get());
        json.writeFieldName("score");
        writeNumber(c.score());
        json.writeBooleanField("terminal", c.terminal());
        json.writeFieldName("algorithm");
        algorithm(c.algorithm().get());
        timestampField("created_at", c.createdAt());
        noPermissions();
        json.writeEndObject();
    }

    private void algorithmNested(Algorithm a) throws IOException {
        if (a == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", a.id());
        json.writeStringField("details", links.api("ml/algorithms", a.id()));
        json.writeStringField("name", a.name());
        json.writeStringField("key", a.key());
        json.writeNumberField("version", a.version());
        json.writeStringField("version_name", a.versionName());
        timestampField("created_at", a.createdAt());
        timestampField("updated_at", a.updatedAt());
        noPermissions();
        json.writeEndObject();
    }

    /** {@code AlgorithmSerializer}; {@code category_count} is only ever annotated elsewhere, so null. */
    private void algorithm(Algorithm a) throws IOException {
        if (a == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", a.id());
        json.writeStringField("details", links.api("ml/algorithms", a.id()));
        json.writeStringField("name", a.name());
        json.writeStringField("key", a.key());
        json.writeStringField("description", a.description());
        json.writeStringField("uri", a.uri());
        json.writeNumberField("version", a.version());
        json.writeStringField("version_name", a.versionName());
        json.writeStringField("task_type", a.taskType());
        json.writeFieldName("category_map");
        CategoryMap m = a.categoryMap().get();
        if (m == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeNumberField("id", m.id());
            json.writeStringField("details", links.api("ml/labels", m.id()));
            noPermissions();
            json.writeEndObject();
        }
        json.writeNullField("category_count");
        timestampField("created_at", a.createdAt());
        timestampField("updated_at", a.updatedAt());
        noPermissions();
        json.writeEndObject();
    }

    /** {@code DetectionNestedSerializer} (detail): width/height are the model's None placeholders. */
    private void detection(Detection d) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeStringField("details", links.api("detections", d.id()));
        timestampField("timestamp", d.timestamp());
        json.writeStringField("url", d.path() == null ? null : links.media(d.path()));
        json.writeFieldName("capture");
        SourceImage s = d.sourceImage().get();
        json.writeStartObject();
        json.writeNumberField("id", s.id());
        json.writeStringField("details", links.api("captures", s.id()));
        json.writeStringField("url", captureUrl(s));
        json.writeFieldName("width");
        writeNumber(s.width());
        json.writeFieldName("height");
        writeNumber(s.height());
        noPermissions();
        json.writeEndObject();
        json.writeNullField("width");
        json.writeNullField("height");
        json.writeFieldName("bbox");
        if (d.bbox() == null) {
            json.writeNull();
        } else {
            json.writeRawValue(d.bbox());
        }
        json.writeStringField("occurrence", links.api("occurrences", d.occurrence().<Long>id()));
        json.writeArrayFieldStart("classifications");
        for (Classification c : d.classifications()) {
            classificationNested(c);
        }
        json.writeEndArray();
        noPermissions();
        json.writeEndObject();
    }

    /** {@code SourceImage.public_url()}: the capture's public base URL joined with its path, else a media URL. */
    private String captureUrl(SourceImage s) {
        if (s.publicBaseUrl() != null && !s.publicBaseUrl().isBlank()) {
            String base = s.publicBaseUrl();
            return base.endsWith("/") ? base + s.path() : base + "/" + s.path();
        }
        return links.media(s.path());
    }

    // ---------------------------------------------------------------- values

    private void noPermissions() throws IOException {
        json.writeArrayFieldStart("user_permissions");
        json.writeEndArray();
    }

    private void timestampField(String name, LocalDateTime t) throws IOException {
        json.writeFieldName(name);
        if (t == null) {
            json.writeNull();
        } else {
            json.writeString(Json.timestamp(t));
        }
    }

    private void writeNumber(Number n) throws IOException {
        if (n == null) {
            json.writeNull();
        } else if (n instanceof Double d) {
            json.writeNumber(d);
        } else {
            json.writeNumber(n.longValue());
        }
    }

    /** The ancestors of {@code t} from its parents_json, parsed once per taxon per response. */
    private List<String[]> parents(Taxon t) throws IOException {
        List<String[]> cached = parents.get(t.id());
        if (cached != null) {
            return cached;
        }
        List<String[]> out = new ArrayList<>();
        if (t.parentsJson() != null) {
            try (JsonParser p = PARSER.createParser(t.parentsJson())) {
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String[] item = new String[3];
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            switch (field) {
                                case "id" -> item[0] = p.getText();
                                case "name" -> item[1] = p.getValueAsString();
                                case "rank" -> item[2] = p.getValueAsString();
                                default -> p.skipChildren();
                            }
                        }
                        out.add(item);
                    }
                }
            }
        }
        parents.put(t.id(), out);
        return out;
    }

    private static final Comparator<Identification> NEWEST_FIRST = Comparator.comparing(Identification::createdAt)
            .thenComparing(Identification::id).reversed();

    /**
     * Identifications in the serializer's order (the model's {@code -created_at}, then higher id), whatever
     * order they were loaded in; the list is returned as is when it is in order already (the service's).
     */
    private static List<Identification> newestFirst(List<Identification> identifications) {
        for (int i = 1; i < identifications.size(); i++) {
            if (NEWEST_FIRST.compare(identifications.get(i - 1), identifications.get(i)) > 0) {
                List<Identification> sorted = new ArrayList<>(identifications);
                sorted.sort(NEWEST_FIRST);
                return sorted;
            }
        }
        return identifications;
    }

    /** The detail's classifications: those of every detection, as the detail prefetches them. */
    private static List<Classification> detailClassifications(List<Detection> detections) {
        List<Classification> all = new ArrayList<>();
        for (Detection d : detections) {
            all.addAll(d.classifications().get());
        }
        return all;
    }

    /** Detections in the order of {@code detection_images}: frame_num, then timestamp (NULLs last), then id. */
    private static List<Detection> imageOrder(List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparing(Detection::frameNum, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Detection::timestamp, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Detection::id));
        return sorted;
    }

    /** A timedelta as DRF's encoder writes it: {@code str(total_seconds())}, e.g. "120.0". */
    static String totalSeconds(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros();
        String s = seconds.toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** {@code ami.utils.dates.format_timedelta}. */
    static String durationLabel(Duration d) {
        if (d == null || d.isZero()) {
            return "";
        }
        long days = d.toDays();
        long secondsOfDay = d.minusDays(days).getSeconds();
        long hours = secondsOfDay / 3600;
        long minutes = secondsOfDay % 3600 / 60;
        if (days != 0) {
            return days + " days " + hours + " hours";
        }
        if (hours != 0) {
            return hours + " hours " + minutes + " min";
        }
        return minutes + " minutes";
    }
}
