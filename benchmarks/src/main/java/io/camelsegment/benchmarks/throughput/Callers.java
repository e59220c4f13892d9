package io.camelsegment.benchmarks.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code threads} concurrent callers sharing the events: each takes the next {@code chunk} event numbers and makes
 * one call for them, timed. The threads live for the whole measurement, so their allocations are counted.
 */
public final class Callers implements AutoCloseable {

    /** One call for events {@code from..to-1}. */
    @FunctionalInterface
    public interface Call {
        void send(int from, int to) throws Exception;
    }

    private final ExecutorService pool;
    private final int threads;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Map<String, Long> failureTypes = new ConcurrentHashMap<>();

    public Callers(String name, int threads) {
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name + "-caller-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> { });
        }
    }

    /** Makes the calls for events {@code 0..events-1}; the failures counted so far start again from none. */
    public void run(int events, int chunk, Latencies latencies, Call call) throws Exception {
        failures.set(0);
        failureTypes.clear();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int from = next.getAndAdd(chunk); from < events; from = next.getAndAdd(chunk)) {
                    long start = System.nanoTime();
                    int to = Math.min(events, from + chunk);
                    try {
                        call.send(from, to);
                    } catch (Exception e) {
                        failures.addAndGet(to - from);
                        failureTypes.merge(FailureTypes.of(e), (long) (to - from), Long::sum);
                        firstFailure.compareAndSet(null, e);
                    }
                    latencies.record(start);
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get(30, TimeUnit.MINUTES);
        }
    }

    /** The first call that failed since the last time this was asked, if any. */
    public Exception takeFirstFailure() {
        return firstFailure.getAndSet(null);
    }

    /** Events whose call failed, since the last time this was asked. */
    public long takeFailures() {
        return failures.getAndSet(0);
    }

    /** Events whose call failed in the last {@link #run}. */
    public long failures() {
        return failures.get();
    }

    /** The same by the simple name of the exception their call failed with (past Camel's wrapper). */
    public Map<String, Long> failureTypes() {
        return new TreeMap<>(failureTypes);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
