package io.camelsegment.benchmarks.throughput;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With Segment stalled, a background endpoint holds what its queue bound allows, fails the rest, and still stops. */
class StalledSinkRunTest {

    @Test
    void eventsPastTheQueueBoundFailTheirCallersAndTheContextStopsWithinItsShutdownTimeout() throws Exception {
        StalledSinkRun.Outcome outcome = StalledSinkRun.run(3000, "queueCapacity=500&shutdownTimeout=1000");

        assertThat(outcome.accepted()).isEqualTo(500);
        assertThat(outcome.failures()).isEqualTo(Map.of("SegmentQueueFullException", 2500));
        assertThat(outcome.stopMillis()).isBetween(900L, 6000L);
        assertThat(outcome.heapGrowthBytes()).as("500 queued events of ~600 bytes, and no more")
                .isLessThan(32L * 1024 * 1024);
    }
}
