package dev.ferry.maintain;

import dev.ferry.error.MappingException;
import dev.ferry.sql.ArrayParam;
import dev.ferry.sql.Sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Parameters written into the text of a PostgreSQL trigger function, which has no bind step: the
 * few constants of a declaration (a filter's value, FIRST's LIMIT 1). Only typed values the
 * declaration holds are written, each as a typed literal with its quotes doubled.
 */
final class SqlLiterals {
    private SqlLiterals() {
    }

    /** {@code sql}'s text with each {@code ?} outside quotes replaced by its parameter as a literal. */
    static String inline(Sql sql, String where) {
        String text = sql.text();
        StringBuilder out = new StringBuilder(text.length() + 16);
        int param = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens: same result
                }
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?') {
                out.append(literal(sql.params().get(param++), where));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String literal(Object v, String where) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return "CAST(" + v + " AS " + (v instanceof Long ? "bigint" : "integer") + ")";
        }
        if (v instanceof BigDecimal b) {
            return "CAST(" + b.toPlainString() + " AS numeric)";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            String text = Double.isNaN(d) ? "'NaN'" : Double.isInfinite(d) ? (d > 0 ? "'Infinity'" : "'-Infinity'") : Double.toString(d);
            return "CAST(" + text + " AS double precision)";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof String s) {
            return string(s);
        }
        if (v instanceof Enum<?> e) {
            return string(e.name());
        }
        if (v instanceof LocalDateTime t) {
            return "CAST(" + string(t.toString().replace('T', ' ')) + " AS timestamp)";
        }
        if (v instanceof LocalDate t) {
            return "CAST(" + string(t.toString()) + " AS date)";
        }
        if (v instanceof LocalTime t) {
            return "CAST(" + string(t.toString()) + " AS time)";
        }
        if (v instanceof OffsetDateTime t) {
            return "CAST(" + string(t.toString()) + " AS timestamp with time zone)";
        }
        if (v instanceof UUID u) {
            return "CAST(" + string(u.toString()) + " AS uuid)";
        }
        if (v instanceof ArrayParam a) {
            StringBuilder sb = new StringBuilder("ARRAY[");
            for (int i = 0; i < a.values().length; i++) {
                sb.append(i == 0 ? "" : ", ").append(literal(a.values()[i], where));
            }
            return sb.append(']').toString();
        }
        throw new MappingException(where + ": the value " + v + " (" + v.getClass().getSimpleName() + ") cannot be written "
                + "into a trigger; use a number, text, boolean, date/time or UUID constant");
    }

    private static String string(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
