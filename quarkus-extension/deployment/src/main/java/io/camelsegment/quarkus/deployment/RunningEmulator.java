package io.camelsegment.quarkus.deployment;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsegment.emulator.SegmentEmulator;

/**
 * The emulator Dev Services started, for the Dev UI card to count its events. One per build JVM: Dev Services
 * themselves are one per dev-mode or test JVM.
 */
final class RunningEmulator {

    static final RunningEmulator DEV_SERVICES = new RunningEmulator();

    private final AtomicReference<SegmentEmulator> emulator = new AtomicReference<>();

    void set(SegmentEmulator started) {
        emulator.set(started);
    }

    void clear(SegmentEmulator stopped) {
        emulator.compareAndSet(stopped, null);
    }

    Optional<SegmentEmulator> get() {
        return Optional.ofNullable(emulator.get());
    }
}
