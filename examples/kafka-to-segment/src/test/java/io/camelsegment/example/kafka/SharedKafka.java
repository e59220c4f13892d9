package io.camelsegment.example.kafka;

/**
 * One embedded broker for every test class of the JVM (starting one costs seconds); each class uses its own topics
 * and consumer groups. It stops when the JVM exits.
 */
final class SharedKafka {

    private static EmbeddedKafka kafka;

    private SharedKafka() {
    }

    static synchronized String bootstrapServers() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka.bootstrapServers();
    }
}
