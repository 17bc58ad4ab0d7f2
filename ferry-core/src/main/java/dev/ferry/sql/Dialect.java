package dev.ferry.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What differs between databases, in three places (as Django does it): capability flags, a few
 * rendering operations, and parameter binding. A new database is one subclass.
 */
public abstract class Dialect {

    /** A short name for messages ("postgresql", "h2"). */
    public abstract String name();

    /** Whether a collection can be bound as one array parameter ({@code col = ANY(?)}). */
    public abstract boolean supportsArrayParameters();

    /** The largest IN list (and so the chunk size for prefetch keys) where arrays are not supported. */
    public int maxInListSize() {
        return 1000;
    }

    /** Words that must be quoted when used as identifiers. */
    protected abstract Set<String> reservedWords();

    /**
     * Quoted identifiers by name. Identifiers come from the entity metadata only (tables, columns), so
     * the set is small and fixed; every statement renders each of them again, and the check plus the
     * reserved-word lookup was a visible share of rendering a page's statements.
     */
    private final Map<String, String> quoted = new ConcurrentHashMap<>();

    /** Quotes an identifier (from metadata only) when it is reserved or not a plain lower-case name. */
    public String quote(String identifier) {
        String q = quoted.get(identifier);
        if (q == null) {
            q = quoteUncached(identifier);
            quoted.put(identifier, q);
        }
        return q;
    }

    private String quoteUncached(String identifier) {
        if (isPlain(identifier) && !reservedWords().contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code [a-z_][a-z0-9_]*}, without a regex: this runs for every identifier of every statement. */
    private static boolean isPlain(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code expr = ANY(?)}: membership in an array parameter. */
    public String anyArray(String expr) {
        return expr + " = ANY(?)";
    }

    /**
     * Whether {@code (SELECT ... LIMIT ?) UNION ALL (SELECT ... LIMIT ?) ORDER BY ... LIMIT ? OFFSET ?} keeps
     * each member's own limit. Keyset branches are cut that way (an index range each) where it does.
     */
    public boolean limitsUnionMembers() {
        return true;
    }

    /** {@code expr} is none of {@code values} (one array parameter): {@code NOT (expr = ANY(?))}. */
    protected void notInArray(Fragment out, Fragment expr, ArrayParam values) {
        out.sql("NOT (").append(expr).sql(" = ANY(").param(values).sql("))");
    }

    /**
     * Ends a derived table so that the planner plans it by itself, without an outer LIMIT or ORDER BY
     * reaching into it: PostgreSQL's and H2's {@code OFFSET 0}.
     */
    protected void fence(Fragment derivedTable) {
        derivedTable.sql(" OFFSET 0");
    }

    /** {@code LIMIT ? OFFSET ?}, parameters appended in order; -1 means no limit. */
    protected void limitOffset(Fragment f, long limit, long offset) {
        if (limit >= 0) {
            f.sql(" LIMIT ").param(limit);
        }
        if (offset > 0) {
            f.sql(" OFFSET ").param(offset);
        }
    }

    /**
     * The prefix that turns a SELECT into a statement returning the planner's row estimate, read by
     * {@link #estimatedRows(String)}; null where the database gives none (then estimates are counts).
     */
    public String explainForEstimate() {
        return null;
    }

    /** The planner's estimated rows from the text the {@link #explainForEstimate()} statement returned. */
    public long estimatedRows(String explainOutput) {
        throw new UnsupportedOperationException(name() + " has no row estimates");
    }

    /** Seconds from {@code start} to {@code end} as a double. */
    protected void secondsBetween(Fragment out, Fragment start, Fragment end) {
        // Difference of epochs rather than of timestamps: the same text works on PostgreSQL and H2,
        // and start's parameters stay before end's.
        out.sql("(-EXTRACT(EPOCH FROM ").append(start).sql(") + EXTRACT(EPOCH FROM ").append(end).sql("))");
    }

    /** Case-insensitive LIKE with {@code \\} as the escape character. */
    protected void likeIgnoreCase(Fragment out, Fragment expr, String pattern) {
        out.sql("LOWER(").append(expr).sql(") LIKE LOWER(").param(pattern).sql(") ESCAPE '\\'");
    }

    /**
     * One ORDER BY term with its NULL placement. The standard {@code NULLS FIRST/LAST} here; a
     * database without it (MySQL) sorts on {@code expr IS NULL} first instead.
     */
    protected void orderTerm(Fragment out, Fragment expr, boolean descending, boolean nullsFirst) {
        out.append(expr).sql(descending ? " DESC" : " ASC").sql(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

    /** The SQL element type name of an array of {@code type}. */
    public String arrayElementType(Class<?> type) {
        if (type == Long.class || type == long.class) return "bigint";
        if (type == Integer.class || type == int.class) return "integer";
        if (type == Short.class || type == short.class) return "smallint";
        if (type == String.class) return "varchar";
        if (type == Double.class || type == double.class) return "float8";
        if (type == Float.class || type == float.class) return "float4";
        if (type == Boolean.class || type == boolean.class) return "boolean";
        if (type == UUID.class) return "uuid";
        if (type == BigDecimal.class) return "numeric";
        if (type == LocalDateTime.class) return "timestamp";
        if (type == LocalDate.class) return "date";
        if (type == OffsetDateTime.class) return "timestamptz";
        return null;
    }

    /** Binds one parameter. */
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof ArrayParam a) {
            bindArray(ps, index, a);
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else {
            ps.setObject(index, value);
        }
    }

    protected void bindArray(PreparedStatement ps, int index, ArrayParam a) throws SQLException {
        Connection c = ps.getConnection();
        String type = arrayElementType(a.elementType());
        ps.setArray(index, c.createArrayOf(type == null ? "varchar" : type, a.values()));
    }

    /** Picks the dialect of a connection from its product name. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return new PostgresDialect();
        }
        if (product.contains("h2")) {
            return new H2Dialect();
        }
        throw new IllegalArgumentException("no Ferry dialect for database '" + product
                + "'; supported: PostgreSQL, H2. Pass one explicitly with Ferry.builder(...).dialect(...)");
    }

    @Override
    public String toString() {
        return name();
    }
}
