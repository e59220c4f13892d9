package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SECOND_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodedIdsTest extends EmulatorTestSupport {

    /** Percent-encodes every character, which any server must read back as the same id. */
    private static String encodeAll(String id) {
        StringBuilder encoded = new StringBuilder();
        for (char c : id.toCharArray()) {
            encoded.append('%').append(String.format("%02X", (int) c));
        }
        return encoded.toString();
    }

    @Test
    void percentEncodedIdIsDecodedBeforeLookup() {
        HttpResponse<String> response = client.api("GET", "/sources/" + encodeAll(DEMO_SOURCE_ID) + "/settings", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EmulatorClient.json(response).at("/data/sourceId").asText()).isEqualTo(DEMO_SOURCE_ID);
    }

    @Test
    void encodedSlashStaysInsideOneIdAndIsNotFound() {
        HttpResponse<String> response = client.api("GET", "/sources/a%2Fb/settings", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(response).at("/errors/0/message").asText()).contains("a/b");
    }

    @Test
    void plusInAPathIsAPlusNotASpace() {
        HttpResponse<String> response = client.api("GET", "/sources/a+b/settings", null);

        assertThat(EmulatorClient.json(response).at("/errors/0/message").asText()).contains("a+b");
    }

    @Test
    void segmentThatIsNotUtf8OnceDecodedIsAnswered404() {
        HttpResponse<String> response = client.api("GET", "/sources/a%FFb/settings", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("NotFound");
    }

    @Test
    void percentEncodedWriteKeyIsDecodedBeforeRemoval() {
        HttpResponse<String> response = client.api("DELETE",
                "/sources/" + DEMO_SOURCE_ID + "/writekey/" + encodeAll(DEMO_SECOND_WRITE_KEY), null,
                "Accept", "application/vnd.segment.v1alpha+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().writeKeys()).doesNotContain(DEMO_SECOND_WRITE_KEY);
    }

    @Test
    void recordedRequestKeepsTheRawPath() {
        client.api("GET", "/sources/a%2Fb/settings", null);

        assertThat(emulator.publicApiRequests().get(0).rawPath()).isEqualTo("/sources/a%2Fb/settings");
    }
}
