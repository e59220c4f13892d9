package io.camelsegment.segment.tracking;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = { "2024-05-01T12:00:00Z", "2024-05-01T12:00:00.100Z", "2024-05-01T12:00:00.000100Z",
                             "2024-05-01T12:00:00.000000001Z", "2024-05-01T12:00:00.123456789Z", "1969-12-31T23:59:59.5Z",
                             "1970-01-01T00:00:00Z", "0001-01-01T00:00:00.010Z", "+10000-01-01T00:00:00.000001Z" })
    void anInstantIsWrittenAsIsoInstantWritesIt(String text) {
        Instant instant = Instant.parse(text);

        assertThat(Timestamps.iso8601(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Test
    void instantsWithinAndAcrossSecondsAreWrittenAsIsoInstantWritesThem() {
        SplittableRandom random = new SplittableRandom(42);
        long second = Instant.parse("2026-11-29T12:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            second += random.nextInt(3) == 0 ? random.nextInt(-2, 3) : 0;
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);

            assertThat(Timestamps.iso8601(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }
}
