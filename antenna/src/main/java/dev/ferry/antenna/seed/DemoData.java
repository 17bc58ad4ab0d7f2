package dev.ferry.antenna.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills an AMI database (the Flyway schema) with realistic, deterministic demo data: users,
 * projects, stations, a taxon tree, nightly events, captures, occurrences with their detections,
 * machine classifications and human identifications, and the denormalised counters the API reads.
 *
 * <pre>{@code
 * Summary s = DemoData.seed(dataSource, new DemoData.Options(42, 100_000, false), new ConsoleProgress());
 * }</pre>
 *
 * <p><b>Deterministic:</b> the same seed and size give the same rows, ids included (one
 * {@link SplittableRandom} per part, split from the seed; timestamps are naive local times from a
 * fixed season, June..October 2023, never the clock).
 *
 * <p><b>Sizes:</b> everything scales with the number of occurrences (2,000 .. 1,000,000 and
 * beyond); see {@link Sizes} for the table sizes and {@link NightWriter} for the ratios.
 *
 * <p><b>Loading:</b> one transaction. The tables are truncated, their foreign keys and secondary
 * indexes dropped (read from the catalog, so schema changes are followed); the small tables go
 * first, then the nights in chunks of about {@value #CHUNK} occurrences, each chunk sent with one
 * {@code COPY ... FROM STDIN (FREEZE)} per table in foreign-key order, so memory stays flat. Then
 * the indexes are built and the foreign keys re-added (each checked once over the whole table),
 * the deployments' counters updated, the identity sequences moved past the loaded ids, and after
 * the commit the tables are vacuumed and analysed. The seed holds exclusive locks on the tables until it
 * commits.
 *
 * <p><b>Existing data:</b> the database must be empty unless {@link Options#reset()} is set, in
 * which case all the tables are truncated ({@code RESTART IDENTITY CASCADE}) in the same
 * transaction, so a failed seed leaves the old data and schema in place.
 *
 * <p><b>Time:</b> on a busy 2-core machine with the embedded PostgreSQL 17, 100,000 occurrences
 * take 10-15 s (180 MB) and 1,000,000 take 1-2 minutes (1.8 GB).
 */
public final class DemoData {

    /** Occurrences per COPY round; bounds the memory held in the text buffers (~10-20 MB). */
    static final int CHUNK = 25_000;

    /** The tables this generator fills, in foreign-key order. */
    public static final List<String> TABLES = List.of(
            "users_user", "main_taxon", "main_project", "main_project_default_filters_include_taxa",
            "main_project_default_filters_exclude_taxa", "main_userprojectmembership", "main_taxon_projects",
            "main_s3storagesource", "main_site", "main_device", "main_deployment", "ml_algorithmcategorymap",
            "ml_algorithm", "jobs_job", "main_event", "main_sourceimage", "main_occurrence", "main_detection",
            "main_classification", "main_identification");

    /**
     * What to generate.
     *
     * @param seed        any value; the same seed and size give the same rows
     * @param occurrences number of occurrences, 0 .. 20,000,000 (the other tables scale with it; 0
     *                    gives the small tables, nights and captures only)
     * @param reset       replace existing data instead of refusing to seed a non-empty database
     */
    public record Options(long seed, int occurrences, boolean reset) {
        public Options {
            if (occurrences < 0 || occurrences > 20_000_000) {
                throw new IllegalArgumentException("occurrences must be 0..20,000,000: " + occurrences);
            }
        }
    }

    /**
     * What was loaded.
     *
     * @param rows    rows written per table, in {@link #TABLES} order
     * @param elapsed wall time of the whole seed, analysis included
     */
    public record Summary(Map<String, Long> rows, Duration elapsed) {
        public Summary {
            rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        /** Rows written to {@code table} (0 for a table not seeded). */
        public long rows(String table) {
            return rows.getOrDefault(table, 0L);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            rows.forEach((table, n) -> sb.append(String.format("%-44s %,12d%n", table, n)));
            return sb.append(String.format("seeded in %.1f s", elapsed.toMillis() / 1000.0)).toString();
        }
    }

    private DemoData() {
    }

    /**
     * Seeds the database behind {@code dataSource} (its schema must be migrated), reporting each
     * phase to {@code progress} ({@link Progress#NONE} for silence, {@link ConsoleProgress} for a
     * terminal).
     *
     * @throws IllegalStateException if the database already holds data and {@code reset} is off
     *                               ("database already holds N occurrences; pass --reset to replace
     *                               them"), or if loading fails (the SQLException is the cause; the
     *                               transaction is rolled back)
     */
    public static Summary seed(DataSource dataSource, Options options, Progress progress) {
        try {
            return load(dataSource, options, progress);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the demo data failed: " + e.getMessage(), e);
        }
    }

    private static Summary load(DataSource dataSource, Options options, Progress progress) throws SQLException {
        long started = System.nanoTime(); // only to report the elapsed time
        Sizes sizes = Sizes.of(options.occurrences());
        SplittableRandom root = new SplittableRandom(options.seed());
        Taxonomy taxonomy = Taxonomy.build(sizes.species(), root.split());
        Catalog catalog = new Catalog(sizes, taxonomy, root.split());
        Plan plan = new Plan(sizes, catalog, root.split());
        NightWriter nights = new NightWriter(taxonomy, root.split());
        Map<String, Long> rows = new LinkedHashMap<>();

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL statement_timeout = 0");
                refuseOrTruncate(c, options.reset());
                List<String> rebuild = dropIndexesAndForeignKeys(c);
                // The rows carry their maintained columns already (NightWriter): Ferry's triggers would only
                // compute them again, row set by row set.
                setTriggers(s, false);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                writeSmallTables(copy, taxonomy, catalog, plan, rows, progress);
                writeNights(copy, plan, nights, rows, progress);
                progress.start("indexes and foreign keys", rebuild.size());
                s.execute("SET LOCAL maintenance_work_mem = '256MB'"); // index builds sort in memory
                for (String ddl : rebuild) {
                    s.execute(ddl);
                    progress.step(1);
                }
                progress.done();
                progress.start("deployment counters", catalog.stations.size());
                updateCounters(c, catalog);
                progress.step(catalog.stations.size());
                progress.done();
                setTriggers(s, true);
                for (String table : TABLES) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) FROM "
                            + table + " HAVING max(id) IS NOT NULL");
                }
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            progress.start("analyze", TABLES.size());
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    // VACUUM too: COPY FREEZE cannot mark the pages all-visible in a table with a BEFORE row trigger
                    // (Ferry's on main_occurrence, disabled or not), and index-only scans need them marked; on the
                    // tables it could mark, the vacuum skips every page.
                    s.execute("VACUUM (ANALYZE) " + table);
                    progress.step(1);
                }
            }
            progress.done();
        }
        return new Summary(rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Drops the foreign keys and the secondary indexes (not those of primary keys or unique
     * constraints) of the seeded tables, read from the catalog; returns the DDL that recreates
     * them, indexes first. Checking a foreign key once over the loaded table is much cheaper than
     * a trigger per row, and so is building an index once (100,000 occurrences: 46 s with them in
     * place, 13 s this way).
     * All of it is transactional: a failed seed rolls the schema back too.
     */
    private static List<String> dropIndexesAndForeignKeys(Connection c) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        String tables = "ARRAY['" + String.join("', '", TABLES) + "']::regclass[]";
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conrelid::regclass::text, quote_ident(conname), "
                    + "pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY("
                    + tables + ") ORDER BY conrelid::regclass::text, conname")) {
                while (rs.next()) {
                    drop.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                    foreignKeys.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " "
                            + rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                    + "FROM pg_index i WHERE i.indrelid = ANY(" + tables + ") AND NOT EXISTS (SELECT 1 FROM "
                    + "pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) "
                    + "ORDER BY i.indrelid::regclass::text, 1")) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            for (String ddl : drop) {
                s.execute(ddl);
            }
        }
        List<String> rebuild = new ArrayList<>(indexes);
        rebuild.addAll(foreignKeys);
        return rebuild;
    }

    /** Turns the user triggers of the seeded tables (Ferry's maintenance) off or back on, in the transaction. */
    private static void setTriggers(Statement s, boolean enabled) throws SQLException {
        for (String table : TABLES) {
            s.execute("ALTER TABLE " + table + (enabled ? " ENABLE" : " DISABLE") + " TRIGGER USER");
        }
    }

    /**
     * Throws if any table has rows and {@code reset} is off; then truncates them all. Truncating
     * empty tables too lets {@code COPY ... FREEZE} write the rows frozen and all-visible, so that
     * neither the first queries nor autovacuum rewrite every page after the load.
     */
    private static void refuseOrTruncate(Connection c, boolean reset) throws SQLException {
        if (!reset) {
            long occurrences = scalar(c, "SELECT count(*) FROM main_occurrence");
            if (occurrences > 0) {
                throw new IllegalStateException("database already holds " + occurrences
                        + " occurrences; pass --reset to replace them");
            }
            List<String> nonEmpty = new ArrayList<>();
            for (String table : TABLES) {
                if (scalar(c, "SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) x") > 0) {
                    nonEmpty.add(table);
                }
            }
            if (!nonEmpty.isEmpty()) {
                throw new IllegalStateException("database already holds rows in " + String.join(", ", nonEmpty)
                        + "; pass --reset to replace them");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", TABLES) + " RESTART IDENTITY CASCADE");
        }
    }

    private static void writeSmallTables(CopyManager copy, Taxonomy taxonomy, Catalog catalog, Plan plan,
                                         Map<String, Long> rows, Progress progress) throws SQLException {
        progress.start("reference tables", 14);
        CopyTable users = new CopyTable("users_user", Catalog.USER_COLUMNS);
        catalog.writeUsers(users);
        send(copy, users, rows, progress);
        CopyTable taxa = new CopyTable("main_taxon", Taxonomy.COLUMNS);
        taxonomy.write(taxa, Times.of(java.time.LocalDateTime.of(2023, 3, 1, 10, 0)));
        send(copy, taxa, rows, progress);
        CopyTable projects = new CopyTable("main_project", Catalog.PROJECT_COLUMNS);
        catalog.writeProjects(projects);
        send(copy, projects, rows, progress);
        CopyTable include = new CopyTable("main_project_default_filters_include_taxa", Catalog.FILTER_COLUMNS);
        CopyTable exclude = new CopyTable("main_project_default_filters_exclude_taxa", Catalog.FILTER_COLUMNS);
        catalog.writeDefaultFilters(include, exclude);
        send(copy, include, rows, progress);
        send(copy, exclude, rows, progress);
        CopyTable members = new CopyTable("main_userprojectmembership", Catalog.MEMBERSHIP_COLUMNS);
        catalog.writeMemberships(members);
        send(copy, members, rows, progress);
        CopyTable taxonProjects = new CopyTable("main_taxon_projects", Catalog.TAXON_PROJECT_COLUMNS);
        catalog.writeTaxonProjects(taxonProjects);
        send(copy, taxonProjects, rows, progress);
        CopyTable storage = new CopyTable("main_s3storagesource", Catalog.STORAGE_COLUMNS);
        catalog.writeStorage(storage);
        send(copy, storage, rows, progress);
        CopyTable sites = new CopyTable("main_site", Catalog.SITE_COLUMNS);
        catalog.writeSites(sites);
        send(copy, sites, rows, progress);
        CopyTable devices = new CopyTable("main_device", Catalog.DEVICE_COLUMNS);
        catalog.writeDevices(devices);
        send(copy, devices, rows, progress);
        CopyTable deployments = new CopyTable("main_deployment", Catalog.DEPLOYMENT_COLUMNS);
        catalog.writeDeployments(deployments);
        send(copy, deployments, rows, progress);
        CopyTable maps = new CopyTable("ml_algorithmcategorymap", Catalog.CATEGORY_MAP_COLUMNS);
        catalog.writeCategoryMaps(maps);
        send(copy, maps, rows, progress);
        CopyTable algorithms = new CopyTable("ml_algorithm", Catalog.ALGORITHM_COLUMNS);
        catalog.writeAlgorithms(algorithms);
        send(copy, algorithms, rows, progress);
        CopyTable jobs = new CopyTable("jobs_job", Catalog.JOB_COLUMNS);
        catalog.writeJobs(jobs, plan.season);
        send(copy, jobs, rows, progress);
        progress.done();
    }

    private static void send(CopyManager copy, CopyTable table, Map<String, Long> rows, Progress progress)
            throws SQLException {
        table.flush(copy);
        rows.put(table.table, table.rows());
        progress.step(1);
    }

    /** The big tables, a chunk of nights at a time. */
    private static void writeNights(CopyManager copy, Plan plan, NightWriter writer, Map<String, Long> rows,
                                    Progress progress) throws SQLException {
        CopyTable[] tables = writer.tables();
        progress.start("occurrences",
                plan.nights.stream().mapToLong(Plan.Night::occurrences).sum());
        long pending = 0;
        for (Plan.Night night : plan.nights) {
            writer.write(night);
            pending += night.occurrences();
            if (pending >= CHUNK) {
                for (CopyTable t : tables) {
                    t.flush(copy);
                }
                progress.step(pending);
                pending = 0;
            }
        }
        for (CopyTable t : tables) {
            t.flush(copy);
            rows.put(t.table, t.rows());
        }
        progress.step(pending);
        progress.done();
    }

    /** Deployment counters, from the totals the nights added up while they were written. */
    private static void updateCounters(Connection c, Catalog catalog) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE main_deployment SET events_count = ?, "
                + "occurrences_count = ?, captures_count = ?, detections_count = ?, taxa_count = ?, "
                + "first_capture_timestamp = ?, last_capture_timestamp = ? WHERE id = ?")) {
            for (Catalog.Station s : catalog.stations) {
                ps.setInt(1, s.events);
                ps.setLong(2, s.occurrences);
                ps.setLong(3, s.captures);
                ps.setLong(4, s.detections);
                ps.setInt(5, s.taxa.cardinality());
                ps.setObject(6, s.events == 0 ? null : Times.toLocalDateTime(s.firstCapture));
                ps.setObject(7, s.events == 0 ? null : Times.toLocalDateTime(s.lastCapture));
                ps.setLong(8, s.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
