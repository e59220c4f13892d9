package io.camelsegment.example.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.camelsegment.emulator.DropReason;
import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.TrackedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances in one consumer group share a 4-partition topic of 20,000 events; Segment (the emulator) fails about
 * one tracking request in ten; one instance crashes halfway. Nothing is lost, every re-sent event keeps its
 * messageId (so Segment keeps it once), and the group's committed offsets reach the end of every partition.
 */
class ScaleOutTest {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutTest.class);

    private static final int EVENTS = 20_000;
    private static final String TOPIC = "scale-out-events";
    private static final String DEAD_LETTER_TOPIC = "scale-out-events.dlt";
    private static final String GROUP = "scale-out-forwarders";

    private final SegmentEmulator emulator = SegmentEmulator.builder().maxRecorded(0).faultSeed(2026).start();
    private final SegmentTarget segment = SegmentTarget.emulator(emulator);
    private final String bootstrapServers = SharedKafka.bootstrapServers();

    @AfterEach
    void stopEmulator() {
        CrashingCommitFactory.reset();
        emulator.close();
    }

    /**
     * A crash, as far as one JVM can play it: once half of the events were accepted, instance 1 dies at its next commit
     * (its commit factory fails it and every later one), right after Segment accepted its poll; its CamelContext then
     * stops with a 1 s shutdown timeout, so Camel does not drain what is in flight. Its consumer leaves the group, and
     * what it read since its last commit goes, uncommitted, to instance 2.
     */
    @Test
    void whenOneOfTwoInstancesCrashesHalfwayEveryEventIsDeliveredOnceToSegmentAndTheOffsetsReachTheEnd() throws Exception {
        emulator.faults().ratio(0.1).onTracking().status(503);
        Topics.ensure(bootstrapServers, Map.of(TOPIC, 4, DEAD_LETTER_TOPIC, 1));
        DemoEvents.publish(bootstrapServers, TOPIC, EVENTS, true);
        long start = System.nanoTime();

        Forwarder crashing = Forwarder.start(crashingInstance());
        try (Forwarder surviving = Forwarder.start(instance(2));
             ConsumerGroupProgress progress = new ConsumerGroupProgress(bootstrapServers, GROUP, TOPIC)) {
            awaitTrue(() -> emulator.acceptedEvents().size() >= EVENTS / 2, Duration.ofSeconds(90), "half of the events accepted");
            CrashingCommitFactory.arm();
            assertThat(CrashingCommitFactory.awaitCrash(Duration.ofSeconds(30))).as("instance 1 reached a commit").isTrue();
            long crashedAt = emulator.acceptedEvents().size();
            crashing.close();

            assertThat(progress.awaitCaughtUp(Duration.ofSeconds(90))).as("the group committed past every record").isTrue();
            assertThat(progress.committed()).isEqualTo(progress.ends());
            report(crashedAt, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            crashing.close();
        }

        List<TrackedEvent> received = emulator.events();
        Map<Integer, Set<String>> messageIdsBySequence = messageIdsBySequence(received);
        assertThat(messageIdsBySequence.keySet()).as("every event reached Segment")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, EVENTS).boxed().toList());
        assertThat(messageIdsBySequence).as("every copy of an event carries the same messageId")
                .allSatisfy((sequence, messageIds) -> assertThat(messageIds).hasSize(1));
        assertThat(emulator.acceptedEvents()).as("Segment kept each event once").hasSize(EVENTS);
        assertThat(received.size()).as("the crash made the other instance send again what was not committed")
                .isGreaterThan(EVENTS);
        assertThat(emulator.droppedEvents()).extracting(TrackedEvent::dropReason).containsOnly(DropReason.DUPLICATE_MESSAGE_ID);
        assertThat(DeadLetters.read(bootstrapServers, DEAD_LETTER_TOPIC)).isNotEmpty().allSatisfy(refused -> {
            assertThat(refused.value()).isEqualTo(DemoEvents.POISON);
            assertThat(refused.reason()).isEqualTo("a track event needs an event name");
            assertThat(refused.source()).startsWith(TOPIC + "-");
        });
    }

    private Map<String, String> crashingInstance() {
        Map<String, String> properties = instance(1);
        properties.put("camel.component.kafka.kafkaManualCommitFactory", "#class:" + CrashingCommitFactory.class.getName());
        properties.put("camel.main.shutdownTimeout", "1");
        properties.put("camel.component.segment.shutdownTimeout", "1000");
        return properties;
    }

    private Map<String, String> instance(int number) {
        Map<String, String> properties = new LinkedHashMap<>(KafkaToSegment.instanceProperties(number, bootstrapServers, segment));
        properties.put("kafka.topic", TOPIC);
        properties.put("kafka.deadLetterTopic", DEAD_LETTER_TOPIC);
        properties.put("kafka.groupId", GROUP);
        return properties;
    }

    private void report(long acceptedAtCrash, Duration took) {
        List<TrackedEvent> received = emulator.events();
        Map<Integer, Set<String>> messageIdsBySequence = messageIdsBySequence(received);
        boolean allSameMessageId = messageIdsBySequence.values().stream().allMatch(messageIds -> messageIds.size() == 1);
        long faulted = emulator.trackingRequests().stream().filter(request -> request.fault() != null).count();
        LOG.info("Scale-out figures: events={}, partitions=4, instances=2 (instance 1 crashed when {} were accepted),"
                 + " delivered={} distinct, received={}, duplicates={}, allSameMessageId={}, acceptedBySegment={},"
                 + " faultedRequests={} of {}, offsetsAtEndAfter={} ms",
                EVENTS, acceptedAtCrash, messageIdsBySequence.size(), received.size(), received.size() - messageIdsBySequence.size(),
                allSameMessageId, emulator.acceptedEvents().size(), faulted, emulator.trackingRequests().size(), took.toMillis());
    }

    private static Map<Integer, Set<String>> messageIdsBySequence(List<TrackedEvent> received) {
        return received.stream().collect(Collectors.groupingBy(KafkaToSegmentTest::sequence,
                Collectors.mapping(TrackedEvent::messageId, Collectors.toSet())));
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + timeout + " for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
