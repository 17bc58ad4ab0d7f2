package dev.ferry.paging;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;

/**
 * Reads a remembered position (the ordering's values of a row) so that binding it back compares
 * equal to the row: date-times as java.time values, which keep microseconds ({@code java.sql.Time}
 * drops them), everything else as the driver's own type (numeric as BigDecimal, so nothing is rounded).
 * The rows it reads end with a few columns that are not values (the row's place in a walk).
 */
public final class PositionReader {

    private final int trailing;
    private Class<?>[] types; // per value column; null: the driver's object

    /** @param trailing how many last columns are not values */
    public PositionReader(int trailing) {
        this.trailing = trailing;
    }

    /** The number of value columns (all but the trailing ones). */
    public int columns(ResultSet rs) throws SQLException {
        if (types == null) {
            ResultSetMetaData meta = rs.getMetaData();
            types = new Class<?>[meta.getColumnCount() - trailing];
            for (int i = 0; i < types.length; i++) {
                // PostgreSQL's driver reports timestamptz as TIMESTAMP: tell them apart by name.
                boolean zoned = meta.getColumnTypeName(i + 1).toLowerCase(Locale.ROOT).contains("tz");
                types[i] = switch (meta.getColumnType(i + 1)) {
                    case Types.TIMESTAMP -> zoned ? OffsetDateTime.class : LocalDateTime.class;
                    case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.class;
                    case Types.DATE -> LocalDate.class;
                    case Types.TIME -> zoned ? OffsetTime.class : LocalTime.class;
                    case Types.TIME_WITH_TIMEZONE -> OffsetTime.class;
                    default -> null;
                };
            }
        }
        return types.length;
    }

    /** The current row's values. */
    public Object[] values(ResultSet rs) throws SQLException {
        Object[] v = new Object[columns(rs)];
        for (int i = 0; i < v.length; i++) {
            v[i] = types[i] == null ? rs.getObject(i + 1) : rs.getObject(i + 1, types[i]);
        }
        return v;
    }
}
