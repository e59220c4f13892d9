package io.camelsegment.segment.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelsegment.segment.SegmentNotDeliveredException;
import io.camelsegment.segment.SegmentQueueFullException;

/**
 * The events of one (tracking URL, write key) waiting to be sent together: fills a batch and hands it to the
 * {@link BatchSender} when it reaches {@code flushCount} events, when one more event would take its body past
 * {@code flushBytes}, or {@code flushInterval} after its first event.
 *
 * <p>
 * Bounded: it holds at most {@code queueCapacity} events not yet ended (filling or being sent), and refuses more at
 * once, so a stalled Segment costs a known amount of memory and parks no caller. Events arrive already encoded and
 * checked, so one can never make a batch fail for the others.
 */
public final class BatchQueue {

    private final BatchSettings settings;
    private final BatchSender sender;
    /** Where interval flushes wait; the transport's workers, which never block on them. */
    private final ScheduledExecutorService timers;

    private List<PendingEvent> filling = new ArrayList<>();
    private long fillingBytes;
    /** Counts the batches cut, so that an interval timer knows whether its batch is still the one filling. */
    private long batchNumber;
    private int unfinished;
    private boolean closed;

    BatchQueue(BatchSettings settings, BatchSender sender, ScheduledExecutorService timers) {
        this.settings = settings;
        this.sender = sender;
        this.timers = timers;
    }

    /**
     * Queues an event; the receipt completes when Segment accepted its batch, or exceptionally when the batch finally
     * failed or a stop gave up on it.
     *
     * @throws SegmentQueueFullException    the queue holds {@code queueCapacity} events already; nothing was queued
     * @throws SegmentNotDeliveredException the queue is stopping; nothing was queued
     */
    public CompletableFuture<BatchReceipt> offer(MessageEncoder.Encoded event) {
        PendingEvent pending = new PendingEvent(event, new CompletableFuture<>());
        List<List<PendingEvent>> full;
        synchronized (this) {
            if (closed) {
                throw new SegmentNotDeliveredException("The event " + event.messageId()
                                                       + " was not queued: Segment delivery is stopping");
            }
            if (unfinished >= settings.queueCapacity()) {
                throw new SegmentQueueFullException("The event " + event.messageId() + " was not queued: the delivery queue"
                                                    + " already holds queueCapacity=" + settings.queueCapacity()
                                                    + " events not yet accepted by Segment");
            }
            unfinished++;
            sender.queued(pending);
            full = join(pending);
        }
        pending.receipt().whenComplete((receipt, failure) -> ended());
        // sent outside the lock: other callers keep filling the next batch meanwhile
        full.forEach(sender::send);
        return pending.receipt();
    }

    /** Adds the event to the batch being filled; returns the batches that are now full, in order. */
    private List<List<PendingEvent>> join(PendingEvent pending) {
        List<List<PendingEvent>> full = new ArrayList<>(2);
        if (!filling.isEmpty()
            && MessageEncoder.batchBytes(filling.size() + 1, fillingBytes + pending.bytes()) > settings.flushBytes()) {
            full.add(cut());
        }
        filling.add(pending);
        fillingBytes += pending.bytes();
        if (filling.size() == 1) {
            flushLater(batchNumber);
        }
        if (filling.size() >= settings.flushCount()) {
            full.add(cut());
        }
        return full;
    }

    private List<PendingEvent> cut() {
        List<PendingEvent> batch = filling;
        filling = new ArrayList<>();
        fillingBytes = 0;
        batchNumber++;
        return batch;
    }

    private synchronized void ended() {
        unfinished--;
    }

    /** The timer holds the batch's number, not its events: those may be long sent when it fires. */
    private void flushLater(long batch) {
        try {
            timers.schedule(() -> flushIfStill(batch), settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the workers are gone: the component is stopping, and closing this queue sends what it holds
        }
    }

    /** A timer set for a batch already cut by count or bytes finds another batch filling, and leaves it alone. */
    private void flushIfStill(long number) {
        List<PendingEvent> batch;
        synchronized (this) {
            if (batchNumber != number || filling.isEmpty()) {
                return;
            }
            batch = cut();
        }
        sender.send(batch);
    }

    /** Sends the batch being filled now, without waiting for its count, bytes or interval: a stop is coming. */
    public void flush() {
        List<PendingEvent> batch;
        synchronized (this) {
            if (filling.isEmpty()) {
                return;
            }
            batch = cut();
        }
        sender.send(batch);
    }

    /** This queue's counters, also shown over JMX. */
    public DeliveryStatistics statistics() {
        return sender.statistics();
    }

    /** Events queued or being sent, not yet ended. */
    public synchronized int unfinished() {
        return unfinished;
    }

    /**
     * Refuses new events, sends what is queued and waits up to {@code shutdownTimeout} for every batch's answer; events
     * still waiting then end with a {@link SegmentNotDeliveredException}. Every event has ended when this returns.
     */
    void close() {
        synchronized (this) {
            closed = true;
        }
        flush();
        Duration timeout = settings.shutdownTimeout();
        try {
            sender.allAnswered().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException late) {
            // given up on below
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        sender.giveUp("Segment delivery stopped before Segment accepted its batch (shutdownTimeout="
                      + timeout.toMillis() + " ms)");
    }
}
