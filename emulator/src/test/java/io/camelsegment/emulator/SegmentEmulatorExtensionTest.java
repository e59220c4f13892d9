package io.camelsegment.emulator;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentEmulatorExtensionTest {

    @RegisterExtension
    static SegmentEmulatorExtension segment = new SegmentEmulatorExtension();

    private static int firstPort;

    @Test
    @Order(1)
    void injectsTheRunningEmulator(SegmentEmulator emulator) {
        firstPort = emulator.port();
        new EmulatorClient(emulator).track("/track", "{\"userId\":\"u1\",\"event\":\"A\"}");

        assertThat(emulator).isSameAs(segment.emulator());
        assertThat(segment.trackingUrl()).isEqualTo(emulator.trackingUrl());
        assertThat(segment.token()).isEqualTo(emulator.token());
        assertThat(emulator.events()).hasSize(1);
    }

    @Test
    @Order(2)
    void sameEmulatorServesTheClassButIsResetBeforeEachTest(SegmentEmulator emulator) {
        assertThat(emulator.port()).isEqualTo(firstPort);
        assertThat(emulator.events()).isEmpty();
    }

    @Nested
    class NestedTests {

        @Test
        void nestedTestsShareTheOuterEmulator(SegmentEmulator emulator) {
            assertThat(emulator).isSameAs(segment.emulator());
        }
    }

    @Nested
    class PerTestRegistration {

        @RegisterExtension
        SegmentEmulatorExtension ownSegment = new SegmentEmulatorExtension(SegmentEmulator.builder().expectedToken("own"));

        @Test
        void instanceFieldRegistrationRunsAnEmulatorForTheTest() {
            assertThat(ownSegment.emulator().port()).isNotEqualTo(segment.emulator().port());
            assertThat(new EmulatorClient(ownSegment.emulator()).raw("GET", ownSegment.apiUrl() + "/destinations/x", null,
                    "Authorization", "Bearer " + SegmentEmulator.DEMO_TOKEN).statusCode()).isEqualTo(401);
        }
    }
}
