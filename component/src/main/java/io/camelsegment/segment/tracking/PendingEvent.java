package io.camelsegment.segment.tracking;

import java.util.concurrent.CompletableFuture;

/**
 * An encoded event in a delivery queue, and the receipt its exchange waits for: completed once, by the batch's answer
 * or by a stop that gave up on it.
 */
record PendingEvent(MessageEncoder.Encoded event, CompletableFuture<BatchReceipt> receipt) {

    int bytes() {
        return event.json().length;
    }
}
