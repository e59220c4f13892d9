package io.camelsegment.segment.tracking;

import java.time.Duration;

/**
 * When a delivery queue sends its batch, how much it may hold, and how long its stop may wait.
 *
 * @param flushCount         a batch is sent once it holds this many events (at most Segment's 2,500)
 * @param flushBytes         a batch is sent before its body would grow past this many bytes (at most Segment's 500 KB)
 * @param flushInterval      a batch is sent this long after its first event at the latest
 * @param queueCapacity      events the queue holds, queued or being sent, before it refuses more
 * @param queueCapacityBytes encoded bytes of the events the queue holds, queued or being sent, before it refuses more
 * @param queueFullPolicy    whether an event that finds the queue full is refused at once or waits for room
 * @param queueFullTimeout   with {@link QueueFullPolicy#BLOCK}: how long a caller waits for room
 * @param shutdownTimeout    how long a stop waits for queued and sent batches before it gives up on them
 */
public record BatchSettings(int flushCount, int flushBytes, Duration flushInterval, int queueCapacity,
                            long queueCapacityBytes, QueueFullPolicy queueFullPolicy, Duration queueFullTimeout,
                            Duration shutdownTimeout) {

    /** A batch must be able to carry the largest message Segment takes, or such a message could never leave. */
    private static final long SMALLEST_FLUSH_BYTES = MessageEncoder.batchBytes(1, MessageEncoder.MAX_MESSAGE_BYTES);

    public BatchSettings {
        require(flushCount >= 1 && flushCount <= MessageEncoder.MAX_BATCH_MESSAGES,
                "flushCount must be 1 to " + MessageEncoder.MAX_BATCH_MESSAGES + " but was " + flushCount);
        require(flushBytes >= SMALLEST_FLUSH_BYTES && flushBytes <= MessageEncoder.MAX_BATCH_BYTES,
                "flushBytes must be " + SMALLEST_FLUSH_BYTES + " to " + MessageEncoder.MAX_BATCH_BYTES + " but was "
                                                                                                      + flushBytes);
        require(flushInterval.toMillis() >= 1, "flushInterval must be at least 1 ms but was " + flushInterval.toMillis());
        require(queueCapacity >= 1, "queueCapacity must be 1 or more but was " + queueCapacity);
        // an empty queue must take any message Segment would, or a valid event could wait for room that never comes
        require(queueCapacityBytes >= MessageEncoder.MAX_MESSAGE_BYTES,
                "queueCapacityBytes must be at least " + MessageEncoder.MAX_MESSAGE_BYTES + " (one message of Segment's"
                                                                        + " largest size) but was " + queueCapacityBytes);
        require(queueFullPolicy != null, "queueFullPolicy must be fail or block");
        require(!queueFullTimeout.isNegative(), "queueFullTimeout must not be negative");
        require(!shutdownTimeout.isNegative(), "shutdownTimeout must not be negative");
    }

    private static void require(boolean valid, String problem) {
        if (!valid) {
            throw new IllegalArgumentException(problem);
        }
    }
}
