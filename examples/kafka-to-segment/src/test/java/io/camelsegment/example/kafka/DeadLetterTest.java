package io.camelsegment.example.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.TrackedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Events that can never be sent go to the dead-letter topic, as read, with the reason; the events after them flow on. */
class DeadLetterTest {

    private static final String TOPIC = "dead-letter-events";
    private static final String DEAD_LETTER_TOPIC = "dead-letter-events.dlt";

    private final SegmentEmulator emulator = SegmentEmulator.builder().maxRecorded(0).start();
    private final String bootstrapServers = SharedKafka.bootstrapServers();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void aRecordRefusedByTheRouteOrByTheComponentIsDeadLetteredWithItsKeyAndReason() throws Exception {
        Topics.ensure(bootstrapServers, Map.of(TOPIC, 1, DEAD_LETTER_TOPIC, 1));
        String notJson = "{\"type\":\"track\",";
        String badTimestamp = "{\"type\":\"track\",\"userId\":\"cus-2\",\"event\":\"Order Completed\",\"timestamp\":\"yesterday\"}";
        String valid = "{\"type\":\"track\",\"userId\":\"cus-3\",\"event\":\"Order Completed\"}";
        publish(Map.of("cus-1", notJson), Map.of("cus-2", badTimestamp), Map.of("cus-3", valid));

        try (Forwarder forwarder = Forwarder.start(instance());
             ConsumerGroupProgress progress = new ConsumerGroupProgress(bootstrapServers, "dead-letter-forwarders", TOPIC)) {
            assertThat(progress.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        }

        assertThat(emulator.acceptedEvents()).extracting(TrackedEvent::userId, TrackedEvent::messageId)
                .containsExactly(tuple("cus-3", "kafka-" + TOPIC + "-0-2"));
        List<ConsumerRecord<String, String>> deadLetters = readAll(DEAD_LETTER_TOPIC, 2);
        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("cus-1", "cus-2");
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(notJson, badTimestamp);
        assertThat(header(deadLetters.get(0), DeadLetter.REASON)).startsWith("the record is not a JSON object: ");
        assertThat(header(deadLetters.get(0), DeadLetter.SOURCE)).isEqualTo(TOPIC + "-0@0");
        assertThat(header(deadLetters.get(1), DeadLetter.REASON)).contains("timestamp");
        assertThat(header(deadLetters.get(1), DeadLetter.SOURCE)).isEqualTo(TOPIC + "-0@1");
    }

    @SafeVarargs
    private void publish(Map<String, String>... records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new StringSerializer())) {
            for (Map<String, String> record : records) {
                Map.Entry<String, String> keyAndValue = record.entrySet().iterator().next();
                producer.send(new ProducerRecord<>(TOPIC, keyAndValue.getKey(), keyAndValue.getValue())).get();
            }
        }
    }

    private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private Map<String, String> instance() {
        Map<String, String> properties = new LinkedHashMap<>(
                KafkaToSegment.instanceProperties(1, bootstrapServers, SegmentTarget.emulator(emulator)));
        properties.put("kafka.topic", TOPIC);
        properties.put("kafka.deadLetterTopic", DEAD_LETTER_TOPIC);
        properties.put("kafka.groupId", "dead-letter-forwarders");
        return properties;
    }
}
