package io.camelsegment.example.kafka;

import java.util.Map;

/**
 * Which Kafka the app uses: the cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}, or a single-node broker started in
 * this JVM when it is not set.
 *
 * @param bootstrapServers host:port list for the clients
 * @param embedded         the embedded broker, or {@code null} for the user's cluster
 */
public record KafkaTarget(String bootstrapServers, EmbeddedKafka embedded) implements AutoCloseable {

    public static KafkaTarget from(Map<String, String> env) {
        String servers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (servers != null && !servers.isBlank()) {
            return new KafkaTarget(servers, null);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start();
        return new KafkaTarget(kafka.bootstrapServers(), kafka);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (isEmbedded()) {
            embedded.close();
        }
    }
}
