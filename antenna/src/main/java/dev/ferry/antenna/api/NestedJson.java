package dev.ferry.antenna.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.antenna.model.Deployment;
import dev.ferry.antenna.model.Event;
import dev.ferry.antenna.model.SourceImage;
import java.io.IOException;
import java.time.LocalDateTime;

/**
 * Small pieces of the original's JSON shared by the captures and deployment endpoints: the nested
 * serializers every object embeds, nullable values, and DRF's trailing {@code user_permissions}
 * (always empty: the service answers as an anonymous user).
 */
final class NestedJson {

    private NestedJson() {
    }

    /** {@code EventNestedSerializer}: {@code id, name, details, date_label}, or null. */
    static void event(JsonGenerator json, Links links, Event e) throws IOException {
        if (e == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", e.id());
        json.writeStringField("name", EventLabels.name(e.start(), e.end()));
        json.writeStringField("details", links.api("events", e.id()));
        json.writeStringField("date_label", EventLabels.dateLabel(e.start(), e.end()));
        noPermissions(json);
        json.writeEndObject();
    }

    /** {@code DeploymentNestedSerializer}: {@code id, name, details}, or null. */
    static void deployment(JsonGenerator json, Links links, Deployment d) throws IOException {
        if (d == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", d.id());
        json.writeStringField("name", d.name());
        json.writeStringField("details", links.api("deployments", d.id()));
        noPermissions(json);
        json.writeEndObject();
    }

    /**
     * {@code SourceImage.url}: the capture's {@code public_base_url} joined with its path (the original's
     * presigned-URL branch needs storage keys, which this service never holds); a capture without a
     * base URL is served as a media file.
     */
    static String captureUrl(Links links, SourceImage s) {
        String base = s.publicBaseUrl();
        if (base == null || base.isBlank()) {
            return links.media(s.path());
        }
        String path = s.path().startsWith("/") ? s.path().substring(1) : s.path();
        return base.endsWith("/") ? base + path : base + "/" + path;
    }

    /** DRF's trailing {@code "user_permissions": []}. */
    static void noPermissions(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("user_permissions");
        json.writeEndArray();
    }

    static void timestamp(JsonGenerator json, String name, LocalDateTime t) throws IOException {
        if (t == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, Json.timestamp(t));
        }
    }

    static void number(JsonGenerator json, String name, Long n) throws IOException {
        if (n == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, n);
        }
    }

    static void number(JsonGenerator json, String name, Integer n) throws IOException {
        if (n == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, n);
        }
    }

    static void number(JsonGenerator json, String name, Double n) throws IOException {
        if (n == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, n);
        }
    }

    /** A related object's key, or null. */
    static void id(JsonGenerator json, String name, Object id) throws IOException {
        if (id == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, ((Number) id).longValue());
        }
    }
}
