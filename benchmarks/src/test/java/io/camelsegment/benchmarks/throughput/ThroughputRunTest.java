package io.camelsegment.benchmarks.throughput;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.camelsegment.benchmarks.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole-run harness cannot rot: a tiny run of two contenders counts every event at the sink. */
class ThroughputRunTest {

    @Test
    void aQuickRunMeasuresEachSelectedContenderUntilTheSinkCountedEveryEvent() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ThroughputRun.Settings settings = ThroughputRun.Settings.parse("--events", "1000", "--repeats", "1",
                "--only", "segment:track batched x4,limit: Jackson");

        List<ThroughputRun.Result> results = new ThroughputRun(settings, new PrintStream(printed, true)).run();

        assertThat(results).extracting(ThroughputRun.Result::name)
                .containsExactly("segment:track batched x4", "limit: Jackson + POST 500 x4");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.eventsPerSecond()).isPositive();
            assertThat(result.failures()).isZero();
            assertThat(result.bytesPerEvent()).as("an event of ~550 bytes is at least encoded").isGreaterThan(500);
            assertThat(result.p99Micros()).isGreaterThanOrEqualTo(result.p50Micros());
            assertThat(result.peakHeapAfterGcMb()).as("the JVM holds at least its loaded classes' objects")
                    .isGreaterThan(1);
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("segment:track batched x4")
                .doesNotContain("counted only");
        String table = ThroughputRun.table(settings, results);
        assertThat(table).contains("| segment:track batched x4 |").contains("× Jackson+POST limit")
                .contains("| peak heap after GC (MB) |").doesNotContain("by exception type");
        assertThat(ThroughputChart.svg("t", results)).startsWith("<svg").contains("segment:track batched x4")
                .contains("limit: Jackson + POST 500 x4");
    }

    @Test
    void theTableNamesTheExceptionTypesOfTheEventsThatFailed() {
        ThroughputRun.Settings settings = ThroughputRun.Settings.parse("--events", "1000", "--fault-ratio", "0.1");
        ThroughputRun.Result route = new ThroughputRun.Result("camel-http route x8", "route", 900, 500, 900, 13000, 80,
                23, 3, 48.5, Map.of("HttpOperationFailedException", 23L));
        ThroughputRun.Result batched = new ThroughputRun.Result("segment:track batched", "batched", 9000, 50, 90, 9000,
                20, 0, 3, 20.0, Map.of());

        String table = ThroughputRun.table(settings, List.of(route, batched));

        assertThat(table).contains("sink failing 10% of requests")
                .contains("| camel-http route x8 | 900 | – | – | 500 | 900 | 13,000 | 80.0 | 48.5 | 23 |")
                .contains("| camel-http route x8 | HttpOperationFailedException 23 |")
                .contains("| segment:track batched | none |");
    }

    @Test
    void theSinkCountsEventsByTheirMessageIdsWhateverThePath() throws Exception {
        try (LoopbackSink sink = LoopbackSink.start()) {
            HttpClient client = HttpClient.newHttpClient();
            String one = "{\"type\":\"track\",\"messageId\":\"m-1\",\"event\":\"x\"}";
            String three = "{\"batch\":[{\"messageId\":\"a\"},{\"messageId\":\"b\"},{\"messageId\":\"c\"}]}";

            int first = post(client, sink.url() + "/v1/track", one);
            int second = post(client, sink.url() + "/v1/batch", three);

            assertThat(first).isEqualTo(200);
            assertThat(second).isEqualTo(200);
            assertThat(sink.events()).isEqualTo(4);
            assertThat(sink.requests()).isEqualTo(2);
        }
    }

    @Test
    void aFailingSinkAnswersItsShareWith429Or503AndCountsNothingFromThem() throws Exception {
        try (LoopbackSink sink = LoopbackSink.failing(1.0)) {
            int status = post(HttpClient.newHttpClient(), sink.url() + "/v1/track", Events.orderCompletedJson(1)
                    .replace("{", "{\"messageId\":\"m\","));

            assertThat(status).isIn(429, 503);
            assertThat(sink.events()).isZero();
            assertThat(sink.faults()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownOptionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> ThroughputRun.Settings.parse("--event", "5"))
                .hasMessageContaining("Unknown option --event").hasMessageContaining("--events");
    }

    private static int post(HttpClient client, String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
