package dev.ferry.bench.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * What the sessions can ask for, read once before the load: the visible (non-draft) projects, and for
 * each its station ids, the ids of occurrences the detail serves, and its number of list pages.
 */
final class Targets {

    /** Share of list requests on a page anywhere in the project; the rest look at its first 5 pages. */
    static final double DEEP_PAGE_SHARE = 0.4;

    record Project(long id, long[] deployments, long[] occurrences, long listCount) {
        long pages(int limit) {
            return Math.max(1, (listCount + limit - 1) / limit);
        }
    }

    final List<Project> projects;
    final int limit;

    private Targets(List<Project> projects, int limit) {
        this.projects = projects;
        this.limit = limit;
    }

    /** Reads the ids from the database and each project's list count from the service (default filters applied). */
    static Targets load(DataSource db, Client client, int limit) throws SQLException, IOException, InterruptedException {
        List<Project> projects = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (Connection c = db.getConnection()) {
            for (long project : longs(c, "SELECT id FROM main_project WHERE NOT draft ORDER BY id", -1)) {
                long[] deployments = longs(c, "SELECT id FROM main_deployment WHERE project_id = ? ORDER BY id", project);
                // the detail serves valid() occurrences only: those with a detection
                long[] occurrences = longs(c, "SELECT o.id FROM main_occurrence o WHERE o.project_id = ? AND EXISTS"
                        + " (SELECT 1 FROM main_detection d WHERE d.occurrence_id = o.id) ORDER BY o.id", project);
                if (deployments.length == 0 || occurrences.length == 0) {
                    continue;
                }
                long count = mapper.readTree(client.fetch("/api/v2/occurrences/?project_id=" + project + "&limit=1"))
                        .get("count").asLong();
                projects.add(new Project(project, deployments, occurrences, count));
            }
        }
        if (projects.isEmpty()) {
            throw new IllegalStateException("no visible project with occurrences: is the database seeded?");
        }
        return new Targets(List.copyOf(projects), limit);
    }

    Project project(SplittableRandom random) {
        return projects.get(random.nextInt(projects.size()));
    }

    /**
     * A list page as the UI asks for it: {@code limit=20&offset=20*page}, ordered by {@code -updated_at}
     * (the UI's default) or the API's default ordering, half and half.
     */
    String listPage(Project p, SplittableRandom random) {
        long pages = p.pages(limit);
        long page = random.nextDouble() < DEEP_PAGE_SHARE ? random.nextLong(pages) : random.nextLong(Math.min(5, pages));
        return "/api/v2/occurrences/?project_id=" + p.id + "&limit=" + limit + "&offset=" + page * limit
                + (random.nextBoolean() ? "&ordering=-updated_at" : "");
    }

    String occurrenceDetail(Project p, SplittableRandom random) {
        return "/api/v2/occurrences/" + p.occurrences[random.nextInt(p.occurrences.length)] + "/";
    }

    /** The captures page the UI polls: the project's first page. */
    String captures(Project p) {
        return "/api/v2/captures/?project_id=" + p.id + "&limit=" + limit + "&offset=0";
    }

    String deploymentDetail(Project p, SplittableRandom random) {
        return "/api/v2/deployments/" + p.deployments[random.nextInt(p.deployments.length)] + "/";
    }

    private static long[] longs(Connection c, String sql, long param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param >= 0) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                long[] out = new long[64];
                int n = 0;
                while (rs.next()) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = rs.getLong(1);
                }
                return java.util.Arrays.copyOf(out, n);
            }
        }
    }
}
