package io.camelsegment.benchmarks.throughput;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import io.camelsegment.segment.SegmentQueueFullException;

/**
 * How the offered exchanges ended, counted as they end: accepted, or failed by the simple name of the exception the
 * caller met; an exchange that ends a second time is counted apart, as a defect. Also keeps the shortest and longest
 * time a caller spent on an offer that the queue refused as full: with {@code queueFullPolicy=block}, how long it
 * waited for room.
 */
final class ExchangeEndings {

    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong endedTwice = new AtomicLong();
    private volatile long acceptedAtStop = -1;
    private final AtomicLong firstRefusalNanos = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final LongAccumulator shortestRefusal = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator longestRefusal = new LongAccumulator(Math::max, Long.MIN_VALUE);

    /** One exchange offered at {@code startNanos}; the returned ending is to be called once, when it ends. */
    Ending offer(long startNanos) {
        offered.incrementAndGet();
        AtomicBoolean ended = new AtomicBoolean();
        return failure -> {
            if (!ended.compareAndSet(false, true)) {
                endedTwice.incrementAndGet();
                return;
            }
            if (failure == null) {
                accepted.incrementAndGet();
                return;
            }
            failures.computeIfAbsent(FailureTypes.of(failure), type -> new AtomicLong()).incrementAndGet();
            if (FailureTypes.of(failure).equals(SegmentQueueFullException.class.getSimpleName())) {
                long now = System.nanoTime();
                firstRefusalNanos.compareAndSet(0, now);
                long spent = now - startNanos;
                shortestRefusal.accumulate(spent);
                longestRefusal.accumulate(spent);
            }
        };
    }

    /** What ends one exchange: null when it was accepted, else the failure its caller met. */
    @FunctionalInterface
    interface Ending {
        void ended(Throwable failure);
    }

    long offered() {
        return offered.get();
    }

    long accepted() {
        return accepted.get();
    }

    long failed() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long ended() {
        return accepted() + failed();
    }

    /** When the first offer was refused as full ({@link System#nanoTime()}), 0 while none was. */
    long firstRefusalNanos() {
        return firstRefusalNanos.get();
    }

    /** The stop begins: exchanges accepted from now on are counted apart. */
    void stopBegins() {
        acceptedAtStop = accepted.get();
    }

    /** Exchanges accepted before the stop began (all of them when it has not). */
    long acceptedBeforeStop() {
        long atStop = acceptedAtStop;
        return atStop < 0 ? accepted() : atStop;
    }

    long endedTwice() {
        return endedTwice.get();
    }

    Map<String, Long> failures() {
        Map<String, Long> byType = new TreeMap<>();
        failures.forEach((type, count) -> byType.put(type, count.get()));
        return byType;
    }

    /** The shortest and longest offer refused as full, in milliseconds; {-1, -1} when none was. */
    long[] refusalMillis() {
        if (longestRefusal.get() == Long.MIN_VALUE) {
            return new long[] { -1, -1 };
        }
        return new long[] { TimeUnit.NANOSECONDS.toMillis(shortestRefusal.get()),
            TimeUnit.NANOSECONDS.toMillis(longestRefusal.get()) };
    }
}
