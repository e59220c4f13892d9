package io.camelsegment.benchmarks.throughput;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The startup harness cannot rot: one fresh JVM per contender gets its one event to the sink, and is timed. */
class StartupRunTest {

    @Test
    void eachContenderStartsInAFreshJvmAndItsFirstEventIsTimedAtTheSink() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<StartupRun.Result> results = new StartupRun(1, 0, new PrintStream(printed, true)).run();

        assertThat(results).extracting(StartupRun.Result::contender).containsExactly("camel-segment", "analytics-java");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.millis()).hasSize(1);
            assertThat(result.median()).as("from spawn to the sink counting the event").isPositive();
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("run 1/1 camel-segment: ")
                .contains("run 1/1 analytics-java: ");
        assertThat(StartupRun.table(results)).contains("| camel-segment |").contains("| analytics-java |")
                .contains("| 1.00× |");
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        StartupRun.Result result = new StartupRun.Result("camel-segment", List.of(900.0, 500.0, 700.0, 1200.0));

        assertThat(result.median()).isEqualTo(800.0);
        assertThat(result.min()).isEqualTo(500.0);
        assertThat(result.max()).isEqualTo(1200.0);
    }

    @Test
    void anUnknownContenderIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> StartupRun.contender("segment-java"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown contender segment-java").hasMessageContaining("analytics-java");
    }
}
