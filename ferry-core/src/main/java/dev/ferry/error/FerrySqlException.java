package dev.ferry.error;

import java.sql.SQLException;

/** The database refused a statement. Carries the statement's SQL text (values are never in it). */
public class FerrySqlException extends FerryException {
    private final String sql;

    public FerrySqlException(String what, String sql, SQLException cause) {
        super(what + " failed: " + cause.getMessage() + (cause.getSQLState() == null ? "" : " [SQLState " + cause.getSQLState() + "]")
                + (sql == null ? "" : "\n  SQL: " + abbreviate(sql)), cause);
        this.sql = sql;
    }

    /** The SQL text of the failed statement (with {@code ?} placeholders), or null. */
    public String sql() {
        return sql;
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 2000 ? sql : sql.substring(0, 2000) + "...";
    }
}
