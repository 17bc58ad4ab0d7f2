package dev.ferry.exec;

import dev.ferry.error.FerrySqlException;
import dev.ferry.sql.Dialect;
import dev.ferry.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs one statement with its parameters bound, turning SQL errors into exceptions that carry the SQL. */
public final class Statements {
    private Statements() {
    }

    /** Receives each row of a result. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    public static void query(Connection c, Dialect dialect, Sql sql, String what, RowHandler handler) {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bind(ps, dialect);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new FerrySqlException(what, sql.text(), e);
        }
    }

    /** Runs an INSERT/UPDATE/DELETE; returns the rows it changed. */
    public static long update(Connection c, Dialect dialect, Sql sql, String what) {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bind(ps, dialect);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new FerrySqlException(what, sql.text(), e);
        }
    }

    /** The first column of the first row as a long (COUNT). */
    public static long queryLong(Connection c, Dialect dialect, Sql sql, String what) {
        long[] out = {0};
        query(c, dialect, sql, what, rs -> out[0] = rs.getLong(1));
        return out[0];
    }

    /** Whether the statement returns any row. */
    public static boolean queryAny(Connection c, Dialect dialect, Sql sql, String what) {
        boolean[] out = {false};
        query(c, dialect, sql, what, rs -> out[0] = true);
        return out[0];
    }
}
