package io.camelsegment.segment.tracking;

import java.util.concurrent.CompletableFuture;

/**
 * An encoded event in a delivery queue, and the receipt its exchange waits for: completed once, by the batch's answer
 * or by a stop that gave up on it.
 *
 * @param failures where the event goes if it fails, when no exchange waits for it (background mode); null otherwise
 */
record PendingEvent(MessageEncoder.Encoded event, CompletableFuture<BatchReceipt> receipt, FailedEvents failures) {

    int bytes() {
        return event.json().length;
    }

    boolean background() {
        return failures != null;
    }
}
