package dev.ferry.paging;

import dev.ferry.sql.ArrayParam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The result cache alone: ages, shared computations, failures, the weight bound, invalidation. */
class ResultCacheTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final ResultCache cache = new ResultCache(100, clock::get);

    private static ResultCache.Key key(String sql, Object... values) {
        return ResultCache.Key.of(sql, List.of(values), Set.of("main_occurrence"));
    }

    @Test
    void aTotalIsReusedWhileYoungerThanTheAgeAsked() {
        ResultCache.Claim first = cache.claim(key("count", 1L), 50);
        assertThat(first.leads()).isTrue();
        first.complete(new ResultCache.Counted(42, clock.get()));
        clock.addAndGet(50);
        assertThat(cache.freshTotal(key("count", 1L), 50).total()).isEqualTo(42);
        assertThat(cache.claim(key("count", 1L), 50).leads()).isFalse();
        assertThat(cache.freshTotal(key("count", 1L), 49)).as("older than a stricter caller accepts").isNull();
        clock.addAndGet(1);
        assertThat(cache.freshTotal(key("count", 1L), 50)).isNull();
        assertThat(cache.claim(key("count", 1L), 50).leads()).as("a stale value is computed again").isTrue();
    }

    @Test
    void keysCompareArrayParametersByContent() {
        ResultCache.Key a = ResultCache.Key.of("q", List.of(new Object[] {1L, 2L}, "x"), Set.of("t"));
        ResultCache.Key b = ResultCache.Key.of("q", List.of(new Object[] {1L, 2L}, "x"), Set.of("t"));
        ResultCache.Key c = ResultCache.Key.of("q", List.of(new Object[] {1L, 3L}, "x"), Set.of("t"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        // as Ferry binds a collection: one array parameter
        ResultCache.Key d = ResultCache.Key.of("q", List.of(new ArrayParam(Long.class, new Object[] {1L, 2L})), Set.of("t"));
        ResultCache.Key e = ResultCache.Key.of("q", List.of(new ArrayParam(Long.class, new Object[] {1L, 2L})), Set.of("t"));
        ResultCache.Key f = ResultCache.Key.of("q", List.of(new ArrayParam(Long.class, new Object[] {2L, 1L})), Set.of("t"));
        assertThat(d).isEqualTo(e).hasSameHashCodeAs(e).isNotEqualTo(f);
    }

    @Test
    void concurrentCallersShareOneComputation() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch allClaimed = new CountDownLatch(callers);
        AtomicInteger computations = new AtomicInteger();
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    ResultCache.Claim claim = cache.claim(key("positions", 7L), 1_000);
                    allClaimed.countDown();
                    if (claim.leads()) {
                        computations.incrementAndGet();
                        // the leader finishes only once every caller has claimed: they all overlap
                        assertThat(allClaimed.await(10, TimeUnit.SECONDS)).isTrue();
                        claim.complete(new ResultCache.Counted(7, clock.get()));
                    }
                    return ((ResultCache.Counted) claim.await()).total();
                }));
            }
            for (Future<Long> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(7);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void aFailedComputationFailsItsFollowersAndIsTriedAgain() {
        ResultCache.Claim leader = cache.claim(key("count", 2L), 1_000);
        ResultCache.Claim follower = cache.claim(key("count", 2L), 1_000);
        assertThat(leader.leads()).isTrue();
        assertThat(follower.leads()).isFalse();
        leader.fail(new IllegalStateException("statement timeout"));
        assertThatThrownBy(follower::await).isInstanceOf(IllegalStateException.class).hasMessage("statement timeout");
        assertThat(cache.claim(key("count", 2L), 1_000).leads()).isTrue();
    }

    @Test
    void memoryIsBoundedByWeight() {
        for (long i = 0; i < 1_000; i++) {
            cache.claim(key("count", i), 1_000).complete(new ResultCache.Counted(i, clock.get()));
            assertThat(cache.weight()).isLessThanOrEqualTo(100);
        }
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new Object[] {i, (long) i});
        }
        cache.claim(key("positions", 1L), 1_000).complete(new ResultCache.Positions(1000, many, false, clock.get()));
        assertThat(cache.weight()).isLessThanOrEqualTo(100);
        assertThat(cache.freshPositions(key("positions", 1L), 1_000).positions()).hasSize(60);
    }

    @Test
    void positionsAreExtendedByOneCallerAtATime() {
        ResultCache.Key key = key("walk", 5L);
        ResultCache.Claim first = cache.claim(key, 1_000);
        ResultCache.Positions start = new ResultCache.Positions(10, List.<Object[]>of(new Object[] {1L}), false, clock.get());
        first.complete(start);
        assertThat(start.reaches(1)).isTrue();
        assertThat(start.reaches(2)).isFalse();

        ResultCache.Claim extension = cache.extend(key, start);
        ResultCache.Claim rival = cache.extend(key, start);
        assertThat(extension.leads()).isTrue();
        assertThat(rival.leads()).as("the same value is being extended: wait for it").isFalse();
        ResultCache.Positions longer = start.then(List.<Object[]>of(new Object[] {2L}, new Object[] {3L}), true);
        extension.complete(longer);
        ResultCache.Positions seen = (ResultCache.Positions) rival.await();
        assertThat(seen.positions()).hasSize(3);
        assertThat(seen.ended()).isTrue();
        assertThat(seen.reaches(100)).as("the end is known").isTrue();
        assertThat(seen.startedNanos()).as("as old as its first walk").isEqualTo(start.startedNanos());
        assertThat(cache.extend(key, start).leads()).as("an outdated value is not extended again").isFalse();
    }

    @Test
    void invalidationForgetsResultsReadingTheTablesWritten() {
        ResultCache.Key occurrences = key("count", 1L);
        ResultCache.Key taxa = ResultCache.Key.of("count taxa", List.of(), Set.of("main_taxon"));
        cache.claim(occurrences, 1_000).complete(new ResultCache.Counted(1, clock.get()));
        cache.claim(taxa, 1_000).complete(new ResultCache.Counted(2, clock.get()));
        cache.invalidate(List.of("main_occurrence"));
        assertThat(cache.freshTotal(occurrences, 1_000)).isNull();
        assertThat(cache.freshTotal(taxa, 1_000).total()).isEqualTo(2);
        cache.invalidateAll();
        assertThat(cache.freshTotal(taxa, 1_000)).isNull();
    }

    @Test
    void oneRefreshAtATimePerResultOnABackgroundThread() throws Exception {
        ResultCache.Key key = key("count", 9L);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Runnable work = () -> {
            runs.incrementAndGet();
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cache.offer(key, new ResultCache.Counted(9, clock.get()));
        };
        cache.refresh(key, work);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        cache.refresh(key, work); // already running: skipped
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cache.freshTotal(key, 1_000) == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(cache.freshTotal(key, 1_000).total()).isEqualTo(9);
        assertThat(runs).hasValue(1);
        assertThat(cache.aging(clock.get(), 100)).isFalse();
        clock.addAndGet(51);
        assertThat(cache.aging(clock.get() - 51, 100)).isTrue();
    }

    @Test
    void aTotalLearnedWithAPageDoesNotReplaceAYoungerOne() {
        cache.offer(key("count", 3L), new ResultCache.Counted(10, 2_000));
        cache.offer(key("count", 3L), new ResultCache.Counted(9, 1_500));
        assertThat(cache.freshTotal(key("count", 3L), 10_000).total()).isEqualTo(10);
        cache.offer(key("count", 3L), new ResultCache.Counted(11, 2_500));
        assertThat(cache.freshTotal(key("count", 3L), 10_000).total()).isEqualTo(11);
    }
}
