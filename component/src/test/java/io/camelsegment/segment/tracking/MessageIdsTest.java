package io.camelsegment.segment.tracking;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    @Test
    void aMessageIdIsARandomUuidInShapeWellUnderSegmentsLimit() {
        String id = new MessageIds().next();

        UUID uuid = UUID.fromString(id);
        assertThat(uuid.toString()).isEqualTo(id);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(id).hasSizeLessThan(MessageRules.MAX_MESSAGE_ID_LENGTH);
    }

    @Test
    void threadsSharingOneSourceNeverGetTheSameId() throws InterruptedException {
        MessageIds ids = new MessageIds();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        int threads = 4;
        int each = 25_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    seen.add(ids.next());
                }
                done.countDown();
            }).start();
        }

        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(threads * each);
    }

    @Test
    void twoSourcesAsInTwoJvmsDrawTheirOwnRandomPart() {
        String first = new MessageIds().next();
        String second = new MessageIds().next();

        // the first 16 hex digits are fixed per source: equal only by a 1 in 2^60 chance
        assertThat(first.substring(0, 18)).isNotEqualTo(second.substring(0, 18));
    }
}
