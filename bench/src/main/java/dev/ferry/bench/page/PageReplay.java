package dev.ferry.bench.page;

import dev.ferry.bench.replay.Recorder;
import dev.ferry.bench.replay.ReplayDataSource;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The list page's Java-side cost, database excluded: each page is recorded once per strategy from a live
 * database ({@code record URL FILE}, the recordings serialized to FILE), then replayed in-process
 * ({@code run FILE [seconds-per-measurement] [rounds] [strategies]}): ns per page for each strategy and
 * page, the strategies interleaved so a noisy machine hits both alike. {@code profile FILE STRATEGY SECONDS}
 * loops one strategy over the pages for a profiler (JFR). Every replayed document is checked to equal the
 * recorded one.
 */
public final class PageReplay {

    /** limit, offset */
    static final long[][] PAGES = {{10, 0}, {25, 0}, {25, 500}, {25, 5000}, {100, 0}};
    static final List<String> STRATEGIES = List.of("ferry", "jdbc");

    private PageReplay() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "record" -> record(args[1], Path.of(args[2]));
            case "run" -> run(load(Path.of(args[1])), args.length > 2 ? Double.parseDouble(args[2]) : 1.0,
                    args.length > 3 ? Integer.parseInt(args[3]) : 5,
                    args.length > 4 ? List.of(args[4].split(",")) : STRATEGIES);
            case "profile" -> profile(load(Path.of(args[1])), args[2], Double.parseDouble(args[3]));
            case "live" -> live(args[1], List.of(args[2].split(",")), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** One recording: a strategy's statements for one page, and the document it rendered. */
    record Recording(String strategy, long limit, long offset, Map<String, Object[][]> results, byte[] document)
            implements java.io.Serializable {
    }

    static void record(String url, Path file) throws Exception {
        PGSimpleDataSource real = new PGSimpleDataSource();
        real.setURL(url);
        List<Recording> all = new ArrayList<>();
        for (String name : STRATEGIES) {
            for (long[] p : PAGES) {
                Recorder recorder = new Recorder(real);
                byte[] doc = PageRequests.render(Strategies.create(name, recorder), PageRequests.PROJECT, (int) p[0], p[1]);
                all.add(new Recording(name, p[0], p[1], new LinkedHashMap<>(recorder.results()), doc));
                System.out.printf("recorded %s limit %d offset %d: %d statements, %d bytes%n", name, p[0], p[1],
                        recorder.results().size(), doc.length);
            }
        }
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(all);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Recording> load(Path file) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return (List<Recording>) in.readObject();
        }
    }

    /** A strategy on one page's recording, its document checked against the recorded one. */
    record Replay(Recording recording, PageStrategy strategy) {
        static Replay of(Recording r) throws Exception {
            Replay replay = new Replay(r, Strategies.create(r.strategy(), new ReplayDataSource(r.results())));
            if (!Arrays.equals(replay.render(), r.document())) {
                throw new AssertionError("replayed document differs from the recorded one: " + r.strategy() + " "
                        + r.limit() + "/" + r.offset() + "\n" + new String(replay.render()) + "\n"
                        + new String(r.document()));
            }
            return replay;
        }

        byte[] render() throws Exception {
            return PageRequests.render(strategy, PageRequests.PROJECT, (int) recording.limit(), recording.offset());
        }

        /** The loading alone: the strategy's document, not written. */
        dev.ferry.antenna.api.JsonBody load() throws Exception {
            return strategy.page(PageRequests.request(PageRequests.PROJECT, (int) recording.limit(), recording.offset()),
                    PageRequests.PROJECT, (int) recording.limit(), recording.offset());
        }
    }

    /** What one measurement repeats. */
    interface Work {
        int run(Replay r) throws Exception;
    }

    static final Map<String, Work> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("page", r -> r.render().length);
        PARTS.put("load", r -> r.load().hashCode());
        // the JSON of rows loaded once: what the two strategies share, apart from reading the entities' holders
        PARTS.put("json", new Work() {
            private final Map<Replay, dev.ferry.antenna.api.JsonBody> bodies = new java.util.IdentityHashMap<>();

            @Override
            public int run(Replay r) throws Exception {
                dev.ferry.antenna.api.JsonBody body = bodies.get(r);
                if (body == null) {
                    body = r.load();
                    bodies.put(r, body);
                }
                return PageRequests.render(body).length;
            }
        });
    }

    static void run(List<Recording> recordings, double seconds, int rounds, List<String> strategies) throws Exception {
        List<Replay> replays = new ArrayList<>();
        for (Recording r : recordings) {
            if (strategies.contains(r.strategy())) {
                replays.add(Replay.of(r));
            }
        }
        // warm-up: every replay for a few seconds
        for (Replay r : replays) {
            for (Work w : PARTS.values()) {
                loop(r, w, seconds / 2);
            }
        }
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (long[] p : PAGES) {
                for (Map.Entry<String, Work> part : PARTS.entrySet()) {
                    for (String s : strategies) {
                        for (Replay r : replays) {
                            if (r.recording().strategy().equals(s) && r.recording().limit() == p[0]
                                    && r.recording().offset() == p[1]) {
                                results.computeIfAbsent(part.getKey() + " " + s + " limit " + p[0] + " offset " + p[1],
                                        k -> new ArrayList<>()).add(loop(r, part.getValue(), seconds));
                            }
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<Double>> e : results.entrySet()) {
            List<Double> v = new ArrayList<>(e.getValue());
            v.sort(null);
            System.out.printf("%-38s cpu ns/page min %,10.0f median %,10.0f max %,10.0f  all %s%n", e.getKey(), v.get(0),
                    v.get(v.size() / 2), v.get(v.size() - 1),
                    e.getValue().stream().map(d -> String.format("%,.0f", d)).toList());
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Renders the page repeatedly for about {@code seconds}; this thread's CPU ns per page (the machine is a
     * VM with steal time: wall-clock ns would count the other guests' turns too).
     */
    static double loop(Replay r, Work work, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long n = 0;
        long now;
        int sink = 0;
        do {
            for (int i = 0; i < 20; i++) {
                sink += work.run(r);
            }
            n += 20;
            now = System.nanoTime();
        } while (now - start < budget);
        if (sink == 42) {
            System.out.print("");
        }
        return (double) (THREADS.getCurrentThreadCpuTime() - cpu) / n;
    }

    /** Against the live database (a pool, as PageComparison does): this thread's CPU ms per page, random offsets. */
    static void live(String url, List<String> strategies, int limit, int pages) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (com.zaxxer.hikari.HikariDataSource pool = PageWorkload.pool(url, 4)) {
            for (int round = 0; round < 3; round++) {
                for (String name : strategies) {
                    PageStrategy strategy = Strategies.create(name, pool);
                    java.util.SplittableRandom random = new java.util.SplittableRandom(13);
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < pages; i++) {
                        PageRequests.render(strategy, PageRequests.PROJECT, limit, random.nextLong(60000));
                    }
                    System.out.printf("live %s limit %d: %.3f ms CPU per page%n", name, limit,
                            (threads.getCurrentThreadCpuTime() - start) / 1e6 / pages);
                }
            }
        }
    }

    static void profile(List<Recording> recordings, String strategy, double seconds) throws Exception {
        List<Replay> replays = new ArrayList<>();
        for (Recording r : recordings) {
            if (r.strategy().equals(strategy)) {
                replays.add(Replay.of(r));
            }
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (Replay r : replays) {
                loop(r, PARTS.get("page"), 0.05);
            }
        }
    }
}
