package io.camelsegment.example.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group got on a topic, read with Kafka's AdminClient: the offsets the group committed against
 * the ends of the partitions.
 */
public final class ConsumerGroupProgress implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String groupId;
    private final String topic;

    public ConsumerGroupProgress(String bootstrapServers, String groupId, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.groupId = groupId;
        this.topic = topic;
    }

    /** The group's committed offset of each partition of the topic (0 where it committed none yet). */
    public Map<TopicPartition, Long> committed() {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        return ends().keySet().stream().collect(Collectors.toMap(partition -> partition, partition -> {
            OffsetAndMetadata committed = offsets.get(partition);
            return committed == null ? 0L : committed.offset();
        }));
    }

    /** The end offset (the offset the next record will get) of each partition of the topic. */
    public Map<TopicPartition, Long> ends() {
        Set<TopicPartition> partitions = get(admin.describeTopics(Set.of(topic)).allTopicNames()).get(topic).partitions()
                .stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return get(admin.listOffsets(latest).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Records of the topic the group has not committed past yet. */
    public long remaining() {
        Map<TopicPartition, Long> committed = committed();
        return ends().entrySet().stream().mapToLong(end -> Math.max(0, end.getValue() - committed.get(end.getKey()))).sum();
    }

    /** Waits, polling twice a second, until the group committed past every record of the topic. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (remaining() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer: " + e.getMessage(), e);
        }
    }
}
