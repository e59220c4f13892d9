package io.camelsegment.segment;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits for what a test cannot be told of directly, polling up to a bound rather than sleeping a fixed time. */
final class BoundedWait {

    private BoundedWait() {
    }

    /** Returns once {@code condition} holds; fails the test if it still does not after {@code bound}. */
    static void until(BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("reached within %d s", bound.toSeconds()).isTrue();
    }
}
