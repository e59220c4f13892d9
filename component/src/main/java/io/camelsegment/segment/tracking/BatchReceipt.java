package io.camelsegment.segment.tracking;

/**
 * Segment accepted the batch holding a queued event.
 *
 * @param status    the HTTP status of Segment's answer
 * @param attempts  HTTP attempts the batch took, retries included
 * @param batchSize how many events the batch held
 */
public record BatchReceipt(int status, int attempts, int batchSize) {
}
