package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class AddLabelsToSourceTest extends EmulatorTestSupport {

    @Test
    void existingWorkspaceLabelIsAttachedAndAllLabelsOfTheSourceAreAnswered() {
        HttpResponse<String> response = client.api("POST", "/sources/" + DEMO_SOURCE_ID + "/labels",
                "{\"labels\":[{\"key\":\"team\",\"value\":\"growth\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode labels = EmulatorClient.json(response).at("/data/labels");
        assertThat(labels).hasSize(2);
        assertThat(labels.get(0).get("key").asText()).isEqualTo("environment");
        assertThat(labels.get(1).get("value").asText()).isEqualTo("growth");
        assertThat(labels.get(1).get("description").asText()).isEqualTo("Owned by the growth team");
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().labels()).extracting(Label::value)
                .containsExactly("prod", "growth");
    }

    @Test
    void labelAlreadyOnTheSourceIsNotAddedTwice() {
        HttpResponse<String> response = client.api("POST", "/sources/" + DEMO_SOURCE_ID + "/labels",
                "{\"labels\":[{\"key\":\"environment\",\"value\":\"prod\"}]}");

        assertThat(EmulatorClient.json(response).at("/data/labels")).hasSize(1);
    }

    @Test
    void labelMissingFromTheWorkspaceIsAnswered422() {
        HttpResponse<String> response = client.api("POST", "/sources/" + DEMO_SOURCE_ID + "/labels",
                "{\"labels\":[{\"key\":\"team\",\"value\":\"nobody\"}]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("ValidationFailure");
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().labels()).hasSize(1);
    }

    @Test
    void emptyLabelsAreAnswered422() {
        assertThat(client.api("POST", "/sources/" + DEMO_SOURCE_ID + "/labels", "{\"labels\":[]}").statusCode()).isEqualTo(422);
    }

    @Test
    void missingLabelsAreAnswered422() {
        assertThat(client.api("POST", "/sources/" + DEMO_SOURCE_ID + "/labels", "{}").statusCode()).isEqualTo(422);
    }

    @Test
    void labelWithoutValueIsAnswered422() {
        assertThat(client.api("POST", "/sources/" + DEMO_SOURCE_ID + "/labels", "{\"labels\":[{\"key\":\"team\"}]}")
                .statusCode()).isEqualTo(422);
    }

    @Test
    void unknownSourceIsAnswered404() {
        HttpResponse<String> response = client.api("POST", "/sources/nope/labels", "{\"labels\":[{\"key\":\"team\",\"value\":\"growth\"}]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("NotFound");
    }
}
