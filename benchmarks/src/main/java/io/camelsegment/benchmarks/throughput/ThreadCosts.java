package io.camelsegment.benchmarks.throughput;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated and CPU time spent by the JVM's live threads, the sink's and the harness's own left out
 * (ThreadMXBean's per-thread counters). A thread that ends between two snapshots is not counted, so contenders
 * keep their threads alive while measured.
 */
public final class ThreadCosts {

    /** What the counted threads spent between two snapshots. */
    public record Spent(long bytes, long cpuNanos) {
    }

    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, long[]> byThread;

    private ThreadCosts(Map<Long, long[]> byThread) {
        this.byThread = byThread;
    }

    public static ThreadCosts snapshot() {
        Map<Long, long[]> costs = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (counted(thread.getName())) {
                long id = thread.getId();
                costs.put(id, new long[] { THREADS.getThreadAllocatedBytes(id), THREADS.getThreadCpuTime(id) });
            }
        }
        return new ThreadCosts(costs);
    }

    /** What was spent since {@code before}; threads born since count from zero. */
    public Spent since(ThreadCosts before) {
        long bytes = 0;
        long cpu = 0;
        for (Map.Entry<Long, long[]> now : byThread.entrySet()) {
            long[] then = before.byThread.getOrDefault(now.getKey(), new long[2]);
            bytes += Math.max(0, now.getValue()[0] - then[0]);
            cpu += Math.max(0, now.getValue()[1] - then[1]);
        }
        return new Spent(bytes, cpu);
    }

    private static boolean counted(String name) {
        return !name.startsWith(LoopbackSink.THREAD_PREFIX) && !name.startsWith("HTTP-Dispatcher")
                && !name.equals(ThroughputRun.PROGRESS_THREAD);
    }
}
