package dev.ferry.bench.page;

import dev.ferry.antenna.api.ApiRequest;
import dev.ferry.antenna.api.JsonBody;
import dev.ferry.antenna.api.OccurrenceApi;
import dev.ferry.antenna.model.Algorithm;
import dev.ferry.antenna.model.CategoryMap;
import dev.ferry.antenna.model.Classification;
import dev.ferry.antenna.model.Identification;
import dev.ferry.antenna.model.Occurrence;
import dev.ferry.antenna.model.Taxon;
import dev.ferry.antenna.model.User;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The floor: hand-written JDBC, one statement per level, columns read by index, only the columns the
 * document needs. The same plan as the service (context, page with its total, identifications,
 * classifications through the detections), written by hand.
 */
public final class JdbcStrategy implements PageStrategy {

    // The taxon columns the list shows, at t (the taxon) and p (its parent).
    private static final String TAXON = "%1$s.id, %1$s.name, %1$s.rank, %1$s.parents_json, %1$s.gbif_taxon_key, "
            + "%1$s.inat_taxon_id, %1$s.fieldguide_id, %1$s.cover_image_url, %1$s.cover_image_credit, %1$s.parent_id";
    private static final int TAXON_COLUMNS = 10;

    // The total is an uncorrelated subquery: PostgreSQL runs it once with its own plan while the page
    // keeps an index scan that stops after the page (COUNT(*) OVER () would make both one slow plan).
    private static final String PAGE = "SELECT o.id, o.created_at, o.updated_at, o.determination_score,"
            + " (SELECT COUNT(*) FROM main_occurrence o WHERE %1$s),"
            + " (SELECT COUNT(*) FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " (SELECT MIN(d.timestamp) FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " (SELECT MAX(d.timestamp) FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " (SELECT MIN(CAST(d.timestamp AS TIME)) FROM main_detection d WHERE d.occurrence_id = o.id),"
            + " (SELECT d.path FROM main_detection d WHERE d.occurrence_id = o.id AND d.path IS NOT NULL"
            + "    ORDER BY d.frame_num ASC NULLS LAST, d.timestamp ASC NULLS LAST, d.id LIMIT 1),"
            + " e.id, e.start, e.\"end\", dep.id, dep.name, " + TAXON.formatted("t") + ", " + TAXON.formatted("p")
            + " FROM (SELECT o.* FROM main_occurrence o WHERE %1$s"
            + "   ORDER BY o.determination_score DESC NULLS LAST, o.id DESC LIMIT ? OFFSET ?) o"
            + " LEFT JOIN main_event e ON e.id = o.event_id LEFT JOIN main_deployment dep ON dep.id = o.deployment_id"
            + " LEFT JOIN main_taxon t ON t.id = o.determination_id LEFT JOIN main_taxon p ON p.id = t.parent_id"
            + " ORDER BY o.determination_score DESC NULLS LAST, o.id DESC";

    private static final String IDENTIFICATIONS = "SELECT i.occurrence_id, i.id, i.created_at, i.withdrawn, i.comment,"
            + " u.id, u.name, u.image, " + TAXON.formatted("t") + ", " + TAXON.formatted("p")
            + " FROM main_identification i LEFT JOIN users_user u ON u.id = i.user_id"
            + " LEFT JOIN main_taxon t ON t.id = i.taxon_id LEFT JOIN main_taxon p ON p.id = t.parent_id"
            + " WHERE i.occurrence_id = ANY(?) ORDER BY i.created_at DESC, i.id DESC";

    private static final String CLASSIFICATIONS = "SELECT d.occurrence_id, c.id, c.created_at, c.score, c.terminal,"
            + " a.id, a.created_at, a.updated_at, a.name, a.key, a.task_type, a.description, a.version, a.version_name,"
            + " a.uri, a.category_map_id, " + TAXON.formatted("t") + ", " + TAXON.formatted("p")
            + " FROM main_classification c JOIN main_detection d ON d.id = c.detection_id"
            + " LEFT JOIN ml_algorithm a ON a.id = c.algorithm_id"
            + " LEFT JOIN main_taxon t ON t.id = c.taxon_id LEFT JOIN main_taxon p ON p.id = t.parent_id"
            + " WHERE d.occurrence_id = ANY(?) ORDER BY c.created_at DESC, c.score DESC NULLS FIRST, c.id";

    private final DataSource dataSource;

    public JdbcStrategy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public JsonBody page(ApiRequest request, long projectId, int limit, long offset) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // one transaction, as the service (and Django's ATOMIC_REQUESTS)
            try {
                JsonBody body = load(c, request, projectId, limit, offset);
                c.commit();
                return body;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private JsonBody load(Connection c, ApiRequest request, long projectId, int limit, long offset) throws SQLException {
        OccurrenceApi.Context context = OccurrenceApi.Context.load(c, projectId);
        if (context.draft()) {
            return OccurrenceApi.listBody(request, null, limit, offset, List.of(), 0);
        }
        StringBuilder filters = new StringBuilder("o.project_id = ? AND EXISTS (SELECT 1 FROM main_detection d"
                + " WHERE d.occurrence_id = o.id) AND o.determination_score >= ?");
        if (!context.includeTaxa().isEmpty()) {
            filters.append(" AND o.determination_id = ANY(?)");
        }
        if (!context.excludeTaxa().isEmpty()) {
            filters.append(" AND (o.determination_id IS NULL OR NOT o.determination_id = ANY(?))");
        }
        Map<Long, Taxon> taxa = new HashMap<>();
        List<Row> rows = new ArrayList<>(limit);
        long total = -1;
        try (PreparedStatement ps = c.prepareStatement(PAGE.formatted(filters))) {
            int i = 1;
            for (int twice = 0; twice < 2; twice++) { // the total's condition, then the page's
                ps.setLong(i++, projectId);
                ps.setDouble(i++, context.scoreThreshold());
                if (!context.includeTaxa().isEmpty()) {
                    ps.setArray(i++, c.createArrayOf("bigint", context.includeTaxa().toArray()));
                }
                if (!context.excludeTaxa().isEmpty()) {
                    ps.setArray(i++, c.createArrayOf("bigint", context.excludeTaxa().toArray()));
                }
            }
            ps.setLong(i++, limit);
            ps.setLong(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong(5);
                    Row r = new Row();
                    r.id = rs.getLong(1);
                    r.createdAt = rs.getObject(2, LocalDateTime.class);
                    r.updatedAt = rs.getObject(3, LocalDateTime.class);
                    double score = rs.getDouble(4);
                    r.score = rs.wasNull() ? null : score;
                    r.detections = rs.getLong(6);
                    r.first = rs.getObject(7, LocalDateTime.class);
                    r.last = rs.getObject(8, LocalDateTime.class);
                    r.firstTime = rs.getObject(9, LocalTime.class);
                    r.firstPath = rs.getString(10);
                    long eventId = rs.getLong(11);
                    r.event = rs.wasNull() ? null : AntennaRecords.event(eventId, rs.getObject(12, LocalDateTime.class),
                            rs.getObject(13, LocalDateTime.class));
                    long deploymentId = rs.getLong(14);
                    r.deployment = rs.wasNull() ? null : AntennaRecords.deployment(deploymentId, rs.getString(15));
                    r.determination = taxon(rs, 16, taxa);
                    rows.add(r);
                }
            }
        }
        if (rows.isEmpty()) {
            total = offset == 0 ? 0 : count(c, projectId, context);
            return OccurrenceApi.listBody(request, null, limit, offset, List.of(), total);
        }
        Long[] ids = new Long[rows.size()];
        Map<Long, Row> byId = new HashMap<>(rows.size() * 2);
        for (int k = 0; k < ids.length; k++) {
            ids[k] = rows.get(k).id;
            byId.put(ids[k], rows.get(k));
        }
        Array keys = c.createArrayOf("bigint", ids);
        Map<Long, User> users = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(IDENTIFICATIONS)) {
            ps.setArray(1, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row owner = byId.get(rs.getLong(1));
                    long userId = rs.getLong(6);
                    User user = rs.wasNull() ? null
                            : users.computeIfAbsent(userId, k -> AntennaRecords.user(k, string(rs, 7), string(rs, 8)));
                    owner.identifications.add(AntennaRecords.identification(rs.getLong(2), rs.getObject(3, LocalDateTime.class),
                            taxon(rs, 9, taxa), user, rs.getBoolean(4), rs.getString(5)));
                }
            }
        }
        Map<Long, Algorithm> algorithms = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CLASSIFICATIONS)) {
            ps.setArray(1, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row owner = byId.get(rs.getLong(1));
                    double score = rs.getDouble(4);
                    Double boxed = rs.wasNull() ? null : score;
                    long algorithmId = rs.getLong(6);
                    Algorithm algorithm = rs.wasNull() ? null : algorithms.get(algorithmId);
                    if (algorithm == null && algorithmId != 0) {
                        long mapId = rs.getLong(16);
                        CategoryMap map = rs.wasNull() ? null : AntennaRecords.categoryMap(mapId);
                        algorithm = AntennaRecords.algorithm(algorithmId, rs.getObject(7, LocalDateTime.class),
                                rs.getObject(8, LocalDateTime.class), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), rs.getInt(13), rs.getString(14), rs.getString(15), map);
                        algorithms.put(algorithmId, algorithm);
                    }
                    owner.classifications.add(AntennaRecords.classification(rs.getLong(2), rs.getObject(3, LocalDateTime.class),
                            taxon(rs, 17, taxa), boxed, rs.getBoolean(5), algorithm));
                }
            }
        }
        List<Occurrence> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(AntennaRecords.occurrence(r.id, r.createdAt, r.updatedAt, r.determination, r.score, r.event, r.deployment,
                    r.identifications, r.classifications, r.detections, r.first, r.last, r.firstTime, r.firstPath));
        }
        return OccurrenceApi.listBody(request, null, limit, offset, out, total);
    }

    /** A taxon and its parent at columns {@code at..at+19}, one object per id per page. */
    private static Taxon taxon(ResultSet rs, int at, Map<Long, Taxon> taxa) throws SQLException {
        long id = rs.getLong(at);
        if (rs.wasNull()) {
            return null;
        }
        Taxon known = taxa.get(id);
        if (known != null && known.parent().isLoaded()) {
            return known;
        }
        Taxon parent = null;
        long parentId = rs.getLong(at + TAXON_COLUMNS);
        if (!rs.wasNull()) {
            parent = taxa.get(parentId);
            if (parent == null) {
                int p = at + TAXON_COLUMNS;
                parent = AntennaRecords.taxonShownAsParent(parentId, rs.getString(p + 1), rs.getString(p + 2),
                        rs.getString(p + 3), longOrNull(rs, p + 4), longOrNull(rs, p + 5), rs.getString(p + 6),
                        rs.getString(p + 7), rs.getString(p + 8), longOrNull(rs, p + 9));
                taxa.put(parentId, parent);
            }
        }
        Taxon t = AntennaRecords.taxon(id, rs.getString(at + 1), rs.getString(at + 2), parent, rs.getString(at + 3),
                longOrNull(rs, at + 4), longOrNull(rs, at + 5), rs.getString(at + 6), rs.getString(at + 7), rs.getString(at + 8));
        taxa.put(id, t);
        return t;
    }

    private static long count(Connection c, long projectId, OccurrenceApi.Context context) throws SQLException {
        String sql = "SELECT COUNT(*) FROM main_occurrence o WHERE o.project_id = ?"
                + " AND EXISTS (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id) AND o.determination_score >= ?"
                + (context.includeTaxa().isEmpty() ? "" : " AND o.determination_id = ANY(?)")
                + (context.excludeTaxa().isEmpty() ? "" : " AND (o.determination_id IS NULL OR NOT o.determination_id = ANY(?))");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, projectId);
            ps.setDouble(i++, context.scoreThreshold());
            if (!context.includeTaxa().isEmpty()) {
                ps.setArray(i++, c.createArrayOf("bigint", context.includeTaxa().toArray()));
            }
            if (!context.excludeTaxa().isEmpty()) {
                ps.setArray(i, c.createArrayOf("bigint", context.excludeTaxa().toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String string(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One occurrence row while its relations are read. */
    private static final class Row {
        long id;
        LocalDateTime createdAt;
        LocalDateTime updatedAt;
        Double score;
        long detections;
        LocalDateTime first;
        LocalDateTime last;
        LocalTime firstTime;
        String firstPath;
        dev.ferry.antenna.model.Event event;
        dev.ferry.antenna.model.Deployment deployment;
        Taxon determination;
        final List<Identification> identifications = new ArrayList<>();
        final List<Classification> classifications = new ArrayList<>();
    }
}
