package dev.ferry.antenna.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** {@code Event.name()} and {@code Event.date_label()} of the original model. */
public final class EventLabels {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private EventLabels() {
    }

    /** {@code "Tuesday, Aug 1-2 2023"}. */
    public static String name(LocalDateTime start, LocalDateTime end) {
        return start.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", " + dateLabel(start, end);
    }

    /**
     * {@code "Aug 1 2023"}, or {@code "Aug 1-2 2023"} when the session ends on another day. As the
     * original formats it, only the end's day follows the dash, even across a month ("Jul 31-1 2023").
     */
    public static String dateLabel(LocalDateTime start, LocalDateTime end) {
        LocalDate s = start.toLocalDate();
        LocalDate e = end == null ? s : end.toLocalDate();
        if (e.equals(s)) {
            return MONTH_DAY.format(s) + " " + s.getYear();
        }
        return MONTH_DAY.format(s) + "-" + e.getDayOfMonth() + " " + s.getYear();
    }
}
