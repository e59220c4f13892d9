package io.camelsegment.benchmarks.throughput;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With Segment stalled, a delivery queue holds what its bound allows, refuses the rest per its policy, still stops,
 * and every offered exchange ends exactly once.
 */
class StalledSinkRunTest {

    private static final long HEAP_BOUND = 32L * 1024 * 1024;

    @Test
    void eventsPastTheQueueBoundFailTheirCallersAndTheContextStopsWithinItsShutdownTimeout() throws Exception {
        StalledSinkRun.Outcome outcome = run("3000", "--queue-capacity", "500", "--shutdown-timeout", "1000");

        assertThat(outcome.accepted()).isEqualTo(500);
        assertThat(outcome.failures()).isEqualTo(Map.of("SegmentQueueFullException", 2500L));
        assertThat(outcome.stopMillis()).isBetween(900L, 6000L);
        assertThat(outcome.heapGrowthBytes()).as("500 queued events of ~600 bytes, and no more")
                .isLessThan(HEAP_BOUND);
        assertThat(outcome.handedToFailureUri()).as("the stop gives up on every queued event, once")
                .isEqualTo(500);
        assertThat(outcome.failureUriCauses()).isEqualTo(Map.of("SegmentNotDeliveredException", 500L));
        assertThat(outcome.addsUp()).isTrue();
    }

    @Test
    void blockedCallersWaitQueueFullTimeoutThenFailAndTheStopWakesTheOnesStillWaiting() throws Exception {
        StalledSinkRun.Outcome outcome = run("--events", "3000", "--policy", "block", "--callers", "4",
                "--queue-full-timeout", "100", "--queue-capacity", "500", "--shutdown-timeout", "500");

        assertThat(outcome.acceptedBeforeStop()).isEqualTo(500);
        assertThat(outcome.failures().get("SegmentQueueFullException")).as("each caller waited, more than once")
                .isGreaterThanOrEqualTo(4);
        assertThat(outcome.failures()).containsKey("SegmentNotDeliveredException");
        assertThat(outcome.refusedAfterMillis()[0]).as("no caller refused before queueFullTimeout")
                .isGreaterThanOrEqualTo(100);
        assertThat(outcome.pendingAtStop()).as("at most the callers, waiting for room").isLessThanOrEqualTo(4);
        assertThat(outcome.stopMillis()).isBetween(400L, 6000L);
        assertThat(outcome.heapGrowthBytes()).isLessThan(HEAP_BOUND);
        assertThat(outcome.handedToFailureUri()).as("the queue that filled before the stop").isEqualTo(500);
        assertThat(outcome.accepted() + outcome.failed()).isEqualTo(3000);
        assertThat(outcome.accepted()).as("a stop out of time takes no more events")
                .isEqualTo(outcome.acceptedBeforeStop());
        assertThat(outcome.everyExchangeEndedOnce()).isTrue();
        assertThat(outcome.everyAcceptedEventAccountedFor()).isTrue();
    }

    @Test
    void batchedExchangesPastTheBoundFailAtOnceAndTheQueuedOnesFailAtTheStop() throws Exception {
        StalledSinkRun.Outcome outcome = run("--events", "3000", "--mode", "batched", "--queue-capacity", "500",
                "--shutdown-timeout", "1000");

        assertThat(outcome.accepted()).as("Segment answered none").isZero();
        assertThat(outcome.failures()).isEqualTo(Map.of("SegmentQueueFullException", 2500L,
                "SegmentNotDeliveredException", 500L));
        assertThat(outcome.pendingAtStop()).isEqualTo(500);
        assertThat(outcome.stopMillis()).isBetween(900L, 6000L);
        assertThat(outcome.heapGrowthBytes()).isLessThan(HEAP_BOUND);
        assertThat(outcome.maxHeapAfterGc()).isPositive();
        assertThat(outcome.endedTwice()).isZero();
        assertThat(outcome.neverEnded()).isZero();
        assertThat(outcome.addsUp()).isTrue();
    }

    @Test
    void anUnknownModeIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> StalledSinkRun.Settings.parse("--mode", "direct"))
                .hasMessageContaining("--mode must be one of [background, batched] but was direct");
    }

    private static StalledSinkRun.Outcome run(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        return new StalledSinkRun(StalledSinkRun.Settings.parse(args), new PrintStream(printed, true)).run();
    }
}
