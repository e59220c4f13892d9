package io.camelsegment.benchmarks.throughput;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Call latencies of one run, recorded without allocating (a preallocated array shared by the callers), so
 * recording does not add to the bytes per event measured.
 */
public final class Latencies {

    private final long[] nanos;
    private final AtomicInteger size = new AtomicInteger();

    public Latencies(int capacity) {
        nanos = new long[capacity];
    }

    public void record(long startNanos) {
        int at = size.getAndIncrement();
        if (at < nanos.length) {
            nanos[at] = System.nanoTime() - startNanos;
        }
    }

    public boolean isEmpty() {
        return size.get() == 0;
    }

    /** The {@code p}-th percentile (0..100) in microseconds, or NaN with nothing recorded. */
    public double percentileMicros(double p) {
        int n = Math.min(size.get(), nanos.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.min(n - 1, Math.ceil(p / 100.0 * n) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
