package io.camelsegment.benchmarks.throughput;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("segment:track batched x4")
                .doesNotContain("counted only");
        String table = ThroughputRun.table(settings, results);
        assertThat(table).contains("| segment:track batched x4 |").contains("× Jackson+POST limit");
        assertThat(ThroughputChart.svg("t", results)).startsWith("<svg").contains("segment:track batched x4")
                .contains("limit: Jackson + POST 500 x4");
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
