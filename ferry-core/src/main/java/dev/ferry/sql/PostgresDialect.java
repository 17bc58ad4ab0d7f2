package dev.ferry.sql;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL 12+: arrays bound with {@code = ANY(?)}, ROW_NUMBER() windows, explicit NULLS FIRST/LAST. */
public final class PostgresDialect extends Dialect {

    // Reserved key words of PostgreSQL that are plausible column names (the full list is longer).
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "current_date",
            "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
            "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "localtime",
            "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
            "returning", "select", "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true",
            "union", "unique", "user", "using", "variadic", "when", "where", "window", "with", "authorization",
            "binary", "collation", "concurrently", "cross", "full", "ilike", "inner", "is", "isnull", "join", "left",
            "like", "natural", "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean supportsArrayParameters() {
        return true;
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    /** The top plan node's "Plan Rows" of {@code EXPLAIN (FORMAT JSON)}: the planner's estimate, no execution. */
    @Override
    public String explainForEstimate() {
        return "EXPLAIN (FORMAT JSON) ";
    }

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");

    @Override
    public long estimatedRows(String explainOutput) {
        Matcher m = PLAN_ROWS.matcher(explainOutput);
        if (!m.find()) {
            throw new IllegalStateException("no \"Plan Rows\" in the plan: " + explainOutput);
        }
        return Math.round(Double.parseDouble(m.group(1)));
    }

    /**
     * {@code expr NOT IN (SELECT unnest(?))}: the same rows as {@code NOT (expr = ANY(?))}, but PostgreSQL hashes the
     * values once and, not seeing them at planning, estimates the condition as a subquery. With the values in view it
     * multiplies one selectivity per value: 333 excluded taxa of 2,500 were estimated to leave 0.2% of 700,000 rows
     * where 65% passed, and the planner sorted every match for a page instead of reading the ordering's index.
     */
    @Override
    protected void notInArray(Fragment out, Fragment expr, ArrayParam values) {
        out.append(expr).sql(" NOT IN (SELECT unnest(").param(values).sql("))");
    }

    @Override
    protected void likeIgnoreCase(Fragment out, Fragment expr, String pattern) {
        out.append(expr).sql(" ILIKE ").param(pattern).sql(" ESCAPE '\\'");
    }
}
