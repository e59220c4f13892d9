package io.camelsegment.example.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;

/**
 * The commits of an instance that is going to crash. Once {@link #arm() armed}, the instance dies at its next commit:
 * that commit and every later one fail, as on a dead process, so the poll Segment just accepted stays uncommitted,
 * the worst moment to crash. Only the instance the test crashes uses this factory (as
 * {@code camel.component.kafka.kafkaManualCommitFactory=#class:...}).
 */
public final class CrashingCommitFactory implements KafkaManualCommitFactory {

    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static volatile CountDownLatch crashed = new CountDownLatch(1);

    private final KafkaManualCommitFactory real = new DefaultKafkaManualCommitFactory();

    static void arm() {
        ARMED.set(true);
    }

    /** Waits until the instance reached a commit after {@link #arm()}, and so crashed. */
    static boolean awaitCrash(Duration timeout) throws InterruptedException {
        return crashed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void reset() {
        ARMED.set(false);
        crashed = new CountDownLatch(1);
    }

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record, CommitManager commitManager) {
        KafkaManualCommit commit = real.newInstance(exchange, record, commitManager);
        return () -> {
            if (ARMED.get()) {
                crashed.countDown();
                throw new IllegalStateException("the instance crashed: offset " + record.recordOffset + " of "
                                                + record.partition + " is not committed");
            }
            commit.commit();
        };
    }
}
