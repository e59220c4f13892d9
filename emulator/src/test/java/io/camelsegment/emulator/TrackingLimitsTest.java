package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingLimitsTest extends EmulatorTestSupport {

    /** A track call of exactly {@code bytes} bytes. */
    private static String trackOfSize(int bytes) {
        String head = "{\"userId\":\"u1\",\"event\":\"Big\",\"properties\":{\"pad\":\"";
        String tail = "\"}}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    @Test
    void singleCallOf32KbIsAccepted(SegmentEmulator emulator) {
        HttpResponse<String> response = client.track("/track", trackOfSize(32 * 1024));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).hasSize(1);
    }

    @Test
    void singleCallOver32KbIsAnswered400(SegmentEmulator emulator) {
        HttpResponse<String> response = client.track("/track", trackOfSize(32 * 1024 + 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void batchOver500KbIsAnswered400(SegmentEmulator emulator) {
        StringJoiner items = new StringJoiner(",", "{\"batch\":[", "]}");
        String item = trackOfSize(20 * 1024).replace("{\"userId\"", "{\"type\":\"track\",\"userId\"");
        for (int i = 0; i < 26; i++) {
            items.add(item);
        }
        assertThat(items.toString().length()).isGreaterThan(500 * 1024);

        HttpResponse<String> response = client.track("/batch", items.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void batchItemOver32KbMakesTheWholeBatch400(SegmentEmulator emulator) {
        String big = trackOfSize(33 * 1024).replace("{\"userId\"", "{\"type\":\"track\",\"userId\"");
        String body = "{\"batch\":[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Small\"}," + big + "]}";

        HttpResponse<String> response = client.track("/batch", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void batchOf2500ItemsIsAccepted(SegmentEmulator emulator) {
        HttpResponse<String> response = client.track("/batch", batchOf(2500));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).hasSize(2500);
    }

    @Test
    void batchOver2500ItemsIsAnswered200ButEveryItemIsDropped(SegmentEmulator emulator) {
        HttpResponse<String> response = client.track("/batch", batchOf(2501));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).isEmpty();
        assertThat(emulator.droppedEvents()).hasSize(2501)
                .allSatisfy(event -> assertThat(event.dropReason()).isEqualTo(DropReason.TOO_MANY_ITEMS));
    }

    @Test
    void malformedJsonIsAnswered400(SegmentEmulator emulator) {
        HttpResponse<String> response = client.track("/track", "{\"userId\":\"u1\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(emulator.trackingRequests()).singleElement()
                .satisfies(request -> assertThat(request.status()).isEqualTo(400));
    }

    @Test
    void jsonFollowedByGarbageIsAnswered400() {
        assertThat(client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\"} trailing").statusCode()).isEqualTo(400);
    }

    @Test
    void nonPostTrackingCallIsAnswered405(SegmentEmulator emulator) {
        assertThat(client.raw("GET", emulator.trackingUrl() + "/track", null).statusCode()).isEqualTo(405);
    }

    @Test
    void jsonThatIsNotAnObjectIsAnswered400() {
        assertThat(client.track("/track", "[1,2]").statusCode()).isEqualTo(400);
    }

    @Test
    void batchWithoutABatchArrayIsAnswered400() {
        assertThat(client.track("/batch", "{\"batch\":{}}").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownTrackingEndpointIsAnswered404() {
        assertThat(client.track("/purchase", "{\"userId\":\"u1\"}").statusCode()).isEqualTo(404);
    }

    private static String batchOf(int items) {
        StringJoiner batch = new StringJoiner(",", "{\"batch\":[", "]}");
        for (int i = 0; i < items; i++) {
            batch.add("{\"type\":\"track\",\"userId\":\"u" + i + "\",\"event\":\"E\",\"messageId\":\"m" + i + "\"}");
        }
        return batch.toString();
    }
}
