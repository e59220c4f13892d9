package io.camelsegment.example.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.emulator.TrackingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll whose events Segment finally refuses is not committed: the consumer reads it again from the last committed
 * offset (breakOnFirstError) and sends it again with the same messageIds, until Segment takes it.
 */
class ReadAgainTest {

    private static final String TOPIC = "read-again-events";
    private static final String GROUP = "read-again-forwarders";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SegmentEmulator emulator = SegmentEmulator.builder().maxRecorded(0).start();
    private final String bootstrapServers = SharedKafka.bootstrapServers();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void aPollWhoseBatchSegmentRefusesIsReadAgainAndDeliveredWithTheSameMessageIds() throws Exception {
        // not retryable: the component fails every exchange of the batch at once
        emulator.faults().next(1).onTracking().status(400);
        Topics.ensure(bootstrapServers, Map.of(TOPIC, 2, TOPIC + ".dlt", 1));
        DemoEvents.publish(bootstrapServers, TOPIC, 200, false);

        try (Forwarder forwarder = Forwarder.start(instance());
             ConsumerGroupProgress progress = new ConsumerGroupProgress(bootstrapServers, GROUP, TOPIC)) {
            assertThat(progress.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        }

        assertThat(emulator.trackingRequests()).extracting(TrackingRequest::status).containsOnlyOnce(400);
        TrackingRequest refused = emulator.trackingRequests().stream().filter(request -> request.status() == 400)
                .findFirst().orElseThrow();
        List<String> refusedMessageIds = JSON.readTree(refused.body()).get("batch").findValuesAsText("messageId");
        assertThat(refusedMessageIds).isNotEmpty();
        assertThat(emulator.acceptedEvents()).extracting(KafkaToSegmentTest::sequence)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).boxed().toList());
        assertThat(emulator.acceptedEvents()).extracting(TrackedEvent::messageId)
                .allSatisfy(messageId -> assertThat(messageId).matches("kafka-" + TOPIC + "-[01]-\\d+"))
                .as("the refused events, read again, carry the messageIds of the refused batch")
                .containsAll(refusedMessageIds);
    }

    private Map<String, String> instance() {
        Map<String, String> properties = new LinkedHashMap<>(
                KafkaToSegment.instanceProperties(1, bootstrapServers, SegmentTarget.emulator(emulator)));
        properties.put("kafka.topic", TOPIC);
        properties.put("kafka.deadLetterTopic", TOPIC + ".dlt");
        properties.put("kafka.groupId", GROUP);
        return properties;
    }
}
