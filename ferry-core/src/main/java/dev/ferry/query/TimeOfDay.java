package dev.ferry.query;

import java.time.LocalTime;

/** The time of day of a timestamp ({@code CAST(x AS TIME)}), e.g. to find the earliest hour of a night. */
public record TimeOfDay<E>(Expr<E, ?> value) implements Expr<E, LocalTime> {
    @Override
    public Class<LocalTime> type() {
        return LocalTime.class;
    }
}
