package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JvmPropertiesTest {

    @Test
    void startingAnEmulatorLeavesTheJvmsSystemPropertiesAsTheyWere() {
        String before = System.getProperty("sun.net.httpserver.nodelay");

        try (SegmentEmulator ignored = SegmentEmulator.start()) {
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo(before);
        }
    }
}
