package dev.ferry.antenna.seed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The small tables: users, projects (with members and default filters), storage sources, sites,
 * devices, deployments ("stations"), category maps, algorithms and jobs. Everything is decided
 * in the constructor from the seed and kept in memory (a few hundred rows at most); the write
 * methods only format it.
 */
final class Catalog {

    static final long DETECTOR = 1;
    static final long BINARY = 2;
    static final long SPECIES_QV = 3;
    static final long SPECIES_GLOBAL = 4;
    static final long MAP_BINARY = 1;
    static final long MAP_QV = 2;
    static final long MAP_GLOBAL = 3;

    /** A project; {@code members} are user ids (the owner first), who may identify its occurrences. */
    record Project(long id, String name, String region, double share, boolean draft, long owner, long[] members,
                   double lat, double lon, String bucket, String publicBaseUrl, String description) {
    }

    /** A deployment, with the counters the nights add up (written at the end). */
    static final class Station {
        final long id;
        final Project project;
        final String name;
        final String slug;
        final long siteId;
        final long deviceId;
        final long intervalMinutes;
        final double latitude;
        final double longitude;
        final double activity; // relative number of occurrences among its project's stations
        int events;
        long captures;
        long detections;
        long occurrences;
        final BitSet taxa = new BitSet();
        long firstCapture = Long.MAX_VALUE;
        long lastCapture = Long.MIN_VALUE;

        Station(long id, Project project, String name, long siteId, long deviceId, long intervalMinutes,
                double latitude, double longitude, double activity) {
            this.id = id;
            this.project = project;
            this.name = name;
            this.slug = name.toLowerCase(Locale.ROOT).replace(' ', '-');
            this.siteId = siteId;
            this.deviceId = deviceId;
            this.intervalMinutes = intervalMinutes;
            this.latitude = latitude;
            this.longitude = longitude;
            this.activity = activity;
        }
    }

    private static final String[] USER_NAMES = {"Ada Admin", "Maxime Tremblay", "Sarah Whitfield", "Luis Ortega",
        "Kent McFarland", "Nathalie Gagnon", "Priya Raman", "Tom Hollis", "Emily Chen", "Jacques Bouchard",
        "Olivia Brooks", "Daniel Kowalski", "Amara Okafor", "Hannah Fischer", "Marc-André Roy", "Isabel Ruiz",
        "Sam Patel", "Claire Dubois", "Noah Bergström", "Grace Liu", "Ethan Walsh", "Chloé Lefebvre",
        "Mateo Silva", "Ruth Adeyemi", "Ben Carter"};

    final List<Long> userIds = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    final List<Station> stations = new ArrayList<>();
    private final Taxonomy taxonomy;
    private final SplittableRandom rng;

    Catalog(Sizes sizes, Taxonomy taxonomy, SplittableRandom rng) {
        this.taxonomy = taxonomy;
        this.rng = rng;
        for (long u = 1; u <= sizes.users(); u++) {
            userIds.add(u);
        }
        projects.add(project(1, "Vermont Atlas of Life", "Vermont", 0.7, false, 2, 15, 44.1, -72.7,
                "ami-vermont", "https://object-arbutus.cloud.computecanada.ca/ami-vermont/",
                "Nightly moth monitoring stations across Vermont, run with the Vermont Center for Ecostudies."));
        projects.add(project(2, "Quebec Moth Survey", "Quebec", 0.2, false, 3, 8, 46.8, -71.2,
                "ami-quebec", "https://object-arbutus.cloud.computecanada.ca/ami-quebec/",
                "Light traps in southern Quebec; the default view shows geometrid moths only."));
        projects.add(project(3, "Panama Light Traps", "Panama", 0.1, true, 4, 3, 9.15, -79.8,
                "ami-panama", null, "Pilot deployment on Barro Colorado Island (draft)."));

        int d = sizes.deployments();
        int[] perProject = new int[3];
        perProject[1] = Math.max(1, Math.round(d * 0.2f));
        perProject[2] = Math.max(1, Math.round(d * 0.1f));
        perProject[0] = d - perProject[1] - perProject[2];
        long id = 1;
        long site = 0;
        for (int p = 0; p < 3; p++) {
            Project project = projects.get(p);
            long firstSite = site + 1;
            for (int k = 0; k < perProject[p]; k++) {
                long siteId = firstSite + k / 3; // three stations share a research site
                site = Math.max(site, siteId);
                long deviceId = 2L * p + 1 + rng.nextInt(2); // two device models per project
                long interval = rng.nextInt(3) == 0 ? 15 : 10;
                double lat = round5(project.lat() + (rng.nextDouble() - 0.5) * 1.2);
                double lon = round5(project.lon() + (rng.nextDouble() - 0.5) * 1.6);
                stations.add(new Station(id++, project, project.region() + " Station " + (k + 1), siteId, deviceId,
                        interval, lat, lon, 0.5 + rng.nextDouble()));
            }
        }
    }

    private Project project(long id, String name, String region, double share, boolean draft, long owner,
                            int memberCount, double lat, double lon, String bucket, String publicBaseUrl,
                            String description) {
        // The owner plus distinct other users (never the superuser, who sees everything anyway).
        List<Long> pool = new ArrayList<>(userIds.subList(1, userIds.size()));
        pool.remove(Long.valueOf(owner));
        long[] members = new long[memberCount];
        members[0] = owner;
        for (int i = 1; i < memberCount; i++) {
            members[i] = pool.remove(rng.nextInt(pool.size()));
        }
        return new Project(id, name, region, share, draft, owner, members, lat, lon, bucket, publicBaseUrl,
                description);
    }

    // ---- rows ----

    void writeUsers(CopyTable t) {
        long base = Times.of(LocalDateTime.of(2023, 1, 5, 9, 0));
        for (int i = 0; i < USER_NAMES.length && i < userIds.size(); i++) {
            long id = userIds.get(i);
            String name = USER_NAMES[i];
            String email = ascii(name).toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org";
            long joined = base + i * 3 * Times.DAY + rng.nextInt(8 * 3600) * Times.SECOND;
            long lastLogin = Times.of(LocalDate.of(2024, 3, 1)) + rng.nextInt(200) * Times.DAY
                    + rng.nextInt(86_400) * Times.SECOND;
            t.num(id).str("!demo-unusable-password").ts(lastLogin).bool(i == 0).str(email).str(name).nul()
                    .bool(i < 3).bool(true).ts(joined).end();
        }
    }

    static final String USER_COLUMNS =
            "id, password, last_login, is_superuser, email, name, image, is_staff, is_active, date_joined";

    void writeProjects(CopyTable t) {
        for (Project p : projects) {
            long created = Times.of(LocalDateTime.of(2023, 3, (int) p.id() * 7, 14, 30));
            t.num(p.id()).ts(created).ts(created + 40 * Times.DAY).str(p.name()).str(p.description()).nul()
                    .num(p.owner()).bool(p.draft()).str("{}").bool(true).num(1).nul().num(7200).dbl(0.5).end();
        }
    }

    static final String PROJECT_COLUMNS = "id, created_at, updated_at, name, description, image, owner_id, draft, "
            + "feature_flags, active, priority, default_processing_pipeline_id, session_time_gap_seconds, "
            + "default_filters_score_threshold";

    /** Quebec shows one family by default; Vermont hides non-moths and leaf-roller micro-moths. */
    void writeDefaultFilters(CopyTable include, CopyTable exclude) {
        include.num(1).num(2).num(taxonomy.named("Geometridae").id).end();
        exclude.num(1).num(1).num(taxonomy.notLepidoptera.id).end();
        exclude.num(2).num(1).num(taxonomy.named("Tortricidae").id).end();
    }

    static final String FILTER_COLUMNS = "id, project_id, taxon_id";

    void writeMemberships(CopyTable t) {
        long id = 1;
        for (Project p : projects) {
            for (long user : p.members()) {
                long at = Times.of(LocalDateTime.of(2023, 4, 1, 10, 0)) + rng.nextInt(60) * Times.DAY;
                t.num(id++).ts(at).ts(at).num(user).num(p.id()).end();
            }
        }
    }

    static final String MEMBERSHIP_COLUMNS = "id, created_at, updated_at, user_id, project_id";

    /** Every taxon is on every project's species list (the regional checklists overlap). */
    void writeTaxonProjects(CopyTable t) {
        long id = 1;
        for (Taxonomy.Taxon taxon : taxonomy.all) {
            for (Project p : projects) {
                t.num(id++).num(taxon.id).num(p.id()).end();
            }
        }
    }

    static final String TAXON_PROJECT_COLUMNS = "id, taxon_id, project_id";

    void writeStorage(CopyTable t) {
        for (Project p : projects) {
            long at = Times.of(LocalDateTime.of(2023, 4, 10, 11, 0)) + p.id() * Times.HOUR;
            t.num(p.id()).ts(at).ts(at).str(p.name() + " images").str(p.bucket()).str("")
                    .str("https://object-arbutus.cloud.computecanada.ca").str(p.publicBaseUrl()).num(p.id()).end();
        }
    }

    static final String STORAGE_COLUMNS =
            "id, created_at, updated_at, name, bucket, prefix, endpoint_url, public_base_url, project_id";

    void writeSites(CopyTable t) {
        long written = 0;
        for (Station s : stations) {
            if (s.siteId > written) {
                written = s.siteId;
                long at = Times.of(LocalDateTime.of(2023, 4, 20, 9, 0)) + s.siteId * Times.HOUR;
                long n = s.siteId - firstSiteOf(s.project) + 1;
                t.num(s.siteId).ts(at).ts(at).str(s.project.region() + " Research Site " + n)
                        .str("Field site with up to three light-trap stations.").num(s.project.id()).end();
            }
        }
    }

    private long firstSiteOf(Project p) {
        return stations.stream().filter(s -> s.project == p).mapToLong(s -> s.siteId).min().orElseThrow();
    }

    static final String SITE_COLUMNS = "id, created_at, updated_at, name, description, project_id";

    void writeDevices(CopyTable t) {
        for (Project p : projects) {
            for (int v = 0; v < 2; v++) {
                long id = 2 * (p.id() - 1) + 1 + v;
                long at = Times.of(LocalDateTime.of(2023, 4, 21, 9, 0)) + id * Times.HOUR;
                t.num(id).ts(at).ts(at).str("AMI Trap v" + (v + 2) + " (" + p.region() + ")")
                        .str("Automated light trap with a 4K camera and UV/white LEDs.").num(p.id()).end();
            }
        }
    }

    static final String DEVICE_COLUMNS = "id, created_at, updated_at, name, description, project_id";

    /** Deployment rows; the counters stay NULL until {@link DemoData} updates them from the stations. */
    void writeDeployments(CopyTable t) {
        for (Station s : stations) {
            long at = Times.of(LocalDateTime.of(2023, 5, 1, 10, 0)) + s.id * 7 * Times.MINUTE;
            t.num(s.id).ts(at).ts(at).str(s.name)
                    .str("Camera trap " + s.slug + ", one capture every " + s.intervalMinutes + " minutes.")
                    .dbl(s.latitude).dbl(s.longitude).nul().num(s.project.id()).num(s.project.id())
                    .num(s.siteId).num(s.deviceId).end();
        }
    }

    static final String DEPLOYMENT_COLUMNS = "id, created_at, updated_at, name, description, latitude, longitude, "
            + "image, project_id, data_source_id, research_site_id, device_id";

    void writeCategoryMaps(CopyTable t) {
        long at = Times.of(LocalDateTime.of(2023, 5, 15, 12, 0));
        List<String> speciesNames = new ArrayList<>();
        for (Taxonomy.Taxon sp : taxonomy.species) {
            speciesNames.add(sp.name);
        }
        categoryMap(t, MAP_BINARY, at, List.of("moth", "nonmoth"), "ORDER", "2023-03",
                "Moth / non-moth binary labels");
        categoryMap(t, MAP_QV, at, speciesNames, "SPECIES", "2023-09",
                "Quebec & Vermont moth species");
        categoryMap(t, MAP_GLOBAL, at + 200 * Times.DAY, speciesNames.reversed(), "SPECIES", "2024-06",
                "Global moth species (subset present in the checklist)");
    }

    private void categoryMap(CopyTable t, long id, long at, List<String> labels, String rank, String version,
                             String description) {
        StringBuilder data = new StringBuilder("[");
        StringBuilder array = new StringBuilder("{");
        long hash = 0xcbf29ce484222325L; // FNV-1a 64 over the labels
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (i > 0) {
                data.append(", ");
                array.append(',');
            }
            data.append("{\"index\": ").append(i).append(", \"label\": \"").append(label)
                    .append("\", \"taxon_rank\": \"").append(rank).append("\"}");
            array.append('"').append(label.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            for (int c = 0; c < label.length(); c++) {
                hash = (hash ^ label.charAt(c)) * 0x100000001b3L;
            }
            hash = (hash ^ '\n') * 0x100000001b3L;
        }
        data.append(']');
        array.append('}');
        t.num(id).ts(at).ts(at).str(data.toString()).str(array.toString()).num(hash).str(version).str(description)
                .str("https://object-arbutus.cloud.computecanada.ca/ami-models/category-map-" + id + ".json").end();
    }

    static final String CATEGORY_MAP_COLUMNS =
            "id, created_at, updated_at, data, labels, labels_hash, version, description, uri";

    void writeAlgorithms(CopyTable t) {
        long at = Times.of(LocalDateTime.of(2023, 5, 15, 12, 30));
        algorithm(t, DETECTOR, at, "Moth Detector (Faster R-CNN)", "moth-detector-faster-rcnn-2023", "detection",
                1, "2023-03", 0, "Object detector trained on annotated light-trap images.");
        algorithm(t, BINARY, at, "Moth / Non-Moth Classifier", "moth-nonmoth-classifier", "classification",
                1, "2023-03", MAP_BINARY, "Binary classifier that keeps moths for the species classifiers.");
        algorithm(t, SPECIES_QV, at, "Quebec & Vermont Species Classifier", "quebec-vermont-species-classifier",
                "classification", 1, "2023-09", MAP_QV, "Species classifier for northeastern North America.");
        algorithm(t, SPECIES_GLOBAL, at + 200 * Times.DAY, "Global Moth Species Classifier",
                "global-moth-species-classifier", "classification", 2, "2024-06", MAP_GLOBAL,
                "Global species model, used to re-process a sample of detections.");
    }

    private static void algorithm(CopyTable t, long id, long at, String name, String key, String task, int version,
                                  String versionName, long categoryMap, String description) {
        t.num(id).ts(at).ts(at).str(name).str(key).str(task).str(description).num(version).str(versionName)
                .str("https://github.com/RolnickLab/ami-data-companion/" + key).ref(categoryMap).end();
    }

    static final String ALGORITHM_COLUMNS =
            "id, created_at, updated_at, name, key, task_type, description, version, version_name, uri, category_map_id";

    /**
     * A few jobs per deployment over its season: storage syncs and ML runs, mostly finished,
     * some failed, the last one sometimes still running. {@code season[i]} holds the first and
     * last night of station i.
     */
    void writeJobs(CopyTable t, long[][] season) {
        long id = 1;
        for (int i = 0; i < stations.size(); i++) {
            Station s = stations.get(i);
            int jobs = 3 + rng.nextInt(4);
            long from = season[i][0];
            long span = Math.max(Times.DAY, season[i][1] - from);
            for (int j = 0; j < jobs; j++) {
                long created = from + span * (j + 1) / jobs + rng.nextInt(12 * 3600) * Times.SECOND;
                String type = switch (j % 3) {
                    case 0 -> "data_storage_sync";
                    case 1 -> "ml";
                    default -> rng.nextInt(2) == 0 ? "ml" : "populate_captures_collection";
                };
                String name = switch (type) {
                    case "data_storage_sync" -> "Sync captures for " + s.name;
                    case "ml" -> "Process " + s.name + " captures (" + Times.isoDate(created) + ")";
                    default -> "Populate capture set for " + s.name;
                };
                boolean last = j == jobs - 1;
                double u = rng.nextDouble();
                String status = last && u < 0.3 ? "STARTED" : u < 0.85 ? "SUCCESS" : "FAILURE";
                long started = created + (5 + rng.nextInt(600)) * Times.SECOND;
                long finished = status.equals("STARTED") ? CopyTable.NO_TIME
                        : started + (60 + rng.nextInt(4 * 3600)) * Times.SECOND;
                long updated = finished == CopyTable.NO_TIME ? started : finished;
                t.num(id++).ts(created).ts(updated).str(name).str(status).str(type).ts(started).ts(finished)
                        .str("{}").num(s.project.id()).num(s.id).end();
            }
        }
    }

    static final String JOB_COLUMNS = "id, created_at, updated_at, name, status, job_type_key, started_at, "
            + "finished_at, progress, project_id, deployment_id";

    private static double round5(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }

    /** E-mail local parts without accents ("Chloé" → "chloe"). */
    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
