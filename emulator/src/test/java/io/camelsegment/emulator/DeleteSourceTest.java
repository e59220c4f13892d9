package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_MOBILE_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class DeleteSourceTest extends EmulatorTestSupport {

    @Test
    void deletedSourceIsAnsweredSuccessAndIsGone() {
        HttpResponse<String> response = client.api("DELETE", "/sources/" + DEMO_MOBILE_SOURCE_ID, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EmulatorClient.json(response).at("/data/status").asText()).isEqualTo("SUCCESS");
        assertThat(emulator.source(DEMO_MOBILE_SOURCE_ID)).isEmpty();
        assertThat(client.api("GET", "/sources/" + DEMO_MOBILE_SOURCE_ID + "/settings", null).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingTwiceIsAnswered404TheSecondTime() {
        client.api("DELETE", "/sources/" + DEMO_MOBILE_SOURCE_ID, null);

        HttpResponse<String> second = client.api("DELETE", "/sources/" + DEMO_MOBILE_SOURCE_ID, null);

        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(second).at("/errors/0/type").asText()).isEqualTo("NotFound");
    }
}
