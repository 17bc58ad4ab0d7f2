package dev.ferry.query;

import dev.ferry.error.InvalidQueryException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A cursor as a URL-safe string: base64url (no padding) of a version byte, the ordering's
 * fingerprint, the number of values and each value as a type tag and its payload (numbers in
 * binary, text and date-times as UTF-8 text), so every value comes back with its Java type.
 * Decoding trusts nothing: a token comes from a client.
 */
final class CursorToken {
    private CursorToken() {
    }

    private static final int VERSION = 1;

    // Type tags; never renumber (tokens outlive deployments).
    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int INTEGER = 2;
    private static final int SHORT = 3;
    private static final int STRING = 4;
    private static final int DOUBLE = 5;
    private static final int FLOAT = 6;
    private static final int BOOLEAN = 7;
    private static final int BIG_DECIMAL = 8;
    private static final int LOCAL_DATE = 9;
    private static final int LOCAL_DATE_TIME = 10;
    private static final int LOCAL_TIME = 11;
    private static final int OFFSET_DATE_TIME = 12;
    private static final int UUID_TAG = 13;

    static String encode(Cursor cursor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(cursor.ordering());
            out.writeShort(cursor.values().size());
            for (Object v : cursor.values()) {
                write(out, v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Long x) {
            out.writeByte(LONG);
            out.writeLong(x);
        } else if (v instanceof Integer x) {
            out.writeByte(INTEGER);
            out.writeInt(x);
        } else if (v instanceof Short x) {
            out.writeByte(SHORT);
            out.writeShort(x);
        } else if (v instanceof String x) {
            out.writeByte(STRING);
            text(out, x);
        } else if (v instanceof Double x) {
            out.writeByte(DOUBLE);
            out.writeDouble(x);
        } else if (v instanceof Float x) {
            out.writeByte(FLOAT);
            out.writeFloat(x);
        } else if (v instanceof Boolean x) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(x);
        } else if (v instanceof BigDecimal x) {
            out.writeByte(BIG_DECIMAL);
            text(out, x.toString());
        } else if (v instanceof LocalDate x) {
            out.writeByte(LOCAL_DATE);
            text(out, x.toString());
        } else if (v instanceof LocalDateTime x) {
            out.writeByte(LOCAL_DATE_TIME);
            text(out, x.toString());
        } else if (v instanceof LocalTime x) {
            out.writeByte(LOCAL_TIME);
            text(out, x.toString());
        } else if (v instanceof OffsetDateTime x) {
            out.writeByte(OFFSET_DATE_TIME);
            text(out, x.toString());
        } else if (v instanceof UUID x) {
            out.writeByte(UUID_TAG);
            out.writeLong(x.getMostSignificantBits());
            out.writeLong(x.getLeastSignificantBits());
        } else {
            throw new InvalidQueryException("a cursor token cannot hold a " + v.getClass().getName() + " (" + v
                    + "); it holds Long, Integer, Short, String, Double, Float, Boolean, BigDecimal, LocalDate, "
                    + "LocalDateTime, LocalTime, OffsetDateTime, UUID and null. Page with after(cursor) in-process instead");
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * Parses a token of {@code ordering}: one of its fingerprint, a value per term of the term's type,
     * no NULL where the term cannot be NULL. Anything else is an {@link InvalidQueryException} (a
     * client's error, an HTTP 400).
     */
    static Cursor decode(String token, Ordering ordering) {
        Cursor c = decode(token);
        if (c.ordering() != ordering.fingerprint()) {
            throw new InvalidQueryException("the cursor token belongs to another ordering than this query's " + ordering
                    + "; a token pages only the ordering it was read with: start again from the first page");
        }
        List<Ordering.Term> terms = ordering.terms();
        if (c.values().size() != terms.size()) {
            throw malformed(c.values().size() + " values for " + terms.size() + " ordering terms");
        }
        for (int i = 0; i < terms.size(); i++) {
            Object v = c.values().get(i);
            Class<?> type = ordering.valueType(terms.get(i));
            if (v != null && !type.isInstance(v)) {
                throw malformed("the value for " + terms.get(i).label() + " is a " + v.getClass().getSimpleName()
                        + ", not a " + type.getSimpleName());
            }
        }
        ordering.checkPosition(c.values());
        return c;
    }

    /** Parses a token of any ordering. */
    static Cursor decode(String token) {
        if (token == null || token.isEmpty()) {
            throw malformed("it is empty");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw malformed("it is not base64url");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readUnsignedByte() != VERSION) {
                throw malformed("unknown version");
            }
            int ordering = in.readInt();
            int n = in.readUnsignedShort();
            List<Object> values = new ArrayList<>(Math.min(n, 16));
            for (int i = 0; i < n; i++) {
                values.add(read(in));
            }
            if (in.available() > 0) {
                throw malformed("bytes after the last value");
            }
            return new Cursor(values, ordering);
        } catch (IOException e) {
            throw malformed("it is cut short");
        } catch (NumberFormatException | DateTimeException e) {
            throw malformed("a value does not parse");
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL: return null;
            case LONG: return in.readLong();
            case INTEGER: return in.readInt();
            case SHORT: return in.readShort();
            case STRING: return text(in);
            case DOUBLE: return in.readDouble();
            case FLOAT: return in.readFloat();
            case BOOLEAN: return in.readBoolean();
            case BIG_DECIMAL: return new BigDecimal(text(in));
            case LOCAL_DATE: return LocalDate.parse(text(in));
            case LOCAL_DATE_TIME: return LocalDateTime.parse(text(in));
            case LOCAL_TIME: return LocalTime.parse(text(in));
            case OFFSET_DATE_TIME: return OffsetDateTime.parse(text(in));
            case UUID_TAG: return new UUID(in.readLong(), in.readLong());
            default: throw malformed("unknown value type " + tag);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw malformed("it is cut short"); // checked before allocating: the length is the client's
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static InvalidQueryException malformed(String why) {
        return new InvalidQueryException("malformed cursor token (" + why + "); pass the token Cursor.token() gave, unchanged");
    }
}
