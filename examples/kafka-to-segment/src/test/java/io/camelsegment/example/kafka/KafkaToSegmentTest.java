package io.camelsegment.example.kafka;

import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.TrackedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaToSegmentTest {

    private final SegmentTarget segment = SegmentTarget.from(Map.of());

    @AfterEach
    void stopEmulator() {
        segment.close();
    }

    @Test
    void withoutCredentialsTheDemoRunsOnTheEmulator() {
        assertThat(segment.usesEmulator()).isTrue();
        assertThat(segment.properties()).containsEntry("camel.component.segment.trackingUrl", segment.emulator().trackingUrl())
                .containsEntry("camel.component.segment.writeKey", SegmentEmulator.DEMO_SERVER_WRITE_KEY);
    }

    @Test
    void withABootstrapServerTheUsersClusterIsUsedAndNoBrokerStarts() {
        try (KafkaTarget kafka = KafkaTarget.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092"))) {
            assertThat(kafka.isEmbedded()).isFalse();
            assertThat(kafka.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        }
    }

    @Test
    void twoInstancesForwardEveryPublishedEventAndDeadLetterTheInvalidOne() throws Exception {
        KafkaTarget kafka = new KafkaTarget(SharedKafka.bootstrapServers(), null);
        Topics.ensure(kafka.bootstrapServers(), Map.of(KafkaToSegment.TOPIC, KafkaToSegment.PARTITIONS,
                KafkaToSegment.DEAD_LETTER_TOPIC, 1));
        DemoEvents.publish(kafka.bootstrapServers(), KafkaToSegment.TOPIC, 300, true);

        String summary = KafkaToSegment.forwardPublished(kafka, segment, 2, 300);

        assertThat(segment.emulator().acceptedEvents()).hasSize(300)
                .extracting(KafkaToSegmentTest::sequence).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.range(0, 300).boxed().toList());
        assertThat(segment.emulator().acceptedEvents()).filteredOn(e -> "identify".equals(e.type())).hasSize(30);
        assertThat(summary).contains("300 events forwarded by 2 instances of group segment-forwarder",
                "Segment (emulator) accepted 300 events: 270 tracks, 30 identifies",
                "Dead-lettered customer-events-", ": a track event needs an event name");
    }

    @SuppressWarnings("unchecked")
    static int sequence(TrackedEvent event) {
        Map<String, Object> payload = (Map<String, Object>) event.json().get("identify".equals(event.type()) ? "traits" : "properties");
        return ((Number) payload.get("sequence")).intValue();
    }
}
