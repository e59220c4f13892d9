package io.camelsegment.segment.tracking;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.camelsegment.segment.http.AttemptObserver;
import io.camelsegment.segment.http.RateLimitGate;
import io.camelsegment.segment.http.SegmentRequest;
import io.camelsegment.segment.http.SegmentResponse;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;

/**
 * What one delivery queue holds and has done, for JMX and tests: counted as it happens, read without locks.
 *
 * <p>
 * Every queued event ends exactly once, delivered or failed, so {@code queued now = queued ever - delivered - failed}
 * holds whenever no event is in between.
 */
@ManagedResource(description = "A Segment delivery queue (one per tracking URL and write key): events and bytes queued,"
                               + " batches sent, retries, failures and rate-limit pauses")
public final class DeliveryStatistics implements AttemptObserver {

    private final String trackingUrl;
    private final MaskedWriteKey writeKey;
    private final RateLimitGate gate;
    private final AtomicLong queuedEvents = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder eventsDelivered = new LongAdder();
    private final LongAdder eventsFailed = new LongAdder();
    private final LongAdder backgroundEventsFailed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private volatile int lastHttpStatus;

    public DeliveryStatistics(String trackingUrl, MaskedWriteKey writeKey, RateLimitGate gate) {
        this.trackingUrl = trackingUrl;
        this.writeKey = writeKey;
        this.gate = gate;
    }

    /** An event of {@code bytes} joined the queue; it stays counted as queued until {@link #ended}. */
    void queued(int bytes) {
        queuedEvents.incrementAndGet();
        queuedBytes.addAndGet(bytes);
    }

    /** A queued event's receipt completed, either way. */
    void ended(int bytes, boolean delivered) {
        queuedEvents.decrementAndGet();
        queuedBytes.addAndGet(-bytes);
        if (delivered) {
            eventsDelivered.increment();
        } else {
            eventsFailed.increment();
        }
    }

    /** A batch went to Segment (its first attempt; retries are counted apart). */
    void batchSent() {
        batchesSent.increment();
    }

    /** Background events among the failed ones: no exchange waited for them, so they went to the failure endpoint. */
    void backgroundEventsFailed(long events) {
        backgroundEventsFailed.add(events);
    }

    @Override
    public void answered(SegmentRequest request, int attempt, SegmentResponse response) {
        lastHttpStatus = response.status();
        retried(attempt);
    }

    @Override
    public void noAnswer(SegmentRequest request, int attempt, java.io.IOException failure) {
        retried(attempt);
    }

    private void retried(int attempt) {
        if (attempt > 1) {
            retries.increment();
        }
    }

    @ManagedAttribute(description = "The Tracking API base URL this queue sends to")
    public String getTrackingUrl() {
        return trackingUrl;
    }

    @ManagedAttribute(description = "The write key of this queue, masked to its last four characters")
    public String getWriteKey() {
        return writeKey.shown();
    }

    @ManagedAttribute(description = "Events queued or being sent now, not yet accepted by Segment nor failed")
    public long getQueuedEvents() {
        return queuedEvents.get();
    }

    @ManagedAttribute(description = "Bytes of encoded JSON of the events queued or being sent now")
    public long getQueuedBytes() {
        return queuedBytes.get();
    }

    @ManagedAttribute(description = "Batches sent to /v1/batch (first attempts; retries are counted in Retries)")
    public long getBatchesSent() {
        return batchesSent.sum();
    }

    @ManagedAttribute(description = "Events whose batch Segment accepted")
    public long getEventsDelivered() {
        return eventsDelivered.sum();
    }

    @ManagedAttribute(description = "Events that finally failed or were not delivered before a stop")
    public long getEventsFailed() {
        return eventsFailed.sum();
    }

    @ManagedAttribute(description = "Background events among EventsFailed: handed to the failure endpoint, or logged"
                                    + " with their messageIds when there is none")
    public long getBackgroundEventsFailed() {
        return backgroundEventsFailed.sum();
    }

    @ManagedAttribute(description = "HTTP attempts after the first of a batch: retries of 5xx, 429, connection failures")
    public long getRetries() {
        return retries.sum();
    }

    @ManagedAttribute(description = "The HTTP status of Segment's latest answer to this queue, 0 before any")
    public int getLastHttpStatus() {
        return lastHttpStatus;
    }

    @ManagedAttribute(description = "How many times a 429 paused every sender of this queue until Segment's rate-limit reset")
    public long getRateLimitPauses() {
        return gate.pauses();
    }

    @ManagedAttribute(description = "Milliseconds until the current rate-limit pause ends, 0 when sending")
    public long getRateLimitRemainingMillis() {
        return gate.remaining().toMillis();
    }

    @Override
    public String toString() {
        return "DeliveryStatistics[" + trackingUrl + ", writeKey=" + writeKey + "]";
    }
}
