package dev.ferry.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/**
 * H2 2.x (best in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE). Arrays bind as {@code Object[]} through
 * setObject; {@code createArrayOf} type names and {@code long[]} are not understood.
 */
public final class H2Dialect extends Dialect {

    private static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asymmetric", "authorization",
            "between", "both", "case", "cast", "check", "constraint", "cross", "current_catalog", "current_date",
            "current_path", "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
            "day", "default", "distinct", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from",
            "full", "group", "groups", "having", "hour", "if", "ilike", "in", "inner", "intersect", "interval", "is",
            "join", "key", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus", "minute",
            "month", "natural", "not", "null", "offset", "on", "or", "order", "over", "partition", "primary",
            "qualify", "range", "regexp", "right", "row", "rownum", "rows", "second", "select", "session_user", "set",
            "some", "symmetric", "system_user", "table", "to", "top", "trailing", "true", "uescape", "union",
            "unique", "unknown", "user", "using", "value", "values", "when", "where", "window", "with", "year",
            "_rowid_");

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean supportsArrayParameters() {
        return true;
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    /**
     * No: H2 2.3 and 2.4 cut the members of such a union by the outer limit, without its offset, when the
     * limits are parameters (a second page of a multi-branch keyset came back empty; literals work). The
     * keyset branches stay one OR'ed condition here, slower but right.
     */
    @Override
    public boolean limitsUnionMembers() {
        return false;
    }

    @Override
    protected void bindArray(PreparedStatement ps, int index, ArrayParam a) throws SQLException {
        ps.setObject(index, a.values());
    }
}
