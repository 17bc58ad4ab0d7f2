package dev.ferry.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written JDBC opponent: what a careful engineer writes without a library. Columns by index,
 * the same rows in the same order as Ferry's statements, one connection from the pool per call.
 */
public final class HandJdbc {

    public static final String PARENTS = "SELECT id, name, score, created_at FROM bench_parent ORDER BY id";
    public static final String PARENTS_UP_TO = "SELECT id, name, score, created_at FROM bench_parent WHERE id <= ? ORDER BY id";
    public static final String CHILDREN = "SELECT id, parent_id, label, position, value FROM bench_child"
            + " WHERE parent_id = ANY(?) ORDER BY id";
    public static final String GRANDCHILDREN = "SELECT id, child_id, note, weight FROM bench_grandchild"
            + " WHERE child_id = ANY(?) ORDER BY id";

    private HandJdbc() {
    }

    /** Every parent as a plain row record (no relation holder). */
    public static List<ParentRow> parentRows(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(PARENTS);
             ResultSet rs = ps.executeQuery()) {
            List<ParentRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ParentRow(rs.getLong(1), rs.getString(2), getDouble(rs, 3), rs.getObject(4, LocalDateTime.class)));
            }
            return out;
        }
    }

    /**
     * Every parent as Ferry's own record type, with a loaded empty {@code Many} built by hand: the same
     * objects per row as Ferry allocates (record + holder), for the cost of the holder alone.
     */
    public static List<Parent> parentsWithHolder(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(PARENTS);
             ResultSet rs = ps.executeQuery()) {
            List<Parent> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Parent(rs.getLong(1), rs.getString(2), getDouble(rs, 3), rs.getObject(4, LocalDateTime.class),
                        dev.ferry.model.Many.of(List.of())));
            }
            return out;
        }
    }

    /**
     * Parents with {@code id <= maxId}, their children and the children's grandchildren: three
     * statements ({@code = ANY(?)} with a bigint array), rows grouped by parent key in HashMaps.
     */
    public static List<ParentTree> tree(DataSource ds, long maxId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<ParentTree> parents = new ArrayList<>();
            Map<Long, List<ChildTree>> childrenOf = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PARENTS_UP_TO)) {
                ps.setLong(1, maxId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<ChildTree> children = new ArrayList<>();
                        ParentTree p = new ParentTree(rs.getLong(1), rs.getString(2), getDouble(rs, 3),
                                rs.getObject(4, LocalDateTime.class), children);
                        parents.add(p);
                        childrenOf.put(p.id(), children);
                    }
                }
            }
            if (parents.isEmpty()) {
                return parents;
            }
            Map<Long, List<GrandchildTree>> grandchildrenOf = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(CHILDREN)) {
                ps.setArray(1, c.createArrayOf("bigint", childrenOf.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<GrandchildTree> grandchildren = new ArrayList<>();
                        long parentId = rs.getLong(2);
                        ChildTree ch = new ChildTree(rs.getLong(1), parentId, rs.getString(3), rs.getInt(4), getDouble(rs, 5),
                                grandchildren);
                        childrenOf.get(parentId).add(ch);
                        grandchildrenOf.put(ch.id(), grandchildren);
                    }
                }
            }
            if (grandchildrenOf.isEmpty()) {
                return parents;
            }
            try (PreparedStatement ps = c.prepareStatement(GRANDCHILDREN)) {
                ps.setArray(1, c.createArrayOf("bigint", grandchildrenOf.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long childId = rs.getLong(2);
                        grandchildrenOf.get(childId).add(new GrandchildTree(rs.getLong(1), childId, rs.getString(3), getDouble(rs, 4)));
                    }
                }
            }
            return parents;
        }
    }

    /**
     * The floor under both sides: the database, the network and the driver's row parsing, no mapping.
     * Runs {@code sql} with {@code parameters} bound and steps through the rows without reading a column.
     * Array parameters are bound as {@code bigint[]}.
     */
    public static int drain(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Object[] array) {
                    ps.setArray(i + 1, c.createArrayOf("bigint", array));
                } else {
                    ps.setObject(i + 1, parameters[i]);
                }
            }
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private static Double getDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
