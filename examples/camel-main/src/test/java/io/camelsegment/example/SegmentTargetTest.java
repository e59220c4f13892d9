package io.camelsegment.example;

import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentTargetTest {

    @Test
    void withCredentialsTheDemoTalksToSegmentInTheGivenRegion() {
        SegmentTarget target = SegmentTarget.from(Map.of("SEGMENT_WRITE_KEY", "wk", "SEGMENT_TOKEN", "tk",
                "SEGMENT_SOURCE_ID", "src", "SEGMENT_REGION", "eu"));

        assertThat(target.usesEmulator()).isFalse();
        assertThat(target.properties()).containsEntry("camel.component.segment.writeKey", "wk")
                .containsEntry("camel.component.segment.token", "tk")
                .containsEntry("camel.component.segment.region", "eu")
                .containsEntry("segment.sourceId", "src")
                .doesNotContainKeys("camel.component.segment.trackingUrl", "camel.component.segment.apiUrl");
    }

    @Test
    void withoutCredentialsTheDemoUsesTheTokenItsEmulatorMadeUp() {
        SegmentTarget target = SegmentTarget.from(Map.of());

        try (SegmentEmulator emulator = target.emulator()) {
            assertThat(target.properties()).containsEntry("camel.component.segment.token", emulator.token());
        }
    }

    @Test
    void realSegmentNeedsTheSourceTheWriteKeyBelongsTo() {
        assertThatThrownBy(() -> SegmentTarget.from(Map.of("SEGMENT_WRITE_KEY", "wk", "SEGMENT_TOKEN", "tk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SEGMENT_SOURCE_ID must name the source of SEGMENT_WRITE_KEY");
    }

    @Test
    void halfTheCredentialsIsAMistakeNotAFallBackToTheEmulator() {
        assertThatThrownBy(() -> SegmentTarget.from(Map.of("SEGMENT_WRITE_KEY", "wk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Set both SEGMENT_WRITE_KEY and SEGMENT_TOKEN");
    }
}
