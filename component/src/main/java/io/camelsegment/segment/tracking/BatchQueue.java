package io.camelsegment.segment.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelsegment.segment.SegmentNotDeliveredException;
import io.camelsegment.segment.SegmentQueueFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one (tracking URL, write key) waiting to be sent together: fills a batch and hands it to the
 * {@link BatchSender} when it reaches {@code flushCount} events, when one more event would take its body past
 * {@code flushBytes}, or {@code flushInterval} after its first event.
 *
 * <p>
 * Bounded: it holds at most {@code queueCapacity} events and {@code queueCapacityBytes} encoded bytes not yet ended
 * (filling or being sent), so a stalled Segment costs a known amount of memory. One more is refused at once, or, with
 * {@link QueueFullPolicy#BLOCK}, parks the caller's own thread until room appears; the queue's timers and I/O threads
 * never wait for room. Events arrive already encoded and checked, so one can never make a batch fail for the others.
 */
public final class BatchQueue {

    private static final Logger LOG = LoggerFactory.getLogger(BatchQueue.class);
    /** How long past shutdownTimeout a failure endpoint may take to receive what a stop gave up on. */
    private static final Duration HANDOVER_GRACE = Duration.ofSeconds(1);

    private final BatchSettings settings;
    private final BatchSender sender;
    /** Counts the events and bytes not yet ended, which the bounds are checked against: one count, also on JMX. */
    private final DeliveryStatistics statistics;
    /** Where interval flushes wait; the transport's workers, which never block on them. */
    private final ScheduledExecutorService timers;

    private List<PendingEvent> filling = new ArrayList<>();
    private long fillingBytes;
    /** Counts the batches cut, so that an interval timer knows whether its batch is still the one filling. */
    private long batchNumber;
    /** The filling batch's interval timer: cancelled when the batch is cut sooner, so timers do not pile up. */
    private ScheduledFuture<?> intervalTimer;
    private boolean closed;
    /** When the stop under way must be done: set by the first of {@link #prepareStop} and {@link #close}. */
    private long stopDeadline;
    private StopCounts atStopStart;

    BatchQueue(BatchSettings settings, BatchSender sender, ScheduledExecutorService timers) {
        this.settings = settings;
        this.sender = sender;
        this.statistics = sender.statistics();
        this.timers = timers;
    }

    /**
     * Queues an event; the receipt completes when Segment accepted its batch, or exceptionally when the batch finally
     * failed or a stop gave up on it.
     *
     * @param  failures                     where the event goes if it fails, when no exchange waits for the receipt
     *                                      (background mode); null when one does
     * @throws SegmentQueueFullException    the queue is full, in events or bytes, and stayed full for as long as its
     *                                      policy lets a caller wait; nothing was queued
     * @throws SegmentNotDeliveredException the queue is stopping; nothing was queued
     */
    public CompletableFuture<BatchReceipt> offer(MessageEncoder.Encoded event, FailedEvents failures) {
        PendingEvent pending = new PendingEvent(event, new CompletableFuture<>(), failures);
        List<List<PendingEvent>> full;
        synchronized (this) {
            awaitRoom(pending);
            sender.queued(pending);
            full = join(pending);
        }
        pending.receipt().whenComplete((receipt, failure) -> ended(pending, failure == null));
        // sent outside the lock: other callers keep filling the next batch meanwhile
        full.forEach(sender::send);
        return pending.receipt();
    }

    /** Returns once the event fits; the caller holds the lock, which waiting lets go of. */
    private void awaitRoom(PendingEvent pending) {
        boolean blocks = settings.queueFullPolicy() == QueueFullPolicy.BLOCK;
        long until = System.nanoTime() + (blocks ? settings.queueFullTimeout().toNanos() : 0);
        while (true) {
            if (closed) {
                throw new SegmentNotDeliveredException("The event " + pending.event().messageId()
                                                       + " was not queued: Segment delivery is stopping");
            }
            if (atStopStart != null && System.nanoTime() - stopDeadline > 0) {
                // the stop has no time left to send it: a queued event would only be given up on, once its failure
                // endpoint may have stopped too
                throw new SegmentNotDeliveredException("The event " + pending.event().messageId()
                                                       + " was not queued: Segment delivery is stopping, and its"
                                                       + " shutdownTimeout has passed");
            }
            String full = fullness(pending.bytes());
            if (full == null) {
                return;
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw queueFull(pending, full + (blocks ? ", and stayed full for queueFullTimeout="
                                                          + settings.queueFullTimeout().toMillis() + " ms" : ""));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw queueFull(pending, full + ", and the caller was interrupted while it waited for room");
            }
        }
    }

    /** Why one more event of {@code bytes} does not fit, or null when it does. */
    private String fullness(int bytes) {
        if (statistics.getQueuedEvents() >= settings.queueCapacity()) {
            return "the delivery queue already holds queueCapacity=" + settings.queueCapacity()
                   + " events not yet accepted by Segment";
        }
        long unfinishedBytes = statistics.getQueuedBytes();
        if (unfinishedBytes + bytes > settings.queueCapacityBytes()) {
            return "the delivery queue holds " + unfinishedBytes + " bytes of events not yet accepted by Segment, and "
                   + bytes + " more would pass queueCapacityBytes=" + settings.queueCapacityBytes();
        }
        return null;
    }

    private static SegmentQueueFullException queueFull(PendingEvent pending, String why) {
        return new SegmentQueueFullException("The event " + pending.event().messageId() + " was not queued: " + why);
    }

    /** Adds the event to the batch being filled; returns the batches that are now full, in order. */
    private List<List<PendingEvent>> join(PendingEvent pending) {
        List<PendingEvent> overBytes = null;
        if (!filling.isEmpty()
            && MessageEncoder.batchBytes(filling.size() + 1, fillingBytes + pending.bytes()) > settings.flushBytes()) {
            overBytes = cut();
        }
        filling.add(pending);
        fillingBytes += pending.bytes();
        if (filling.size() == 1) {
            flushLater(batchNumber);
        }
        List<PendingEvent> overCount = filling.size() >= settings.flushCount() ? cut() : null;
        // most events fill a batch and cut none: nothing is allocated for them
        if (overBytes == null) {
            return overCount == null ? List.of() : List.of(overCount);
        }
        return overCount == null ? List.of(overBytes) : List.of(overBytes, overCount);
    }

    private List<PendingEvent> cut() {
        List<PendingEvent> batch = filling;
        // sized for the batch to come, which most often reaches flushCount
        filling = new ArrayList<>(Math.min(settings.flushCount(), MessageEncoder.MAX_BATCH_MESSAGES));
        fillingBytes = 0;
        batchNumber++;
        if (intervalTimer != null) {
            intervalTimer.cancel(false);
            intervalTimer = null;
        }
        return batch;
    }

    /** Counted as ended, then room for the callers waiting for it. */
    private void ended(PendingEvent pending, boolean delivered) {
        sender.ended(pending, delivered);
        synchronized (this) {
            notifyAll();
        }
    }

    /** The timer holds the batch's number, not its events: those may be long sent when it fires. */
    private void flushLater(long batch) {
        try {
            intervalTimer = timers.schedule(() -> flushIfStill(batch), settings.flushInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
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
        return statistics;
    }

    /** Events queued or being sent, not yet ended. */
    public int unfinished() {
        return (int) statistics.getQueuedEvents();
    }

    /** Encoded bytes of the events queued or being sent, not yet ended. */
    public long unfinishedBytes() {
        return statistics.getQueuedBytes();
    }

    /** Events Segment accepted since the queue opened. */
    public long deliveredEvents() {
        return sender.deliveredEvents();
    }

    /**
     * Background events Segment finally did not accept, or a stop gave up on, since the queue opened: each handed to
     * its failure endpoint, or only logged when none is set.
     */
    public long failedEvents() {
        return sender.failedEvents();
    }

    /** When a stop starting now must be done; a stop already under way keeps its own deadline. */
    synchronized long stopDeadline() {
        if (atStopStart == null) {
            stopDeadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
            atStopStart = counts();
        }
        return stopDeadline;
    }

    /**
     * The CamelContext is stopping, its routes still run: sends what is queued and waits, until the stop's deadline, for
     * every batch's answer, then hands the background events still unanswered to their failure endpoints while the
     * routes that consume those endpoints are still there. Exchanges waiting for their batch keep waiting: Camel's
     * graceful shutdown waits for them, and {@link #close} ends them.
     */
    void prepareStop(long deadline) {
        flush();
        awaitAnswered(deadline);
        awaitHandover(sender.giveUpOnBackground(stopReason()), deadline);
    }

    /**
     * Refuses new events (waking the callers waiting for room), sends what is queued and waits until {@code deadline}
     * for every batch's answer; events still waiting then end with a {@link SegmentNotDeliveredException}, background
     * ones at their failure endpoint. Every event has ended when this returns, and one line logs what the stop did.
     */
    void close(long deadline) {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        flush();
        awaitAnswered(deadline);
        awaitHandover(sender.giveUp(stopReason()), deadline);
        logStop();
    }

    private String stopReason() {
        return "Segment delivery stopped before Segment accepted its batch (shutdownTimeout="
               + settings.shutdownTimeout().toMillis() + " ms)";
    }

    private void awaitAnswered(long deadline) {
        await(sender.allAnswered(), deadline - System.nanoTime());
    }

    /**
     * A failure endpoint that does not take its events in time must not hold the stop for ever: it gets until the
     * stop's deadline, or a grace after it, the same instant for every queue of the stop.
     */
    private static void awaitHandover(CompletableFuture<Void> handedOver, long deadline) {
        await(handedOver, deadline + HANDOVER_GRACE.toNanos() - System.nanoTime());
        if (!handedOver.isDone()) {
            LOG.error("The failure endpoint did not take the background events a stop gave up on within shutdownTimeout"
                      + " and {} ms more; the events it takes later still reach it, the others are logged at ERROR",
                    HANDOVER_GRACE.toMillis());
        }
    }

    private static void await(CompletableFuture<?> done, long nanos) {
        try {
            done.get(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException late) {
            // given up on by the caller
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record StopCounts(long delivered, long failedEvents, long failedExchanges) {
    }

    private StopCounts counts() {
        return new StopCounts(sender.deliveredEvents(), sender.failedEvents(), sender.failedExchanges());
    }

    private void logStop() {
        StopCounts before;
        synchronized (this) {
            before = atStopStart;
        }
        StopCounts after = counts();
        long delivered = after.delivered() - before.delivered();
        long failedEvents = after.failedEvents() - before.failedEvents();
        long failedExchanges = after.failedExchanges() - before.failedExchanges();
        if (failedEvents + failedExchanges > 0) {
            LOG.warn("Segment delivery stopped: {} event(s) delivered while stopping, {} background event(s) not delivered"
                     + " (handed to the failure endpoint, or logged), {} waiting exchange(s) failed",
                    delivered, failedEvents, failedExchanges);
        } else if (delivered > 0) {
            LOG.info("Segment delivery stopped: {} event(s) delivered while stopping, none left undelivered", delivered);
        }
    }
}
