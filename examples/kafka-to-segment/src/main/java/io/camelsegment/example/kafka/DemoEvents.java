package io.camelsegment.example.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes sample customer events, as a shop's services would: every tenth an identify, the others Order Completed
 * and Product Viewed tracks, keyed by customer so that a customer's events stay in order in one partition. Each event
 * carries its number in {@code properties.sequence} (traits for identify) so that a reader can match deliveries to it.
 */
public final class DemoEvents {

    /** A record the route must refuse: a track without an event name. */
    public static final String POISON = "{\"type\":\"track\",\"userId\":\"cus-poison\",\"properties\":{\"sequence\":-1}}";

    private static final int CUSTOMERS = 200;

    private DemoEvents() {
    }

    /** The value of event number {@code sequence}. */
    public static String event(int sequence) {
        String customer = customer(sequence);
        if (sequence % 10 == 0) {
            return "{\"type\":\"identify\",\"userId\":\"" + customer + "\",\"traits\":{\"sequence\":" + sequence
                   + ",\"plan\":\"" + (sequence % 20 == 0 ? "pro" : "free") + "\"}}";
        }
        String event = sequence % 2 == 0 ? "Product Viewed" : "Order Completed";
        return "{\"type\":\"track\",\"userId\":\"" + customer + "\",\"event\":\"" + event + "\",\"properties\":{\"sequence\":"
               + sequence + ",\"revenue\":" + (sequence % 97) + "}}";
    }

    /** Publishes events 0 to count-1, with the poison record in the middle when asked, and waits for every ack. */
    public static void publish(String bootstrapServers, String topic, int count, boolean withPoison) {
        // one request in flight per partition keeps each partition in order without the idempotent producer's
        // sequence bookkeeping, which a single embedded broker under load has refused (OutOfOrderSequenceException)
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(count + 1);
            for (int sequence = 0; sequence < count; sequence++) {
                if (withPoison && sequence == count / 2) {
                    acks.add(producer.send(new ProducerRecord<>(topic, "cus-poison", POISON)));
                }
                acks.add(producer.send(new ProducerRecord<>(topic, customer(sequence), event(sequence))));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the demo events", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a demo event: " + e.getCause().getMessage(), e);
        }
    }

    private static String customer(int sequence) {
        return "cus-" + (1000 + sequence % CUSTOMERS);
    }
}
