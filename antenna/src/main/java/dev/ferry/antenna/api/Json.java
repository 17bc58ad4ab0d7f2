package dev.ferry.antenna.api;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Values as the original's JSON encoder writes them (Python isoformat, naive local times). */
public final class Json {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter TIME_MICROS = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private Json() {
    }

    /** {@code 2023-08-05T10:22:11.123456}, or {@code 2023-08-05T10:22:11} when there are no microseconds. */
    public static String timestamp(LocalDateTime t) {
        return (t.getNano() / 1000 == 0 ? SECONDS : MICROS).format(t);
    }

    /** {@code 01:14:03}, or {@code 01:14:03.123456}. */
    public static String time(LocalTime t) {
        return (t.getNano() / 1000 == 0 ? TIME_SECONDS : TIME_MICROS).format(t);
    }
}
