package dev.ferry.antenna.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed access to query parameters. Every malformed value is an {@link ApiException} (400) naming
 * the parameter; values never reach SQL as text (they are bound as typed parameters).
 */
public final class Params {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final Map<String, List<String>> values;

    Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * The last value of {@code name}, an empty value counting as absent (as django-filter does). Not trimmed:
     * a value with surrounding whitespace or a NUL ({@code %20}, {@code %001}) is malformed for every typed
     * parameter, never read as absent or as the number it hides.
     */
    public Optional<String> string(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        String s = v.get(v.size() - 1);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public Optional<Long> optionalLong(String name) {
        return string(name).map(s -> parseLong(name, s));
    }

    public long requiredLong(String name) {
        return optionalLong(name).orElseThrow(() -> ApiException.badParameter(name, "This field is required."));
    }

    /** Every value of a repeatable parameter ({@code ?algorithm=1&algorithm=2}, or {@code 1,2}); empty parts are skipped. */
    public List<Long> longs(String name) {
        List<Long> out = new ArrayList<>();
        for (String v : values.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isEmpty()) {
                    out.add(parseLong(name, part));
                }
            }
        }
        return out;
    }

    /** A non-negative integer no larger than {@code max}, or {@code fallback} when absent. */
    public long bounded(String name, long fallback, long max) {
        long v = optionalLong(name).orElse(fallback);
        if (v < 0) {
            throw ApiException.badParameter(name, "Ensure this value is greater than or equal to 0.");
        }
        if (v > max) {
            throw ApiException.badParameter(name, "Ensure this value is less than or equal to " + max + ".");
        }
        return v;
    }

    /** A form boolean as Django parses it: true/false, 1/0, yes/no, on/off (any case). */
    public Optional<Boolean> bool(String name) {
        return string(name).map(s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw ApiException.badParameter(name, "Must be a valid boolean.");
        });
    }

    /** An ISO date ({@code 2023-08-01}). */
    public Optional<LocalDate> date(String name) {
        return string(name).map(s -> {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter(name, "Enter a valid date (YYYY-MM-DD).");
            }
        });
    }

    /** ASCII digits with an optional sign, nothing around them (Long.parseLong alone takes other scripts' digits). */
    private static long parseLong(String name, String s) {
        try {
            if (INTEGER.matcher(s).matches()) {
                return Long.parseLong(s);
            }
        } catch (NumberFormatException e) {
            // out of range: as malformed
        }
        throw ApiException.badParameter(name, "A valid integer is required.");
    }
}
