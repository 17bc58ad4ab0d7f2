package dev.ferry.paging;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What {@code Total.reused(maxAge)} remembers of query results: their totals, and the positions of
 * every n-th row of an ordering. Keyed by a statement's text and values (a query's shape and its
 * values); bounded by weight (a total weighs 1, positions 1 + their count), least recently used first
 * out. Each value carries the time its computation started, and is reused only while younger than the
 * age a caller accepts. Concurrent callers for the same result share one computation: the first claims
 * it, the others wait for its result instead of running the same statement. A value past half its age
 * can be refreshed in the background ({@link #refresh}) while it is still served, so a result in steady
 * use is never computed again on a caller's time.
 */
public final class ResultCache {

    /** A statement's text and values, the tables it reads (a function of the text) for invalidation. */
    public record Key(String sql, List<Object> values, Set<String> tables) {

        /** Values compared by content: an array parameter becomes a list. */
        public static Key of(String sql, List<Object> params, Set<String> tables) {
            List<Object> values = new ArrayList<>(params.size());
            for (Object p : params) {
                values.add(p instanceof Object[] a ? Arrays.asList(a) : p);
            }
            return new Key(sql, Collections.unmodifiableList(values), Set.copyOf(tables));
        }
    }

    /** The number of rows of a result, counted from a snapshot taken at {@code startedNanos}. */
    public record Counted(long total, long startedNanos) {
    }

    /**
     * Every {@code spacing}th row of an ordered result, as far as it was walked: {@code positions.get(k - 1)}
     * holds the ordering's values (the key last) of the row at 1-based position {@code k * spacing}.
     * {@code ended} once a walk found the result's last row: there is no position after the last one here.
     * Extended by later walks, it keeps the age of its first: every position is at most that old.
     */
    public record Positions(int spacing, List<Object[]> positions, boolean ended, long startedNanos) {
        public Positions {
            positions = List.copyOf(positions);
        }

        /** Whether the position of row {@code k * spacing} is known, or the result ends before it. */
        public boolean reaches(long k) {
            return positions.size() >= k || ended;
        }

        /** These positions, then {@code more} found by a walk from the last of them. */
        public Positions then(List<Object[]> more, boolean ended) {
            List<Object[]> all = new ArrayList<>(positions.size() + more.size());
            all.addAll(positions);
            all.addAll(more);
            return new Positions(spacing, all, ended, startedNanos);
        }
    }

    private static final System.Logger LOG = System.getLogger(ResultCache.class.getName());

    private final AsyncCache<Key, Object> cache;
    private final LongSupplier clock;
    private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();
    /** One daemon thread, started on demand: refreshes queue up rather than load the database in parallel. */
    private final ThreadPoolExecutor refresher = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), r -> {
                Thread t = new Thread(r, "ferry-result-refresh");
                t.setDaemon(true);
                return t;
            });

    /** @param maxWeight totals plus remembered positions kept at most */
    public ResultCache(long maxWeight) {
        this(maxWeight, System::nanoTime);
    }

    ResultCache(long maxWeight, LongSupplier clock) {
        this.clock = clock;
        this.refresher.allowCoreThreadTimeOut(true);
        this.cache = Caffeine.newBuilder()
                .executor(Runnable::run) // evict on the caller's thread: the bound holds when put returns
                .maximumWeight(maxWeight)
                .weigher((Key k, Object v) -> v instanceof Positions p ? 1 + p.positions().size() : 1)
                .buildAsync();
    }

    /** The current time, as the caches measure ages. */
    public long now() {
        return clock.getAsLong();
    }

    /** A total younger than {@code maxAgeNanos}, or null. */
    public Counted freshTotal(Key key, long maxAgeNanos) {
        Object v = done(key);
        return v instanceof Counted c && fresh(c.startedNanos(), maxAgeNanos) ? c : null;
    }

    /** Positions younger than {@code maxAgeNanos}, or null. */
    public Positions freshPositions(Key key, long maxAgeNanos) {
        Object v = done(key);
        return v instanceof Positions p && fresh(p.startedNanos(), maxAgeNanos) ? p : null;
    }

    /**
     * Remembers a total or positions computed elsewhere (with a page, or by a refresh), unless a value as
     * young is there or one is being computed.
     */
    public void offer(Key key, Object value) {
        ConcurrentMap<Key, CompletableFuture<Object>> map = cache.asMap();
        CompletableFuture<Object> present = map.get(key);
        if (present == null) {
            map.putIfAbsent(key, CompletableFuture.completedFuture(value));
            return;
        }
        Object v = value(present);
        if (present.isDone() && (v == null || startedOf(v) < startedOf(value))) {
            map.replace(key, present, CompletableFuture.completedFuture(value));
        }
    }

    /** Whether a value that started at {@code startedNanos} has lived more than half of {@code maxAgeNanos}. */
    public boolean aging(long startedNanos, long maxAgeNanos) {
        return now() - startedNanos > maxAgeNanos / 2;
    }

    /**
     * Runs {@code work} (which computes a younger value of {@code key} and {@link #offer}s it) on the refresh
     * thread, unless a refresh of {@code key} is already waiting or running. Refreshes wait in a short queue
     * and are dropped when it is full: the value then simply ages out and is computed again when asked for.
     */
    public void refresh(Key key, Runnable work) {
        if (!refreshing.add(key)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "refreshing a reused result failed; it will be computed again when asked for", e);
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(key);
        }
    }

    /**
     * A claim on computing the value of {@code key}: either this caller leads (computes it, then calls
     * {@link Claim#complete} or {@link Claim#fail}) or it follows a computation already running, whose
     * result {@link Claim#await()} returns (at once when a value younger than {@code maxAgeNanos} is
     * already there).
     */
    public Claim claim(Key key, long maxAgeNanos) {
        ConcurrentMap<Key, CompletableFuture<Object>> map = cache.asMap();
        while (true) {
            CompletableFuture<Object> present = map.get(key);
            if (present != null) {
                if (!present.isDone()) {
                    return new Claim(this, key, present, false);
                }
                Object v = value(present);
                if (v != null && fresh(startedOf(v), maxAgeNanos)) {
                    return new Claim(this, key, present, false);
                }
                CompletableFuture<Object> mine = new CompletableFuture<>();
                if (map.replace(key, present, mine)) {
                    return new Claim(this, key, mine, true);
                }
            } else {
                CompletableFuture<Object> mine = new CompletableFuture<>();
                if (map.putIfAbsent(key, mine) == null) {
                    return new Claim(this, key, mine, true);
                }
            }
        }
    }

    /**
     * A claim on extending {@code current} (a value of {@code key} that another caller may be extending
     * already): this caller leads when {@code current} is still the value there, and otherwise follows
     * whatever replaced it.
     */
    public Claim extend(Key key, Object current) {
        ConcurrentMap<Key, CompletableFuture<Object>> map = cache.asMap();
        CompletableFuture<Object> present = map.get(key);
        if (present != null && present.isDone() && value(present) == current) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            if (map.replace(key, present, mine)) {
                return new Claim(this, key, mine, true);
            }
        }
        present = map.get(key);
        return present == null ? claim(key, Long.MAX_VALUE) : new Claim(this, key, present, false);
    }

    /** One caller's part in computing a value: lead it or wait for it. */
    public static final class Claim {
        private final ResultCache owner;
        private final Key key;
        private final CompletableFuture<Object> future;
        private final boolean leads;

        private Claim(ResultCache owner, Key key, CompletableFuture<Object> future, boolean leads) {
            this.owner = owner;
            this.key = key;
            this.future = future;
            this.leads = leads;
        }

        /** Whether this caller computes the value. */
        public boolean leads() {
            return leads;
        }

        public void complete(Object value) {
            future.complete(value);
        }

        /** Ends a computation that failed: its followers fail too, and the next caller tries again. */
        public void fail(Throwable failure) {
            owner.cache.asMap().remove(key, future);
            future.completeExceptionally(failure);
        }

        /** The value, waiting for the leader if it is still computing; the leader's failure is rethrown. */
        public Object await() {
            try {
                return future.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    /** Forgets everything remembered of results that read any of {@code tables}. */
    public void invalidate(Collection<String> tables) {
        cache.asMap().keySet().removeIf(k -> !Collections.disjoint(k.tables(), tables));
    }

    /** The weight held now (totals plus positions), at most the bound given. */
    public long weight() {
        return cache.synchronous().policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** Forgets everything. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    private Object done(Key key) {
        CompletableFuture<Object> f = cache.asMap().get(key);
        return f == null ? null : value(f);
    }

    private static Object value(CompletableFuture<Object> f) {
        return f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private static long startedOf(Object v) {
        return v instanceof Positions p ? p.startedNanos() : ((Counted) v).startedNanos();
    }

    private boolean fresh(long startedNanos, long maxAgeNanos) {
        return now() - startedNanos <= maxAgeNanos;
    }
}
