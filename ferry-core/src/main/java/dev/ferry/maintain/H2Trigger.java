package dev.ferry.maintain;

import dev.ferry.sql.Dialect;
import dev.ferry.sql.H2Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one Java trigger class of H2 (H2 is an optional dependency: only H2 loads this class). It
 * finds what to recompute by its trigger name in the plans {@code Maintenance.install()} registered
 * in this JVM, at the first row it fires for, so a database opened before install() still opens.
 * Public because H2 instantiates it by name; not an API.
 */
public final class H2Trigger implements org.h2.api.Trigger {

    private final Dialect dialect = new H2Dialect();
    private String schema;
    private String trigger;
    private String table;
    private List<H2Triggers.Action> plan;
    private Map<String, Integer> columns;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.schema = schemaName;
        this.trigger = triggerName;
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (plan == null) {
            List<H2Triggers.Action> p = H2Triggers.plan(conn.getCatalog(), schema, trigger);
            if (p == null) {
                throw new SQLException("Ferry has no maintenance plan for the H2 trigger " + trigger + " in this JVM: run "
                        + "ferry.maintenance().install() at start-up (H2 triggers work for in-process H2 only)");
            }
            columns = columns(conn);
            plan = p;
        }
        for (H2Triggers.Action a : plan) {
            a.fire(conn, dialect, columns, oldRow, newRow);
        }
    }

    /** The table's column positions in the row arrays, by lower-case name. */
    private Map<String, Integer> columns(Connection conn) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
            }
        }
        return out;
    }
}
