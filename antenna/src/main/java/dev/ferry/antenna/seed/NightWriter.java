package dev.ferry.antenna.seed;

import java.util.SplittableRandom;

/**
 * Generates one night of one station at a time: its captures, occurrences, detections,
 * classifications and identifications, and the event row with its counters, appending the rows
 * to the COPY buffers. Everything about a night is decided while it is written, so memory stays
 * flat whatever the size.
 *
 * <p>Ratios (per occurrence unless said otherwise):
 * <ul>
 *   <li>detections: 90% one, 10% two to five on consecutive captures of the night (the pipeline
 *       makes one occurrence per detection; tracking would join them); 95% have a crop path;</li>
 *   <li>5% of occurrences are not moths: the binary classifier says "Not Lepidoptera" and no
 *       species classifier runs; 2% have no classification at all (determination NULL);</li>
 *   <li>per moth detection: the binary moth / non-moth classification (terminal = false) and the
 *       Quebec &amp; Vermont species classification (terminal = true, right about 72% of the
 *       time); 10% of moth detections were re-processed months later by the global species
 *       classifier (a third classification);</li>
 *   <li>scores are full-precision doubles; the binary classification stores its two-class
 *       {@code scores} and {@code logits} arrays (the real length of its category map); the species
 *       classifications leave both arrays NULL, as a full array would hold one value per species
 *       (thousands) and the API never reads them;</li>
 *   <li>5% of occurrences have identifications, by 1-3 members of the project; a quarter of the
 *       identifiers first proposed another taxon that their newer identification withdrew, and 5%
 *       of single-identifier occurrences only have a withdrawn identification; occurrences
 *       without classifications have no identifications either;</li>
 *   <li>the occurrence's determination: the latest non-withdrawn identification's taxon with
 *       score 1.0, else the best prediction (per-algorithm maximum score, then terminal first,
 *       then highest score, then highest id), else NULL.</li>
 * </ul>
 */
final class NightWriter {

    static final String EVENT_COLUMNS = "id, created_at, updated_at, group_by, start, \"end\", project_id, "
            + "deployment_id, captures_count, detections_count, occurrences_count, calculated_fields_updated_at";
    static final String CAPTURE_COLUMNS = "id, created_at, updated_at, path, public_base_url, timestamp, width, "
            + "height, size, last_modified, test_image, detections_count, project_id, deployment_id, event_id";
    static final String OCCURRENCE_COLUMNS = "id, created_at, updated_at, determination_id, determination_score, "
            + "event_id, deployment_id, project_id, "
            // the maintained columns (migration V3, model.Maintained), written as Ferry computes them
            + "detections_count, identifications_count, first_appearance_timestamp, last_appearance_timestamp, "
            + "first_appearance_time, duration_seconds, determination_name, determination_ordering, "
            + "determination_rank, event_start, deployment_name";
    static final String DETECTION_COLUMNS = "id, created_at, updated_at, source_image_id, bbox, timestamp, path, "
            + "occurrence_id, frame_num, detection_algorithm_id, detection_time, detection_score";
    static final String CLASSIFICATION_COLUMNS = "id, created_at, updated_at, detection_id, taxon_id, score, "
            + "timestamp, terminal, logits, scores, category_map_id, algorithm_id";
    static final String IDENTIFICATION_COLUMNS = "id, created_at, updated_at, user_id, taxon_id, occurrence_id, "
            + "withdrawn, agreed_with_identification_id, agreed_with_prediction_id, comment";

    static final int WIDTH = 4096;
    static final int HEIGHT = 2160;

    /** Most comments are empty; the others include a tab, a newline and a backslash on purpose. */
    static final String[] COMMENTS = {
        "Hindwing hidden, but the forewing pattern matches.",
        "Checked against the field guide:\tplate 12.",
        "Worn specimen.\nCould also be a look-alike.",
        "Reference photo in C:\\moths\\reference.jpg",
        "Confirmed by the regional expert.",
    };

    final CopyTable events = new CopyTable("main_event", EVENT_COLUMNS);
    final CopyTable captures = new CopyTable("main_sourceimage", CAPTURE_COLUMNS);
    final CopyTable occurrences = new CopyTable("main_occurrence", OCCURRENCE_COLUMNS);
    final CopyTable detections = new CopyTable("main_detection", DETECTION_COLUMNS);
    final CopyTable classifications = new CopyTable("main_classification", CLASSIFICATION_COLUMNS);
    final CopyTable identifications = new CopyTable("main_identification", IDENTIFICATION_COLUMNS);

    private final Taxonomy taxonomy;
    private final SplittableRandom rng;
    private long nextCapture = 1;
    private long nextOccurrence = 1;
    private long nextDetection = 1;
    private long nextClassification = 1;
    private long nextIdentification = 1;

    // The current occurrence's classifications (at most 5 detections x 3).
    private final long[] cId = new long[16];
    private final long[] cAlgorithm = new long[16];
    private final double[] cScore = new double[16];
    private final boolean[] cTerminal = new boolean[16];
    private final long[] cTaxon = new long[16];
    private int cCount;
    // The current occurrence's identification outcome (see identify).
    private long identifiedTaxon;
    private long identifiedAt;

    NightWriter(Taxonomy taxonomy, SplittableRandom rng) {
        this.taxonomy = taxonomy;
        this.rng = rng;
    }

    /** The tables in foreign-key order, as they must be flushed. */
    CopyTable[] tables() {
        return new CopyTable[] {events, captures, occurrences, detections, classifications, identifications};
    }

    void write(Plan.Night night) {
        Catalog.Station station = night.station();
        Catalog.Project project = station.project;
        int n = night.captures();
        long interval = station.intervalMinutes * Times.MINUTE;
        long[] at = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = night.start() + i * interval + (i == 0 ? 0 : rng.nextInt(20) * Times.SECOND);
        }
        long firstCapture = nextCapture;
        nextCapture += n;
        int[] onCapture = new int[n];
        // synced from the trap's storage a few hours later, processed by the ML pipeline days later
        long synced = at[n - 1] + (2 + rng.nextInt(28)) * Times.HOUR + rng.nextInt(3600) * Times.SECOND
                + rng.nextInt(1_000_000);
        long clock = synced + (1 + rng.nextInt(14)) * Times.DAY + rng.nextInt(8 * 3600) * Times.SECOND;
        long reprocessed = clock + (60 + rng.nextInt(140)) * Times.DAY;
        int nightDetections = 0;

        for (int o = 0; o < night.occurrences(); o++) {
            long occurrence = nextOccurrence++;
            boolean moth = rng.nextDouble() < 0.95;
            Taxonomy.Taxon truth = moth ? taxonomy.sampleSpecies(rng)
                    : taxonomy.otherOrders.get(rng.nextInt(taxonomy.otherOrders.size()));
            boolean classified = rng.nextDouble() >= 0.02;
            int count = rng.nextDouble() < 0.10 ? 2 + rng.nextInt(4) : 1;
            count = Math.min(count, n);
            int first = rng.nextInt(n - count + 1);
            cCount = 0;
            long created = 0;
            long changed = 0;
            int w = 40 + rng.nextInt(360);
            int h = 40 + rng.nextInt(300);
            int x = rng.nextInt(WIDTH - w);
            int y = rng.nextInt(HEIGHT - h);
            for (int j = 0; j < count; j++) {
                int capture = first + j;
                long detection = nextDetection++;
                int index = ++onCapture[capture];
                nightDetections++;
                clock += (100 + rng.nextInt(800)) * 1000L + rng.nextInt(1000);
                if (j == 0) {
                    created = clock;
                }
                // the moth crawls a little between captures
                x = Sizes.clamp(x + rng.nextInt(161) - 80, 0, WIDTH - w);
                y = Sizes.clamp(y + rng.nextInt(161) - 80, 0, HEIGHT - h);
                detections.num(detection).ts(clock).ts(clock).num(firstCapture + capture);
                detections.open().append('[').append(x).append(", ").append(y).append(", ")
                        .append(x + w).append(", ").append(y + h).append(']');
                detections.ts(at[capture]);
                if (rng.nextDouble() < 0.95) {
                    StringBuilder path = detections.open().append("detections/").append(station.slug).append('/');
                    Times.appendCompact(path, at[capture]);
                    path.append("-det-").append(index).append(".jpg");
                } else {
                    detections.nul();
                }
                detections.num(occurrence).num(capture).num(Catalog.DETECTOR).ts(clock)
                        .dbl(0.3 + 0.69 * rng.nextDouble()).end();
                changed = Math.max(changed, clock);
                if (classified) {
                    changed = Math.max(changed, classify(detection, clock, reprocessed, moth, truth));
                }
            }
            int best = bestPrediction();
            long identificationsBefore = nextIdentification;
            identify(occurrence, project, moth, truth, best, changed);
            occurrences.num(occurrence).ts(created).ts(Math.max(changed, identifiedAt));
            long determination = 0;
            if (identifiedTaxon > 0) {
                determination = identifiedTaxon;
                occurrences.num(determination).dbl(1.0);
            } else if (best >= 0) {
                determination = cTaxon[best];
                occurrences.num(determination).dbl(cScore[best]);
            } else {
                occurrences.nul().nul();
            }
            occurrences.num(night.id()).num(station.id).num(project.id());
            // Maintained: detection count and times (detections are on captures first..first+count-1, in time
            // order), identification count, and the determination's, night's and station's sort values.
            long firstSeen = at[first];
            long lastSeen = at[first + count - 1];
            long earliestTime = Times.DAY;
            for (int j = 0; j < count; j++) {
                earliestTime = Math.min(earliestTime, at[first + j] % Times.DAY); // a night crosses midnight
            }
            occurrences.num(count).num(nextIdentification - identificationsBefore).ts(firstSeen).ts(lastSeen)
                    .timeOfDay(earliestTime).dbl((lastSeen - firstSeen) / (double) Times.SECOND);
            Taxonomy.Taxon taxon = determination > 0 ? taxonomy.byId(determination) : null;
            occurrences.str(taxon == null ? null : taxon.name).nul().str(taxon == null ? null : taxon.rank)
                    .ts(at[0]).str(station.name).end();
            if (determination > 0) {
                station.taxa.set((int) determination);
            }
        }

        for (int i = 0; i < n; i++) {
            long capturedAt = synced + i * 40_000L;
            StringBuilder path = captures.num(firstCapture + i).ts(capturedAt).ts(capturedAt).open();
            Times.appendSlashed(path, at[i]);
            path.append('/');
            Times.appendCompact(path, at[i]);
            path.append("-snapshot.jpg");
            captures.str(project.publicBaseUrl()).ts(at[i]).num(WIDTH).num(HEIGHT)
                    .num(1_500_000 + rng.nextInt(4_000_000)).ts(at[i] + (1 + rng.nextInt(3)) * Times.SECOND)
                    .bool(false).num(onCapture[i]).num(project.id()).num(station.id).num(night.id()).end();
        }
        long calculated = clock + (1 + rng.nextInt(30)) * Times.MINUTE;
        events.num(night.id()).ts(synced).ts(calculated).str(Times.isoDate(at[0])).ts(at[0]).ts(at[n - 1])
                .num(project.id()).num(station.id).num(n).num(nightDetections).num(night.occurrences())
                .ts(calculated).end();

        station.events++;
        station.captures += n;
        station.detections += nightDetections;
        station.occurrences += night.occurrences();
        station.firstCapture = Math.min(station.firstCapture, at[0]);
        station.lastCapture = Math.max(station.lastCapture, at[n - 1]);
    }

    /** Writes the classifications of one detection; returns when the last one was created. */
    private long classify(long detection, long detected, long reprocessed, boolean moth, Taxonomy.Taxon truth) {
        long t = detected + (1 + rng.nextInt(3)) * Times.SECOND + rng.nextInt(1_000_000);
        double p = 0.6 + 0.399 * rng.nextDouble(); // confidence in the label it gives
        double pMoth = moth ? p : 1 - p;
        double logit = StrictMath.log(pMoth / (1 - pMoth)) / 2; // softmax(logit, -logit) = (pMoth, 1 - pMoth)
        long id = classification(detection, t, moth ? taxonomy.lepidoptera.id : taxonomy.notLepidoptera.id, p,
                false, Catalog.MAP_BINARY, Catalog.BINARY);
        classifications.open().append('{').append(logit).append(',').append(-logit).append('}');
        classifications.open().append('{').append(pMoth).append(',').append(1 - pMoth).append('}');
        classifications.num(Catalog.MAP_BINARY).num(Catalog.BINARY).end();
        if (!moth) {
            return t;
        }
        t += rng.nextInt(2_000_000);
        species(detection, t, truth, 0.72, Catalog.MAP_QV, Catalog.SPECIES_QV);
        if (rng.nextDouble() < 0.10) {
            t = reprocessed + rng.nextInt(6 * 3600) * Times.SECOND;
            species(detection, t, truth, 0.80, Catalog.MAP_GLOBAL, Catalog.SPECIES_GLOBAL);
        }
        return t;
    }

    private void species(long detection, long t, Taxonomy.Taxon truth, double accuracy, long map, long algorithm) {
        boolean right = rng.nextDouble() < accuracy;
        Taxonomy.Taxon taxon = right ? truth : taxonomy.lookAlike(truth, rng);
        // right answers are mostly confident; wrong ones mostly not (many fall under the 0.5 filter)
        double score = right ? 0.3 + 0.69 * StrictMath.sqrt(rng.nextDouble()) : 0.08 + 0.6 * rng.nextDouble();
        classification(detection, t, taxon.id, score, true, map, algorithm);
        classifications.nul().nul().num(map).num(algorithm).end();
    }

    /** Starts a classification row (up to the arrays) and remembers it for the determination. */
    private long classification(long detection, long t, long taxon, double score, boolean terminal, long map,
                                long algorithm) {
        long id = nextClassification++;
        classifications.num(id).ts(t).ts(t).num(detection).num(taxon).dbl(score).ts(t).bool(terminal);
        cId[cCount] = id;
        cAlgorithm[cCount] = algorithm;
        cScore[cCount] = score;
        cTerminal[cCount] = terminal;
        cTaxon[cCount] = taxon;
        cCount++;
        return id;
    }

    /**
     * The best prediction among the current occurrence's classifications, as the platform picks
     * it: keep those with their algorithm's maximum score, then terminal first, highest score,
     * highest id. Returns its index, or -1 without classifications.
     */
    private int bestPrediction() {
        int best = -1;
        for (int i = 0; i < cCount; i++) {
            boolean algorithmMax = true;
            for (int k = 0; k < cCount; k++) {
                if (cAlgorithm[k] == cAlgorithm[i] && cScore[k] > cScore[i]) {
                    algorithmMax = false;
                    break;
                }
            }
            if (!algorithmMax) {
                continue;
            }
            if (best < 0 || better(i, best)) {
                best = i;
            }
        }
        return best;
    }

    private boolean better(int a, int b) {
        if (cTerminal[a] != cTerminal[b]) {
            return cTerminal[a];
        }
        if (cScore[a] != cScore[b]) {
            return cScore[a] > cScore[b];
        }
        return cId[a] > cId[b];
    }

    /**
     * Writes the identifications of the occurrence (for 5% of them), and sets
     * {@link #identifiedTaxon} (the latest non-withdrawn one's taxon, else 0) and
     * {@link #identifiedAt} (when the last one was made, else 0).
     */
    private void identify(long occurrence, Catalog.Project project, boolean moth, Taxonomy.Taxon truth,
                          int best, long after) {
        identifiedTaxon = 0;
        identifiedAt = 0;
        if (rng.nextDouble() >= 0.05 || cCount == 0) {
            return; // nobody looks at occurrences the pipeline has not classified yet
        }
        long[] members = project.members().clone();
        double u = rng.nextDouble();
        int people = Math.min(members.length, u < 0.70 ? 1 : u < 0.92 ? 2 : 3);
        long t = after + (1 + rng.nextInt(60)) * Times.DAY + rng.nextInt(86_400) * Times.SECOND;
        long firstId = 0;
        long firstTaxon = 0;
        for (int i = 0; i < people; i++) {
            int pick = i + rng.nextInt(members.length - i); // partial shuffle: distinct people
            long user = members[pick];
            members[pick] = members[i];
            members[i] = user;
            if (rng.nextDouble() < 0.25) {
                // an earlier guess that the person's newer identification withdrew
                Taxonomy.Taxon guess = moth ? (rng.nextBoolean() ? truth.parent : taxonomy.lookAlike(truth, rng))
                        : taxonomy.lepidoptera;
                identification(t, user, guess.id, occurrence, true, 0, 0);
                t += (1 + rng.nextInt(20)) * Times.DAY + rng.nextInt(86_400) * Times.SECOND;
            }
            long taxon;
            long agreedIdentification = 0;
            long agreedPrediction = 0;
            if (i > 0 && firstId > 0 && rng.nextDouble() < 0.7) {
                taxon = firstTaxon;
                agreedIdentification = firstId;
            } else if (best >= 0 && cTerminal[best] && rng.nextDouble() < 0.55) {
                taxon = cTaxon[best];
                agreedPrediction = cId[best];
            } else if (moth && rng.nextDouble() < 0.2) {
                taxon = truth.parent.id; // only sure of the genus
            } else {
                taxon = truth.id;
            }
            boolean withdrawn = people == 1 && rng.nextDouble() < 0.05; // withdrawn without a new one
            long id = identification(t, user, taxon, occurrence, withdrawn, agreedIdentification, agreedPrediction);
            identifiedAt = t;
            if (i == 0 && !withdrawn) {
                firstId = id;
                firstTaxon = taxon;
            }
            if (!withdrawn) {
                identifiedTaxon = taxon; // created later than every earlier one
            }
            t += (1 + rng.nextInt(30)) * Times.DAY + rng.nextInt(86_400) * Times.SECOND;
        }
    }

    private long identification(long t, long user, long taxon, long occurrence, boolean withdrawn,
                                long agreedIdentification, long agreedPrediction) {
        long id = nextIdentification++;
        String comment = rng.nextDouble() < 0.85 ? "" : COMMENTS[rng.nextInt(COMMENTS.length)];
        identifications.num(id).ts(t).ts(t).num(user).num(taxon).num(occurrence).bool(withdrawn)
                .ref(agreedIdentification).ref(agreedPrediction).str(comment).end();
        return id;
    }
}
