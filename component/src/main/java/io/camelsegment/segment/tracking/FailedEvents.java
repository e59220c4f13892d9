package io.camelsegment.segment.tracking;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the background events go that Segment finally did not accept, or that a stop gave up on: their exchanges have
 * long completed, so this is the only trace of them besides the queue's log line and counter.
 */
public interface FailedEvents {

    /** Background events that are only logged and counted: no failure endpoint takes them. */
    FailedEvents LOGGED_ONLY = new FailedEvents() {
        @Override
        public CompletableFuture<Void> take(List<FailedEvent> events) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean keepsEvents() {
            return false;
        }

        @Override
        public String destination() {
            return "no failureUri is set: they are only logged here";
        }
    };

    /**
     * Hands the events on, off the caller's thread when that is an I/O thread; never throws. The future completes once
     * every event was taken or refused (a refusal is logged at ERROR with the event's messageId).
     */
    CompletableFuture<Void> take(List<FailedEvent> events);

    /** Whether the events are kept somewhere; if not, the log line that reports them names each messageId. */
    boolean keepsEvents();

    /** For the log line that reports the failure, without secrets. */
    String destination();

    /**
     * A background event Segment did not accept, and why.
     *
     * @param event the message as it would have been sent
     * @param cause the batch's final failure, or a {@code SegmentNotDeliveredException} from a stop
     */
    record FailedEvent(MessageEncoder.Encoded event, Throwable cause) {
    }
}
