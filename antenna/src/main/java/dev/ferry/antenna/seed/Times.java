package dev.ferry.antenna.seed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Naive local timestamps (the platform runs with {@code USE_TZ = False}) as microseconds since
 * 2023-01-01 00:00, and their text forms. Millions of rows carry several timestamps each, so
 * formatting goes through per-day string tables instead of {@code LocalDateTime.toString()}.
 */
final class Times {

    static final LocalDate EPOCH = LocalDate.of(2023, 1, 1);
    static final long SECOND = 1_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    /** Days covered by the lookup tables (2023-01-01 .. 2028-12-31); later dates are formatted on demand. */
    private static final int DAYS = (int) ChronoUnit.DAYS.between(EPOCH, LocalDate.of(2029, 1, 1));
    private static final String[] ISO = new String[DAYS];      // 2023-08-02
    private static final String[] COMPACT = new String[DAYS];  // 20230802
    private static final String[] SLASHED = new String[DAYS];  // 2023/08/02

    static {
        for (int d = 0; d < DAYS; d++) {
            LocalDate date = EPOCH.plusDays(d);
            ISO[d] = date.toString();
            COMPACT[d] = ISO[d].replace("-", "");
            SLASHED[d] = ISO[d].replace('-', '/');
        }
    }

    private Times() {
    }

    static long of(LocalDate date) {
        return ChronoUnit.DAYS.between(EPOCH, date) * DAY;
    }

    static long of(LocalDateTime t) {
        return of(t.toLocalDate()) + t.toLocalTime().toNanoOfDay() / 1000;
    }

    static LocalDateTime toLocalDateTime(long micros) {
        return EPOCH.atStartOfDay().plus(micros, ChronoUnit.MICROS);
    }

    /** "2023-08-02" of the day the instant falls on. */
    static String isoDate(long micros) {
        int day = day(micros);
        return day < DAYS ? ISO[day] : EPOCH.plusDays(day).toString();
    }

    /** PostgreSQL's text form, "2023-08-02 01:14:03" plus ".ffffff" when there are microseconds. */
    static void append(StringBuilder sb, long micros) {
        sb.append(isoDate(micros)).append(' ');
        appendClock(sb, micros, ':');
        long fraction = micros % SECOND;
        if (fraction != 0) {
            sb.append('.');
            pad(sb, fraction, 6);
        }
    }

    /** PostgreSQL's text form of a time of day, "01:14:03" plus ".ffffff" when there are microseconds. */
    static void appendTime(StringBuilder sb, long microsOfDay) {
        appendClock(sb, microsOfDay, ':');
        long fraction = microsOfDay % SECOND;
        if (fraction != 0) {
            sb.append('.');
            pad(sb, fraction, 6);
        }
    }

    /** "20230802011403", as in capture file names. */
    static void appendCompact(StringBuilder sb, long micros) {
        int day = day(micros);
        sb.append(day < DAYS ? COMPACT[day] : isoDate(micros).replace("-", ""));
        appendClock(sb, micros, (char) 0);
    }

    /** "2023/08/02", the folder of a capture. */
    static void appendSlashed(StringBuilder sb, long micros) {
        int day = day(micros);
        sb.append(day < DAYS ? SLASHED[day] : isoDate(micros).replace('-', '/'));
    }

    private static int day(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("timestamp before " + EPOCH);
        }
        return Math.toIntExact(micros / DAY);
    }

    private static void appendClock(StringBuilder sb, long micros, char separator) {
        long secondOfDay = (micros % DAY) / SECOND;
        pad(sb, secondOfDay / 3600, 2);
        if (separator != 0) {
            sb.append(separator);
        }
        pad(sb, secondOfDay / 60 % 60, 2);
        if (separator != 0) {
            sb.append(separator);
        }
        pad(sb, secondOfDay % 60, 2);
    }

    private static void pad(StringBuilder sb, long value, int width) {
        long limit = 1;
        for (int i = 1; i < width; i++) {
            limit *= 10;
        }
        while (limit > 1 && value < limit) {
            sb.append('0');
            limit /= 10;
        }
        sb.append(value);
    }
}
