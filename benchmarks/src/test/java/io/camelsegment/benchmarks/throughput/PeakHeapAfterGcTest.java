package io.camelsegment.benchmarks.throughput;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The peak is what a collection still found alive, and a restart leaves the last stretch's garbage behind. */
class PeakHeapAfterGcTest {

    private static final int MB = 1024 * 1024;

    @Test
    void thePeakIsTheMostHeapAliveAfterACollectionSinceTheRestart() throws Exception {
        try (PeakHeapAfterGc heap = PeakHeapAfterGc.listen()) {
            long before = heap.restart();
            List<byte[]> held = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                held.add(new byte[MB]);
            }
            System.gc();

            long peak = heap.peakBytes();

            assertThat(peak).as("48 MB held through a collection").isGreaterThanOrEqualTo(before + 40L * MB);
            assertThat(heap.collections()).isPositive();
            assertThat(held).hasSize(48);
        }
    }

    @Test
    void aStretchWithoutACollectionReportsWhatTheForcedOneLeft() throws Exception {
        try (PeakHeapAfterGc heap = PeakHeapAfterGc.listen()) {
            List<byte[]> garbage = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                garbage.add(new byte[MB]);
            }
            garbage.clear();

            long level = heap.restart();

            assertThat(heap.peakBytes()).isEqualTo(level);
            assertThat(level).as("the dropped 48 MB were collected").isLessThan(48L * MB + heapOfAnIdleTestJvm());
        }
    }

    private static long heapOfAnIdleTestJvm() {
        return 64L * MB;
    }
}
