package dev.ferry.bench.incident;

import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * Samples the service's connection pool while a scenario runs (every 20 ms): how many connections
 * are lent out and how many request threads wait for one. The waiters tell pool wait from SQL time.
 */
final class PoolSampler implements AutoCloseable {

    /** Means and maxima of the samples; {@code size} is the pool's maximum. */
    record Usage(int size, double meanActive, int maxActive, double meanWaiting, int maxWaiting, long samples) {
    }

    private final HikariPoolMXBean pool;
    private final int size;
    private final Thread thread;
    private volatile boolean running = true;
    private long samples;
    private long active;
    private long waiting;
    private int maxActive;
    private int maxWaiting;

    PoolSampler(HikariPoolMXBean pool, int size) {
        this.pool = pool;
        this.size = size;
        this.thread = Thread.ofPlatform().daemon().name("pool-sampler").start(this::sample);
    }

    private void sample() {
        while (running) {
            int a = pool.getActiveConnections();
            int w = pool.getThreadsAwaitingConnection();
            synchronized (this) {
                samples++;
                active += a;
                waiting += w;
                maxActive = Math.max(maxActive, a);
                maxWaiting = Math.max(maxWaiting, w);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized Usage usage() {
        return samples == 0 ? new Usage(size, 0, 0, 0, 0, 0)
                : new Usage(size, (double) active / samples, maxActive, (double) waiting / samples, maxWaiting, samples);
    }
}
