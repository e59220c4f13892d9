package io.camelsegment.example.kafka;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;

/**
 * The commits of an instance that is about to crash: they work until {@link #crash()}, then every commit fails as it
 * would on a dead process, so nothing the instance read since its last commit is ever marked done. Only the instance
 * the test crashes uses this factory (as {@code camel.component.kafka.kafkaManualCommitFactory=#class:...}).
 */
public final class CrashingCommitFactory implements KafkaManualCommitFactory {

    private static final AtomicBoolean CRASHED = new AtomicBoolean();

    private final KafkaManualCommitFactory real = new DefaultKafkaManualCommitFactory();

    static void crash() {
        CRASHED.set(true);
    }

    static void reset() {
        CRASHED.set(false);
    }

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record, CommitManager commitManager) {
        KafkaManualCommit commit = real.newInstance(exchange, record, commitManager);
        return () -> {
            if (CRASHED.get()) {
                throw new IllegalStateException("the instance crashed: offset " + record.recordOffset + " of "
                                                + record.partition + " is not committed");
            }
            commit.commit();
        };
    }
}
