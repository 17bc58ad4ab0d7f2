package dev.ferry.observe;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statement shapes, as Sentry normalises them: two statements that differ only in their values have one shape,
 * so the detector can count repeats. Runs for every statement, hence one hand-written pass and no regex.
 *
 * <ul>
 *   <li>{@code --} and {@code /* *}{@code /} comments and runs of whitespace fold to one space; the result is trimmed;</li>
 *   <li>string literals ({@code '..'}, {@code E'..'}, {@code N'..'}, {@code B'..'}, {@code X'..'}, PostgreSQL's
 *       dollar-quoted {@code $$..$$} and {@code $tag$..$tag$}), numbers
 *       (also signed, decimal, exponent, hex), {@code TRUE}/{@code FALSE} and PostgreSQL {@code $1} become {@code ?};</li>
 *   <li>{@code IN (...)} of placeholders only becomes {@code IN (?)}, {@code ARRAY[...]} becomes {@code ARRAY[?]},
 *       so the shape does not change with the list length;</li>
 *   <li>{@code VALUES (..), (..)} keeps only its first row, so batches of any size share a shape;</li>
 *   <li>identifiers, keywords and quoted identifiers are kept as written ({@code = ANY(?)} is already one placeholder).</li>
 * </ul>
 */
public final class SqlShapes {

    /** Prepared statements repeat a few texts; the cap only guards against apps that inline values. */
    static final int CACHE_LIMIT = 4096;
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlShapes() {
    }

    /** {@link #normalize}, memoised for up to {@value #CACHE_LIMIT} distinct texts (cleared when full). */
    public static String shapeOf(String sql) {
        if (sql == null) {
            return null;
        }
        String shape = CACHE.get(sql);
        if (shape == null) {
            shape = normalize(sql);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear(); // crude but bounded; a miss only costs one normalize
            }
            CACHE.put(sql, shape);
        }
        return shape;
    }

    /** For tests: how many texts the cache holds now. */
    static int cacheSize() {
        return CACHE.size();
    }

    /** The shape of {@code sql}; null for null. */
    public static String normalize(String sql) {
        return sql == null ? null : new Normalizer(sql).run();
    }

    /** One pass; state for the list collapses is a small stack of open brackets. */
    private static final class Normalizer {
        // frame kinds
        private static final int OTHER = 0, IN = 1, ARRAY = 2, ROW = 3;
        // what the previous token was, as far as the collapses care
        private static final int P_OTHER = 0, P_IN = 1, P_ARRAY = 2, P_VALUES = 3, P_ROW_CLOSE = 4, P_ROW_COMMA = 5;
        // token classes, for marking the enclosing bracket
        private static final int T_OTHER = 0, T_PLACEHOLDER = 1, T_COMMA = 2, T_ROW = 3;

        private final String s;
        private final int n;
        private final StringBuilder out;
        private boolean space;
        private int prev = P_OTHER;

        private int depth;
        private int[] kind = new int[8];
        private int[] start = new int[8];
        private boolean[] pure = new boolean[8]; // only placeholders and commas so far
        private boolean[] seen = new boolean[8]; // at least one placeholder

        private int valuesDepth = -1; // depth at which VALUES rows are listed, -1 outside
        private int valuesRows;
        private int valuesEnd;

        Normalizer(String s) {
            this.s = s;
            this.n = s.length();
            this.out = new StringBuilder(n);
        }

        String run() {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                char next = i + 1 < n ? s.charAt(i + 1) : '\0';
                if (Character.isWhitespace(c)) {
                    space = true;
                    i++;
                } else if (c == '-' && next == '-') {
                    while (i < n && s.charAt(i) != '\n') {
                        i++;
                    }
                    space = true;
                } else if (c == '/' && next == '*') {
                    i = skipBlockComment(i);
                    space = true;
                } else if (c == '\'') {
                    i = skipString(i, false);
                    placeholder();
                } else if (c == '"' || c == '`') {
                    int end = skipQuoted(i, c);
                    emit(T_OTHER);
                    out.append(s, i, end);
                    prev = P_OTHER;
                    i = end;
                } else if (isDigit(c) || (c == '.' && isDigit(next))
                        || (c == '-' && (isDigit(next) || next == '.') && unaryPosition())) {
                    i = skipNumber(c == '-' ? i + 1 : i);
                    placeholder();
                } else if (c == '$' && (next == '$' || isIdentStart(next)) && dollarTagEnd(i) > 0) {
                    i = skipDollarQuoted(i);
                    placeholder();
                } else if (c == '$' && isDigit(next)) {
                    i++;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                    placeholder();
                } else if (c == '?') {
                    i++;
                    placeholder();
                } else if (isIdentStart(c)) {
                    i = word(i);
                } else if (c == '(' || c == '[') {
                    open(c);
                    i++;
                } else if (c == ')' || c == ']') {
                    close(c);
                    i++;
                } else if (c == ',') {
                    boolean rowComma = prev == P_ROW_CLOSE && depth == valuesDepth;
                    emit(T_COMMA);
                    out.append(',');
                    prev = rowComma ? P_ROW_COMMA : P_OTHER;
                    i++;
                } else {
                    emit(T_OTHER);
                    out.append(c);
                    prev = P_OTHER;
                    i++;
                }
            }
            return out.toString();
        }

        /** Writes the pending space and tells the innermost bracket what it now contains. */
        private void emit(int token) {
            if (depth == valuesDepth && token != T_ROW && !(token == T_COMMA && prev == P_ROW_CLOSE)) {
                valuesDepth = -1; // anything but ", (" after a row ends the VALUES list
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            if (depth > 0) {
                int f = depth - 1;
                if (token == T_PLACEHOLDER) {
                    seen[f] = true;
                } else if (token != T_COMMA) {
                    pure[f] = false;
                }
            }
        }

        private void placeholder() {
            emit(T_PLACEHOLDER);
            out.append('?');
            prev = P_OTHER;
        }

        private int word(int i) {
            int end = i + 1;
            while (end < n && isIdentPart(s.charAt(end))) {
                end++;
            }
            int len = end - i;
            if (len == 1 && end < n && s.charAt(end) == '\'' && "EeNnBbXx".indexOf(s.charAt(i)) >= 0) {
                int after = skipString(end, s.charAt(i) == 'E' || s.charAt(i) == 'e');
                placeholder();
                return after;
            }
            if (is(i, len, "TRUE") || is(i, len, "FALSE")) {
                placeholder();
                return end;
            }
            emit(T_OTHER);
            out.append(s, i, end);
            prev = is(i, len, "IN") ? P_IN : is(i, len, "ARRAY") ? P_ARRAY : is(i, len, "VALUES") ? P_VALUES : P_OTHER;
            return end;
        }

        private void open(char c) {
            int k = OTHER;
            if (c == '(' && prev == P_IN) {
                k = IN;
            } else if (c == '[' && prev == P_ARRAY) {
                k = ARRAY;
            } else if (c == '(' && prev == P_VALUES) {
                k = ROW;
                valuesDepth = depth;
                valuesRows = 0;
            } else if (c == '(' && prev == P_ROW_COMMA) {
                k = ROW;
            }
            emit(k == ROW ? T_ROW : T_OTHER);
            out.append(c);
            prev = P_OTHER;
            if (depth == kind.length) {
                kind = Arrays.copyOf(kind, depth * 2);
                start = Arrays.copyOf(start, depth * 2);
                pure = Arrays.copyOf(pure, depth * 2);
                seen = Arrays.copyOf(seen, depth * 2);
            }
            kind[depth] = k;
            start[depth] = out.length();
            pure[depth] = true;
            seen[depth] = false;
            depth++;
        }

        private void close(char c) {
            if (depth == 0) { // unbalanced: keep it as written
                emit(T_OTHER);
                out.append(c);
                prev = P_OTHER;
                return;
            }
            int f = --depth;
            if ((kind[f] == IN || kind[f] == ARRAY) && pure[f] && seen[f]) {
                out.setLength(start[f]);
                out.append('?');
            } else if (space) {
                out.append(' ');
            }
            space = false;
            out.append(c);
            prev = P_OTHER;
            if (kind[f] == ROW) {
                if (++valuesRows == 1) {
                    valuesEnd = out.length();
                } else {
                    out.setLength(valuesEnd); // drop ", (...)": batches of any size share one shape
                }
                prev = P_ROW_CLOSE;
            }
            if (depth < valuesDepth) {
                valuesDepth = -1;
            }
        }

        /** A '-' before a number is a sign (not a subtraction) after an operator, a bracket, a comma or nothing. */
        private boolean unaryPosition() {
            if (out.isEmpty()) {
                return true;
            }
            return "=<>(,[+-*/%|".indexOf(out.charAt(out.length() - 1)) >= 0;
        }

        private int skipNumber(int i) {
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (isIdentPart(c) || c == '.') {
                    i++;
                } else if ((c == '+' || c == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                        && i + 1 < n && isDigit(s.charAt(i + 1))) {
                    i++; // exponent sign: 1e-5
                } else {
                    break;
                }
            }
            return i;
        }

        /** From the opening quote to after the closing one; '' is an escaped quote, and \' too in E'..'. */
        /** The index after a dollar-quote tag ({@code $$} or {@code $name$}) starting at {@code i}, or -1. */
        private int dollarTagEnd(int i) {
            int j = i + 1;
            while (j < n && s.charAt(j) != '$') {
                char c = s.charAt(j);
                if (!(c < 128 ? isIdentStart(c) || isDigit(c) : Character.isLetterOrDigit(c))) {
                    return -1;
                }
                j++;
            }
            return j < n ? j + 1 : -1;
        }

        /** Skip a PostgreSQL dollar-quoted string ({@code $$..$$}, {@code $fn$..$fn$}), to its end or the text's. */
        private int skipDollarQuoted(int i) {
            int tagEnd = dollarTagEnd(i);
            int close = s.indexOf(s.substring(i, tagEnd), tagEnd);
            return close < 0 ? n : close + (tagEnd - i);
        }

        private int skipString(int i, boolean backslashEscapes) {
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                } else if (c == '\'') {
                    if (i + 1 < n && s.charAt(i + 1) == '\'') {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return n;
        }

        private int skipQuoted(int i, char quote) {
            i++;
            while (i < n) {
                if (s.charAt(i) == quote) {
                    if (i + 1 < n && s.charAt(i + 1) == quote) {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return n;
        }

        /** PostgreSQL nests block comments; counting costs nothing and keeps the rest of the text intact. */
        private int skipBlockComment(int i) {
            int level = 0;
            while (i < n) {
                if (s.startsWith("/*", i)) {
                    level++;
                    i += 2;
                } else if (s.startsWith("*/", i)) {
                    i += 2;
                    if (--level == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return n;
        }

        private boolean is(int i, int len, String keyword) {
            return len == keyword.length() && s.regionMatches(true, i, keyword, 0, len);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentStart(char c) {
            return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' : Character.isLetter(c);
        }

        private static boolean isIdentPart(char c) {
            return c < 128 ? isIdentStart(c) || isDigit(c) || c == '$' : Character.isLetterOrDigit(c);
        }
    }
}
