package io.camelsegment.benchmarks.throughput;

import java.util.Map;

/**
 * One way of getting events to Segment, measured whole-run: set up against the sink, then handed a number of events
 * to send, then closed. {@link #send} returns once every event was handed over as its users would (a call
 * returned, an exchange completed, a flush asked for); the run ends when the sink counted them all.
 */
public interface Contender extends AutoCloseable {

    String name();

    /** What it is and how it is configured, one line for the report. */
    String description();

    void open(String sinkUrl) throws Exception;

    /** Sends events number {@code 0..events-1}; records one latency per call where a call has one. */
    void send(int events, Latencies latencies) throws Exception;

    /**
     * Events whose call failed (an exception, a failed exchange) in the last {@link #send}: never at the sink. Asked
     * again while the run waits for the sink, as a library may report a failure after its call returned.
     */
    default long failures() {
        return 0;
    }

    /** The same events by the simple name of the exception their call failed with (past Camel's wrapper). */
    default Map<String, Long> failureTypes() {
        return Map.of();
    }

    @Override
    void close() throws Exception;
}
