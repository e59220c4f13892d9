package io.camelsegment.benchmarks.throughput;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap the JVM still held right after a garbage collection, over a stretch of time: the heap pools' usage
 * after each collection the GC notifications report, summed, and the highest kept. {@link #restart} forces a full
 * collection first, so a stretch does not inherit the garbage of the one before, and starts from what that
 * collection left; a stretch in which no collection ran therefore reports that level.
 *
 * <p>
 * Notifications arrive on the JMX notification thread, a little after each collection: {@link #peakBytes} waits a
 * moment for those of collections that already ran.
 */
public final class PeakHeapAfterGc implements AutoCloseable {

    private static final long NOTIFICATION_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final String FORCED_CAUSE = "System.gc()";

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong notified = new AtomicLong();
    private final AtomicLong forced = new AtomicLong();
    private final AtomicLong lastForced = new AtomicLong();
    private volatile long collectionsAtRestart;
    private volatile long notifiedAtRestart;

    private PeakHeapAfterGc() {
    }

    /** Listens to every garbage collector of this JVM until closed. */
    public static PeakHeapAfterGc listen() {
        PeakHeapAfterGc watch = new PeakHeapAfterGc();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watch.listener, null, null);
                watch.emitters.add(emitter);
            }
        }
        return watch;
    }

    /**
     * Forces a full collection, waits for its notification, and starts a new stretch from the heap it left.
     *
     * @return the heap used after that collection, in bytes
     */
    public long restart() throws InterruptedException {
        long forcedBefore = forced.get();
        System.gc();
        long deadline = System.nanoTime() + NOTIFICATION_WAIT_NANOS;
        while (forced.get() == forcedBefore && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long level = forced.get() == forcedBefore ? heapUsedNow() : lastForced.get();
        peak.set(level);
        collectionsAtRestart = collectionCount();
        notifiedAtRestart = notified.get();
        return level;
    }

    /**
     * The highest heap used after a collection since {@link #restart}, in bytes; first waits a moment for the
     * notifications of the collections that already ran.
     */
    public long peakBytes() throws InterruptedException {
        long deadline = System.nanoTime() + NOTIFICATION_WAIT_NANOS;
        while (notified.get() - notifiedAtRestart < collections() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return peak.get();
    }

    /** Collections the JVM ran since {@link #restart}, the forced one left out. */
    public long collections() {
        return collectionCount() - collectionsAtRestart;
    }

    private static long collectionCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(count -> count > 0).sum();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long used = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
        peak.accumulateAndGet(used, Math::max);
        if (FORCED_CAUSE.equals(info.getGcCause())) {
            lastForced.set(used);
            forced.incrementAndGet();
        }
        notified.incrementAndGet();
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    private static long heapUsedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException gone) {
                // nothing left to remove
            }
        }
    }
}
