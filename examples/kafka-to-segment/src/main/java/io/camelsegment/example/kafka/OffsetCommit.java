package io.camelsegment.example.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits, for each partition of a batching consumer's poll, the offset after its last record. The route calls it
 * once every record of the poll completed (accepted by Segment or dead-lettered), so the group's offsets never move
 * past an event that was not delivered.
 */
public final class OffsetCommit implements Processor {

    @Override
    public void process(Exchange poll) {
        Map<String, Message> lastOfPartition = new LinkedHashMap<>();
        for (Object item : poll.getMessage().getBody(List.class)) {
            Message record = ((Exchange) item).getMessage();
            String partition = record.getHeader(KafkaConstants.TOPIC) + "-" + record.getHeader(KafkaConstants.PARTITION);
            lastOfPartition.merge(partition, record, (kept, next) -> offset(next) > offset(kept) ? next : kept);
        }
        // a synchronous commit per partition: the offset is stored before the consumer polls again
        lastOfPartition.values()
                .forEach(record -> record.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class).commit());
    }

    private static long offset(Message record) {
        return record.getHeader(KafkaConstants.OFFSET, Long.class);
    }
}
