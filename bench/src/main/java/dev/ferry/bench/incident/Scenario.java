package dev.ferry.bench.incident;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The workloads of the replay, each bounded by a duration and a request cap:
 * <ul>
 *   <li>{@link #uiSessions}: browser sessions as the UI makes them (antenna.md sections 5 and 7): a
 *       think time between page views (occurrence list pages, now and then an occurrence or a station),
 *       and the captures list polled every 10 s by a timer of its own, as the UI's refetch does;</li>
 *   <li>{@link #saturation}: closed-loop clients asking for occurrence list pages with no pause, for
 *       the pages per second the service sustains;</li>
 *   <li>{@link #uiTraffic}: closed-loop clients sending occurrence list requests as the UI sends them, with
 *       filters, orderings and pages drawn by {@link UiTraffic}, for their latency.</li>
 * </ul>
 * No request starts after the deadline; requests in flight then are waited for, each at most the
 * client timeout, so a run ends at most one timeout after its deadline and every request is counted.
 */
final class Scenario {

    /**
     * One scenario's numbers, per endpoint in {@link Endpoint} order (endpoints not called are left out);
     * {@code traffic} only for ui-traffic.
     */
    record Result(int occurrences, String mode, String scenario, int clients, double seconds,
                  List<EndpointStats.Summary> endpoints, PoolSampler.Usage pool, int unfinished, double loadAverage,
                  Traffic traffic) {

        Result withTraffic(Traffic t) {
            return new Result(occurrences, mode, scenario, clients, seconds, endpoints, pool, unfinished, loadAverage, t);
        }
    }

    /** The ui-traffic breakdown, and the exactness check of its answers (null until it ran). */
    record Traffic(List<TrafficStats.Row> rows, Exactness.Check check) {
        Traffic withCheck(Exactness.Check c) {
            return new Traffic(rows, c);
        }

        TrafficStats.Row all() {
            return rows.get(0);
        }
    }

    /** How the UI sessions behave. */
    record Ui(int sessions, Duration thinkMin, Duration thinkMax, Duration poll) {
    }

    // Page views of a UI session: 70% an occurrence list page, 15% an occurrence, 15% a station.
    static final double LIST_SHARE = 0.70;
    static final double DETAIL_SHARE = 0.15;
    /** Chance that a session moves to another project before a page view. */
    static final double SWITCH_PROJECT = 0.05;

    private final int occurrences;
    private final Client client;
    private final Targets targets;
    private final HikariDataSource pool;
    private final Duration duration;
    private final long maxRequests;
    private final Duration clientTimeout;

    /** @param targets what ui-sessions and saturation ask for; null for ui-traffic, which brings its own */
    Scenario(int occurrences, Client client, Targets targets, HikariDataSource pool, Duration duration,
             long maxRequests, Duration clientTimeout) {
        this.occurrences = occurrences;
        this.client = client;
        this.targets = targets;
        this.pool = pool;
        this.duration = duration;
        this.maxRequests = maxRequests;
        this.clientTimeout = clientTimeout;
    }

    /** The deadline and the request cap shared by a scenario's workers. */
    static final class Budget {
        private final long deadline;
        private final AtomicLong left;

        Budget(Duration duration, long maxRequests) {
            this.deadline = System.nanoTime() + duration.toNanos();
            this.left = new AtomicLong(maxRequests);
        }

        /** True if one more request may start. */
        boolean take() {
            return System.nanoTime() < deadline && left.getAndDecrement() > 0;
        }

        /** Sleeps {@code nanos} or until the deadline; true if there is time left after. */
        boolean pause(long nanos) throws InterruptedException {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            Thread.sleep(Duration.ofNanos(Math.min(nanos, remaining)));
            return System.nanoTime() < deadline;
        }
    }

    private interface Worker {
        void run(Budget budget, Map<Endpoint, EndpointStats> stats) throws InterruptedException;
    }

    Result uiSessions(String mode, Ui ui, long seed) {
        List<Worker> workers = new ArrayList<>();
        long thinkMin = ui.thinkMin().toNanos();
        long thinkSpread = Math.max(1, ui.thinkMax().toNanos() - thinkMin);
        for (int i = 0; i < ui.sessions(); i++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003 + i);
            AtomicReference<Targets.Project> project = new AtomicReference<>(targets.project(random)); // the poller's too
            SplittableRandom pollRandom = random.split();
            workers.add((budget, stats) -> {
                // sessions open at random moments of the first think time, not in lockstep
                if (!budget.pause(random.nextLong(thinkMin + thinkSpread))) {
                    return;
                }
                while (budget.take()) {
                    if (random.nextDouble() < SWITCH_PROJECT) {
                        project.set(targets.project(random));
                    }
                    Targets.Project p = project.get();
                    double action = random.nextDouble();
                    boolean sent;
                    if (action < LIST_SHARE) {
                        sent = client.get(targets.listPage(p, random), stats.get(Endpoint.OCCURRENCE_LIST));
                    } else if (action < LIST_SHARE + DETAIL_SHARE) {
                        sent = client.get(targets.occurrenceDetail(p, random), stats.get(Endpoint.OCCURRENCE_DETAIL));
                    } else {
                        sent = client.get(targets.deploymentDetail(p, random), stats.get(Endpoint.DEPLOYMENT_DETAIL));
                    }
                    if (!sent || !budget.pause(thinkMin + random.nextLong(thinkSpread))) {
                        return;
                    }
                }
            });
            workers.add((budget, stats) -> {
                long period = ui.poll().toNanos();
                // a timer of its own, at a random phase; a poll still running when the next is due delays it
                long next = System.nanoTime() + pollRandom.nextLong(period);
                while (budget.pause(next - System.nanoTime()) && budget.take()) {
                    if (!client.get(targets.captures(project.get()), stats.get(Endpoint.CAPTURE_LIST))) {
                        return;
                    }
                    next += period;
                }
            });
        }
        return run(mode, "ui-sessions", ui.sessions(), workers);
    }

    Result saturation(String mode, int clients, long seed) {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003 + 500_000 + i);
            workers.add((budget, stats) -> {
                while (budget.take()) {
                    if (!client.get(targets.listPage(targets.project(random), random), stats.get(Endpoint.OCCURRENCE_LIST))) {
                        return;
                    }
                }
            });
        }
        return run(mode, "saturation", clients, workers);
    }

    /**
     * {@code clients} closed-loop clients, no think time, each sending the next request of {@code traffic} as
     * soon as its previous one ended; each request is recorded in {@code stats} (its answer possibly kept).
     */
    Result uiTraffic(String mode, int clients, UiTraffic traffic, TrafficStats stats, long seed) {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003 + 900_000 + i);
            workers.add((budget, endpoints) -> {
                while (budget.take()) {
                    UiTraffic.Request request = traffic.next(random);
                    boolean first = stats.firstOf(request);
                    Client.Outcome outcome = client.getKeepingBody(request.path(), endpoints.get(Endpoint.OCCURRENCE_LIST));
                    if (outcome == null) {
                        return;
                    }
                    stats.add(request, first, outcome);
                }
            });
        }
        return run(mode, "ui-traffic", clients, workers).withTraffic(new Traffic(stats.breakdown(), null));
    }

    /** Runs the workers on virtual threads until the deadline (or the cap), then waits for requests in flight. */
    private Result run(String mode, String name, int clients, List<Worker> workers) {
        Map<Endpoint, EndpointStats> stats = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            stats.put(e, new EndpointStats(e));
        }
        long started = System.nanoTime();
        Budget budget = new Budget(duration, maxRequests);
        List<Thread> threads = new ArrayList<>();
        int unfinished = 0;
        try (PoolSampler sampler = new PoolSampler(pool.getHikariPoolMXBean(), pool.getMaximumPoolSize())) {
            for (Worker w : workers) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        w.run(budget, stats);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            // Every request started before the deadline ends within one client timeout of it (plus slack).
            long hardStop = started + duration.plus(clientTimeout).plusSeconds(5).toNanos();
            for (Thread t : threads) {
                try {
                    if (!t.join(Duration.ofNanos(Math.max(1, hardStop - System.nanoTime())))) {
                        t.interrupt();
                        unfinished++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    threads.forEach(Thread::interrupt);
                    break;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<EndpointStats.Summary> summaries = new ArrayList<>();
            for (EndpointStats s : stats.values()) {
                EndpointStats.Summary summary = s.summary(seconds);
                if (summary.requests() > 0) {
                    summaries.add(summary);
                }
            }
            sampler.close();
            // the machine's 1-minute load average as the scenario ends: how much else competed for the cores
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new Result(occurrences, mode, name, clients, seconds, List.copyOf(summaries), sampler.usage(),
                    unfinished, load, null);
        }
    }
}
