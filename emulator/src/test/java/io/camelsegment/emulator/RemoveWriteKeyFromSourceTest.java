package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SECOND_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class RemoveWriteKeyFromSourceTest extends EmulatorTestSupport {

    private static final String ALPHA = "application/vnd.segment.v1alpha+json";


    @Test
    void alphaRequestRemovesTheKeyAndIsAnsweredSuccess() {
        HttpResponse<String> response = client.api("DELETE", "/sources/" + DEMO_SOURCE_ID + "/writekey/" + DEMO_SECOND_WRITE_KEY,
                null, "Accept", ALPHA);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ALPHA);
        assertThat(EmulatorClient.json(response).at("/data/status").asText()).isEqualTo("SUCCESS");
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().writeKeys()).containsExactly(DEMO_WRITE_KEY);
    }

    @Test
    void requestWithoutTheAlphaVersionIsAnswered404() {
        HttpResponse<String> response = client.api("DELETE", "/sources/" + DEMO_SOURCE_ID + "/writekey/" + DEMO_SECOND_WRITE_KEY,
                null, "Accept", "application/vnd.segment.v1beta+json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(response).at("/errors/0/message").asText()).contains("alpha");
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().writeKeys()).hasSize(2);
    }

    @Test
    void plainJsonAcceptIsServedInTheAlphaMediaType() {
        HttpResponse<String> response = client.api("DELETE", "/sources/" + DEMO_SOURCE_ID + "/writekey/" + DEMO_SECOND_WRITE_KEY,
                null, "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ALPHA);
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().writeKeys()).containsExactly(DEMO_WRITE_KEY);
    }

    @Test
    void unknownWriteKeyIsAnswered404WithoutEchoingIt() {
        HttpResponse<String> response = client.api("DELETE", "/sources/" + DEMO_SOURCE_ID + "/writekey/notAKey123",
                null, "Accept", ALPHA);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("notAKey123");
    }

    @Test
    void unknownSourceIsAnswered404() {
        assertThat(client.api("DELETE", "/sources/nope/writekey/" + DEMO_WRITE_KEY, null, "Accept", ALPHA).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theWriteKeyInThePathIsRecordedMasked() {
        client.api("DELETE", "/sources/" + DEMO_SOURCE_ID + "/writekey/" + DEMO_SECOND_WRITE_KEY, null, "Accept", ALPHA);

        assertThat(emulator.publicApiRequests()).singleElement().satisfies(request -> {
            assertThat(request.rawPath()).isEqualTo("/sources/" + DEMO_SOURCE_ID + "/writekey/****0002");
            assertThat(request.toString()).doesNotContain(DEMO_SECOND_WRITE_KEY);
        });
    }

    @Test
    void aPercentEncodedWriteKeyInThePathIsMaskedToItsDecodedLastFour() {
        assertThat(SecretPaths.mask("/sources/s1/writekey/abc%2Fdefg%21")).isEqualTo("/sources/s1/writekey/****efg!");
        assertThat(SecretPaths.mask("/sources/s1/settings")).isEqualTo("/sources/s1/settings");
    }
}
