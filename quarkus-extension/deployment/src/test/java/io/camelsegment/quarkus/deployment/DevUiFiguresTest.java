package io.camelsegment.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.camelsegment.emulator.SegmentEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dev UI card's figures are the emulator's own counts. */
class DevUiFiguresTest {

    @Test
    void receivedAndDroppedEventsAreCounted() throws Exception {
        RunningEmulator running = new RunningEmulator();
        try (SegmentEmulator emulator = SegmentEmulator.start()) {
            running.set(emulator);
            send(emulator, "{\"userId\":\"u1\",\"event\":\"Order Completed\"}");
            send(emulator, "{\"userId\":\"u1\"}"); // no event: Segment answers 200 and drops it

            assertThat(SegmentDevUiProcessor.receivedEvents(running)).isEqualTo("2");
            assertThat(SegmentDevUiProcessor.droppedEvents(running)).isEqualTo("1");
            assertThat(SegmentDevUiProcessor.debuggerUrl(running)).isEqualTo(emulator.debuggerUrl());
        }
    }

    @Test
    void withoutAnEmulatorTheCardSaysSo() {
        RunningEmulator none = new RunningEmulator();

        assertThat(SegmentDevUiProcessor.receivedEvents(none)).isEqualTo(SegmentDevUiProcessor.NOT_RUNNING);
        assertThat(SegmentDevUiProcessor.droppedEvents(none)).isEqualTo(SegmentDevUiProcessor.NOT_RUNNING);
        assertThat(SegmentDevUiProcessor.debuggerUrl(none)).isNull();
    }

    private static void send(SegmentEmulator emulator, String track) throws Exception {
        String auth = Base64.getEncoder().encodeToString("devUiTestWriteKey:".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.trackingUrl() + "/track"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(track)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }
}
