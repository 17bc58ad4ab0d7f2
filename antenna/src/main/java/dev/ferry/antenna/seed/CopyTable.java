package dev.ferry.antenna.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table in PostgreSQL's COPY text format, buffered until {@link #flush}: columns
 * separated by tabs, rows ended by newlines, NULL written as {@code \N}, and backslash, tab,
 * newline and carriage return inside values escaped with a backslash.
 */
final class CopyTable {

    /** Marks an absent timestamp for {@link #ts(long)}. */
    static final long NO_TIME = Long.MIN_VALUE;

    final String table;
    private final String sql;
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private boolean rowStart = true;
    private long rows;

    /**
     * {@code columns} in the order the row methods will be called, e.g. "id, name, created_at". The
     * table must have been truncated in the current transaction.
     */
    CopyTable(String table, String columns) {
        this.table = table;
        // FREEZE: the table was truncated in this transaction (see DemoData)
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN (FREEZE)";
    }

    /** Rows written so far, flushed or not. */
    long rows() {
        return rows;
    }

    CopyTable str(String value) {
        if (value == null) {
            return nul();
        }
        sep();
        escape(sb, value);
        return this;
    }

    CopyTable num(long value) {
        sep();
        sb.append(value);
        return this;
    }

    CopyTable dbl(double value) {
        sep();
        sb.append(value); // shortest round-trip form; PostgreSQL reads "1.0E-5" too
        return this;
    }

    CopyTable bool(boolean value) {
        sep();
        sb.append(value ? 't' : 'f');
        return this;
    }

    CopyTable ts(long micros) {
        if (micros == NO_TIME) {
            return nul();
        }
        sep();
        Times.append(sb, micros);
        return this;
    }

    /** A time of day, from microseconds since midnight ("01:14:03" plus ".ffffff" when there are microseconds). */
    CopyTable timeOfDay(long micros) {
        sep();
        Times.appendTime(sb, micros);
        return this;
    }

    /** A reference or number that may be absent (0 or negative means NULL: ids start at 1). */
    CopyTable ref(long id) {
        return id > 0 ? num(id) : nul();
    }

    CopyTable nul() {
        sep();
        sb.append("\\N");
        return this;
    }

    /**
     * Appends to the current column, unescaped: for values built here from digits, punctuation and
     * generated names (JSON, arrays, paths) that contain no backslash, tab or newline.
     */
    StringBuilder open() {
        sep();
        return sb;
    }

    void end() {
        sb.append('\n');
        rowStart = true;
        rows++;
    }

    /** Sends the buffered rows with one COPY statement (nothing if the buffer is empty). */
    void flush(CopyManager copy) throws SQLException {
        if (sb.isEmpty()) {
            return;
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        sb.setLength(0);
        try {
            copy.copyIn(sql, new ByteArrayInputStream(bytes), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
    }

    private void sep() {
        if (!rowStart) {
            sb.append('\t');
        }
        rowStart = false;
    }

    /** COPY text escaping; package-visible for the escaping test. */
    static void escape(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }
}
