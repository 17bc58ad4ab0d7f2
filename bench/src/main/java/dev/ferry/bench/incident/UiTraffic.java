package dev.ferry.bench.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The requests of the ui-traffic scenario: occurrence list pages as the original web UI sends them, drawn
 * at random by the goal's mix (docs/incident.md, "ui-traffic"):
 * <ul>
 *   <li>a visible project, weighted by its size: its occurrences the list can show ({@code valid()}, without the
 *       project's default filters, i.e. the count with {@code apply_defaults=false});</li>
 *   <li>no filter (30%), or one of seven filter kinds (10% each), its value from a pool drawn from the
 *       database before the run;</li>
 *   <li>the ordering {@code -updated_at} (the UI's default) 40%, otherwise one of the 12 whitelisted fields,
 *       ascending or descending, uniform;</li>
 *   <li>the first page 50%, one of pages 2-6 20%, any page of the result 30%; {@code limit=20}.</li>
 * </ul>
 * Every value the generator can send comes with the result size of its (project, filter), counted before the
 * run by an oracle (the service with its count cache off), so "any page" spans the whole result.
 */
final class UiTraffic {

    /** Share of requests with the UI's default ordering; the rest are uniform over {@link #ORDERING_FIELDS} x 2. */
    static final double UPDATED_AT_DESC_SHARE = 0.40;
    /** Share of requests without a filter; the rest take one of the seven filter kinds, uniform. */
    static final double NO_FILTER_SHARE = 0.30;
    static final double FIRST_PAGE_SHARE = 0.50;
    /** Pages 2-6; the rest ({@code 1 - FIRST - EARLY}) go to any page of the result, uniform. */
    static final double EARLY_PAGE_SHARE = 0.20;
    static final int EARLY_PAGES = 5;
    static final int MAX_RANGE_DAYS = 30;

    /** The service's whitelist ({@code OccurrenceOrdering}), each sent ascending and descending. */
    static final List<String> ORDERING_FIELDS = List.of("created_at", "updated_at", "determination_score",
            "event__start", "event", "deployment", "determination", "determination__name",
            "first_appearance_timestamp", "first_appearance_time", "duration", "detections_count");

    enum PageKind {
        FIRST("first"), EARLY("2-6"), ANY("any");

        final String label;

        PageKind(String label) {
            this.label = label;
        }
    }

    enum FilterKind {
        NONE("none"), TAXON("taxon"), VERIFIED("verified"), DEPLOYMENT("deployment"), EVENT("event"),
        DATE_RANGE("date_start+date_end"), NO_DEFAULTS("apply_defaults=false"), RANK("determination__rank");

        final String label;

        FilterKind(String label) {
            this.label = label;
        }

        static final FilterKind[] FILTERED = {TAXON, VERIFIED, DEPLOYMENT, EVENT, DATE_RANGE, NO_DEFAULTS, RANK};
    }

    /** What an ordering sorts on; the families differ in what the database must do to sort. */
    enum OrderingFamily {
        /** {@code -updated_at}, the UI's default. */
        UI_DEFAULT("-updated_at"),
        /** The occurrence's own columns: created_at, updated_at ascending, determination_score. */
        COLUMN("own column"),
        /** A related row's column: event (start), deployment (name), determination (ordering, name). */
        RELATED("related table"),
        /** A per-row aggregate over the detections: first appearance, duration, detections count. */
        ANNOTATION("detections aggregate");

        final String label;

        OrderingFamily(String label) {
            this.label = label;
        }

        static OrderingFamily of(String ordering) {
            String field = ordering.startsWith("-") ? ordering.substring(1) : ordering;
            if (ordering.equals("-updated_at")) {
                return UI_DEFAULT;
            }
            return switch (field) {
                case "created_at", "updated_at", "determination_score" -> COLUMN;
                case "event__start", "event", "deployment", "determination", "determination__name" -> RELATED;
                case "first_appearance_timestamp", "first_appearance_time", "duration", "detections_count" -> ANNOTATION;
                default -> throw new IllegalArgumentException("not a whitelisted ordering: " + ordering);
            };
        }
    }

    /** One filter value: its kind and its query parameters ({@code &taxon=12}; empty for none). */
    record Filter(FilterKind kind, String query) {
    }

    /** A filter value and the number of rows it lists in its project. */
    record Choice(Filter filter, long count) {
    }

    /** A project's filter values by kind; {@link FilterKind#NONE} holds the one unfiltered choice. */
    record ProjectPool(long id, Map<FilterKind, List<Choice>> choices) {
        ProjectPool {
            for (FilterKind kind : FilterKind.values()) {
                if (choices.getOrDefault(kind, List.of()).isEmpty()) {
                    throw new IllegalArgumentException("project " + id + " has no value for the filter " + kind.label);
                }
            }
            choices = Map.copyOf(choices);
        }

        /** The rows of the project's default view: no filter, its default filters applied. */
        long rows() {
            return choices.get(FilterKind.NONE).get(0).count();
        }

        /**
         * The project's size, its traffic weight: every occurrence the list can show, default filters off. (The
         * default view can be much smaller: the demo's project 2 shows only geometrid moths, 4% of the project.)
         */
        long occurrences() {
            return choices.get(FilterKind.NO_DEFAULTS).get(0).count();
        }
    }

    /** One list request of the scenario. */
    record Request(long project, Filter filter, String ordering, PageKind page, long offset, int limit) {
        String path() {
            return "/api/v2/occurrences/?project_id=" + project + filter.query() + "&ordering=" + ordering
                    + "&limit=" + limit + "&offset=" + offset;
        }

        /** The service's count cache key, as a client sees it: the project and the filter, not the page or ordering. */
        String projectAndFilter() {
            return project + filter.query();
        }

        OrderingFamily family() {
            return OrderingFamily.of(ordering);
        }
    }

    final List<ProjectPool> projects;
    final int limit;
    private final double[] cumulativeSize;

    UiTraffic(List<ProjectPool> projects, int limit) {
        if (projects.isEmpty() || limit < 1) {
            throw new IllegalArgumentException("no project to ask for, or a limit under 1");
        }
        this.projects = List.copyOf(projects);
        this.limit = limit;
        cumulativeSize = new double[projects.size()];
        double sum = 0;
        for (int i = 0; i < projects.size(); i++) {
            sum += Math.max(1, projects.get(i).occurrences()); // an empty project still gets its first pages asked
            cumulativeSize[i] = sum;
        }
    }

    /** The next request; the same random sequence gives the same requests. */
    Request next(SplittableRandom random) {
        ProjectPool project = project(random);
        FilterKind kind = random.nextDouble() < NO_FILTER_SHARE ? FilterKind.NONE
                : FilterKind.FILTERED[random.nextInt(FilterKind.FILTERED.length)];
        List<Choice> choices = project.choices().get(kind);
        Choice choice = choices.get(random.nextInt(choices.size()));
        String ordering = random.nextDouble() < UPDATED_AT_DESC_SHARE ? "-updated_at"
                : (random.nextBoolean() ? "-" : "") + ORDERING_FIELDS.get(random.nextInt(ORDERING_FIELDS.size()));
        long pages = Math.max(1, (choice.count() + limit - 1) / limit);
        double u = random.nextDouble();
        PageKind page;
        long index;
        if (u < FIRST_PAGE_SHARE) {
            page = PageKind.FIRST;
            index = 0;
        } else if (u < FIRST_PAGE_SHARE + EARLY_PAGE_SHARE) {
            page = PageKind.EARLY;
            // the UI links only pages that exist: a result shorter than 6 pages ends at its last one
            index = Math.min(1 + random.nextInt(EARLY_PAGES), pages - 1);
        } else {
            page = PageKind.ANY;
            index = random.nextLong(pages);
        }
        return new Request(project.id(), choice.filter(), ordering, page, index * limit, limit);
    }

    private ProjectPool project(SplittableRandom random) {
        double x = random.nextDouble() * cumulativeSize[cumulativeSize.length - 1];
        for (int i = 0; i < cumulativeSize.length; i++) {
            if (x < cumulativeSize[i]) {
                return projects.get(i);
            }
        }
        return projects.get(projects.size() - 1);
    }

    // ---------------------------------------------------------------- the pools, before the run

    /**
     * Draws each visible project's filter values from the database (deterministic from {@code seed} for the
     * same data), at most {@code valuesPerKind} of each kind, and counts each (project, filter) with the
     * oracle: the service with its count cache off, which counts exactly. Never asks the measured service.
     */
    static UiTraffic load(DataSource db, Client oracle, int limit, int valuesPerKind, long seed, PrintStream out)
            throws SQLException, IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        List<ProjectPool> projects = new ArrayList<>();
        long started = System.nanoTime();
        int counted = 0;
        try (Connection c = db.getConnection()) {
            for (long project : longs(c, "SELECT id FROM main_project WHERE NOT draft ORDER BY id", null)) {
                SplittableRandom random = new SplittableRandom(seed * 1_000_003 + 700_000 + project);
                Map<FilterKind, List<Filter>> filters = new EnumMap<>(FilterKind.class);
                filters.put(FilterKind.NONE, List.of(new Filter(FilterKind.NONE, "")));
                // the species list the UI offers: every taxon some occurrence of the project is determined as
                filters.put(FilterKind.TAXON, sample(longs(c, "SELECT DISTINCT determination_id FROM main_occurrence"
                        + " WHERE project_id = ? AND determination_id IS NOT NULL ORDER BY 1", project), valuesPerKind,
                        random).stream().map(id -> new Filter(FilterKind.TAXON, "&taxon=" + id)).toList());
                filters.put(FilterKind.VERIFIED, List.of(new Filter(FilterKind.VERIFIED, "&verified=true"),
                        new Filter(FilterKind.VERIFIED, "&verified=false")));
                filters.put(FilterKind.DEPLOYMENT, sample(longs(c, "SELECT id FROM main_deployment WHERE project_id = ?"
                        + " ORDER BY id", project), valuesPerKind, random).stream()
                        .map(id -> new Filter(FilterKind.DEPLOYMENT, "&deployment=" + id)).toList());
                filters.put(FilterKind.EVENT, sample(longs(c, "SELECT DISTINCT event_id FROM main_occurrence"
                        + " WHERE project_id = ? AND event_id IS NOT NULL ORDER BY 1", project), valuesPerKind,
                        random).stream().map(id -> new Filter(FilterKind.EVENT, "&event=" + id)).toList());
                filters.put(FilterKind.DATE_RANGE, dateRanges(c, project, valuesPerKind, random));
                filters.put(FilterKind.NO_DEFAULTS, List.of(new Filter(FilterKind.NO_DEFAULTS, "&apply_defaults=false")));
                filters.put(FilterKind.RANK, strings(c, "SELECT DISTINCT t.rank FROM main_occurrence o JOIN main_taxon t"
                        + " ON t.id = o.determination_id WHERE o.project_id = ? ORDER BY 1", project).stream()
                        .map(rank -> new Filter(FilterKind.RANK, "&determination__rank=" + rank)).toList());

                Map<FilterKind, List<Choice>> choices = new EnumMap<>(FilterKind.class);
                for (Map.Entry<FilterKind, List<Filter>> e : filters.entrySet()) {
                    List<Choice> counts = new ArrayList<>();
                    for (Filter f : e.getValue()) {
                        String body = oracle.fetch("/api/v2/occurrences/?project_id=" + project + f.query() + "&limit=1");
                        counts.add(new Choice(f, json.readTree(body).get("count").asLong()));
                        counted++;
                    }
                    choices.put(e.getKey(), counts);
                }
                if (choices.values().stream().anyMatch(List::isEmpty)) {
                    out.printf("   project %d left out: it has no %s to filter by%n", project, choices.entrySet().stream()
                            .filter(e -> e.getValue().isEmpty()).map(e -> e.getKey().label).toList());
                    continue;
                }
                projects.add(new ProjectPool(project, choices));
            }
        }
        if (projects.isEmpty()) {
            throw new IllegalStateException("no visible project to send ui-traffic to: is the database seeded?");
        }
        out.printf(Locale.ROOT, "   ui-traffic pools: projects %s, %d (project, filter) values counted by the oracle in %.1f s%n",
                projects.stream().map(p -> String.format(Locale.ROOT, "%d: %,d occurrences (the weight), %,d in the"
                        + " default view", p.id(), p.occurrences(), p.rows())).toList(), counted,
                (System.nanoTime() - started) / 1e9);
        return new UiTraffic(projects, limit);
    }

    /**
     * Date ranges: a start day drawn inside the project's detection dates, and a length of 1 to
     * {@link #MAX_RANGE_DAYS} days ({@code date_end} inclusive, as the service reads it).
     */
    private static List<Filter> dateRanges(Connection c, long project, int n, SplittableRandom random)
            throws SQLException {
        LocalDate first;
        LocalDate last;
        try (PreparedStatement ps = c.prepareStatement("SELECT min(d.timestamp)::date, max(d.timestamp)::date"
                + " FROM main_detection d JOIN main_occurrence o ON o.id = d.occurrence_id WHERE o.project_id = ?")) {
            ps.setLong(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date min = rs.getDate(1);
                Date max = rs.getDate(2);
                if (min == null) {
                    return List.of();
                }
                first = min.toLocalDate();
                last = max.toLocalDate();
            }
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        List<Filter> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate start = first.plusDays(random.nextLong(days));
            LocalDate end = start.plusDays(random.nextInt(MAX_RANGE_DAYS)); // 1..30 days, both ends included
            out.add(new Filter(FilterKind.DATE_RANGE, "&date_start=" + start + "&date_end=" + end));
        }
        return out;
    }

    /** At most {@code n} of {@code ids}, drawn without replacement, in drawing order. */
    static List<Long> sample(long[] ids, int n, SplittableRandom random) {
        long[] pool = ids.clone();
        int k = Math.min(n, pool.length);
        List<Long> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i); // partial Fisher-Yates
            long t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out.add(pool[i]);
        }
        return out;
    }

    private static long[] longs(Connection c, String sql, Long param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out.stream().mapToLong(Long::longValue).toArray();
            }
        }
    }

    private static List<String> strings(Connection c, String sql, long param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
