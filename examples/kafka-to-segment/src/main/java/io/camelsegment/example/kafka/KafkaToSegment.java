package io.camelsegment.example.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.camelsegment.emulator.TrackedEvent;

/**
 * Runs the scale-out demo: customer events on a Kafka topic, forwarded to Segment by several instances of the app
 * sharing one consumer group.
 *
 * <p>
 * Without {@code KAFKA_BOOTSTRAP_SERVERS} it starts a single-node Kafka in this JVM, and without
 * {@code SEGMENT_WRITE_KEY} a Segment emulator; it then publishes sample events (one of them invalid), forwards them
 * with two instances, prints what happened and exits. With {@code KAFKA_BOOTSTRAP_SERVERS} set it forwards the
 * cluster's topic until stopped (Ctrl+C), publishing sample events first only when asked with {@code --events N}.
 */
public final class KafkaToSegment {

    static final String TOPIC = "customer-events";
    static final String DEAD_LETTER_TOPIC = "customer-events.dlt";
    static final String GROUP = "segment-forwarder";
    static final int PARTITIONS = 4;
    private static final int DEMO_EVENTS = 1_000;

    private KafkaToSegment() {
    }

    /**
     * @param args {@code --instances N} instances in this JVM (default 2); {@code --events N} sample events to publish
     *             first (default 1,000 on the embedded broker, none on a cluster of yours)
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        try (KafkaTarget kafka = KafkaTarget.from(System.getenv()); SegmentTarget segment = SegmentTarget.from(System.getenv())) {
            int instances = Integer.parseInt(options.getOrDefault("--instances", "2"));
            int events = Integer.parseInt(options.getOrDefault("--events", kafka.isEmbedded() ? String.valueOf(DEMO_EVENTS) : "0"));
            System.out.println(where(kafka, segment));
            Topics.ensure(kafka.bootstrapServers(), Map.of(TOPIC, PARTITIONS, DEAD_LETTER_TOPIC, 1));
            if (events > 0) {
                DemoEvents.publish(kafka.bootstrapServers(), TOPIC, events, true);
                System.out.printf("Published %,d customer events and one invalid record to %s%n", events, TOPIC);
            }
            if (events > 0) {
                System.out.println(forwardPublished(kafka, segment, instances, events));
            } else {
                List<Forwarder> forwarders = startForwarders(instances, kafka, segment);
                System.out.println("Forwarding " + TOPIC + " to Segment until Ctrl+C");
                try {
                    awaitShutdown();
                } finally {
                    forwarders.forEach(Forwarder::close);
                }
            }
        }
    }

    /** Forwards what was published with {@code instances} instances, until the group committed past it; returns the summary. */
    static String forwardPublished(KafkaTarget kafka, SegmentTarget segment, int instances, int events) throws InterruptedException {
        long start = System.nanoTime();
        List<Forwarder> forwarders = startForwarders(instances, kafka, segment);
        try {
            return summary(kafka, segment, events, instances, start);
        } finally {
            forwarders.forEach(Forwarder::close);
        }
    }

    static List<Forwarder> startForwarders(int instances, KafkaTarget kafka, SegmentTarget segment) {
        List<Forwarder> forwarders = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            forwarders.add(Forwarder.start(instanceProperties(i, kafka.bootstrapServers(), segment)));
        }
        return forwarders;
    }

    /** The Camel Main properties of instance {@code number}: its name, the brokers and Segment. */
    static Map<String, String> instanceProperties(int number, String bootstrapServers, SegmentTarget segment) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.main.name", "kafka-to-segment-" + number);
        properties.put("camel.component.kafka.brokers", bootstrapServers);
        properties.putAll(segment.properties());
        return properties;
    }

    private static String summary(KafkaTarget kafka, SegmentTarget segment, int events, int instances, long start)
            throws InterruptedException {
        try (ConsumerGroupProgress progress = new ConsumerGroupProgress(kafka.bootstrapServers(), GROUP, TOPIC)) {
            if (!progress.awaitCaughtUp(Duration.ofMinutes(2))) {
                throw new IllegalStateException("The group did not commit past every record in 2 minutes; "
                                                + progress.remaining() + " remain");
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        StringBuilder summary = new StringBuilder()
                .append(String.format("%,d events forwarded by %d instances of group %s in %.1f s; offsets committed to the end of all %d partitions%n",
                        events, instances, GROUP, took.toMillis() / 1000.0, PARTITIONS));
        if (segment.usesEmulator()) {
            List<TrackedEvent> accepted = segment.emulator().acceptedEvents();
            summary.append(String.format("Segment (emulator) accepted %,d events: %,d tracks, %,d identifies%n", accepted.size(),
                    accepted.stream().filter(e -> "track".equals(e.type())).count(),
                    accepted.stream().filter(e -> "identify".equals(e.type())).count()));
        }
        for (DeadLetters.Refused refused : DeadLetters.read(kafka.bootstrapServers(), DEAD_LETTER_TOPIC)) {
            summary.append("Dead-lettered ").append(refused.source()).append(": ").append(refused.reason()).append('\n');
        }
        return summary.toString().stripTrailing();
    }

    private static String where(KafkaTarget kafka, SegmentTarget segment) {
        return (kafka.isEmbedded() ? "Kafka: embedded single-node broker at " : "Kafka: ") + kafka.bootstrapServers() + "\n"
               + (segment.usesEmulator() ? "Segment: emulator; watch the events arrive in its Debugger: " + segment.emulator().debuggerUrl()
                                         : "Segment: region " + segment.region());
    }

    private static Map<String, String> options(String[] args) {
        // Maven passes an empty -Ddemo.args as one blank argument
        List<String> words = Arrays.stream(args).filter(arg -> !arg.isBlank()).toList();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            if (!List.of("--instances", "--events").contains(words.get(i)) || i + 1 == words.size()) {
                throw new IllegalArgumentException("Usage: [--instances N] [--events N], got " + String.join(" ", words));
            }
            options.put(words.get(i), words.get(i + 1));
        }
        return options;
    }

    private static void awaitShutdown() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
    }
}
