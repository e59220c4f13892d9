package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WORKSPACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateSourceTest extends EmulatorTestSupport {

    private HttpResponse<String> patch(String body) {
        return client.api("PATCH", "/sources/" + DEMO_SOURCE_ID, body);
    }

    @Test
    void givenFieldsChangeAndTheWholeSourceIsAnswered() {
        HttpResponse<String> response = patch("{\"name\":\"My updated source\",\"enabled\":false,\"slug\":\"renamed\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode source = EmulatorClient.json(response).at("/data/source");
        assertThat(source.get("id").asText()).isEqualTo(DEMO_SOURCE_ID);
        assertThat(source.get("name").asText()).isEqualTo("My updated source");
        assertThat(source.get("enabled").asBoolean()).isFalse();
        assertThat(source.get("slug").asText()).isEqualTo("renamed");
        assertThat(source.get("workspaceId").asText()).isEqualTo(DEMO_WORKSPACE_ID);
        assertThat(source.get("writeKeys")).hasSize(2);
        assertThat(source.at("/metadata/slug").asText()).isEqualTo("javascript");
        assertThat(source.get("labels")).hasSize(1);
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().name()).isEqualTo("My updated source");
    }

    @Test
    void settingsAreMergedAndANullEntryRemovesOne() {
        JsonNode settings = EmulatorClient.json(patch("{\"settings\":{\"website\":null,\"sampling\":0.5}}"))
                .at("/data/source/settings");

        assertThat(settings.has("website")).isFalse();
        assertThat(settings.get("sampling").asDouble()).isEqualTo(0.5);
    }

    @Test
    void emptyBodyChangesNothing() {
        JsonNode source = EmulatorClient.json(patch("{}")).at("/data/source");

        assertThat(source.get("name").asText()).isEqualTo("Demo Website");
        assertThat(source.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void bodyThatIsNotAnObjectIsAnswered422() {
        HttpResponse<String> response = patch("[\"name\"]");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("ValidationFailure");
    }

    @Test
    void bodyThatIsNotJsonIsAnswered422() {
        assertThat(patch("name=x").statusCode()).isEqualTo(422);
    }

    @Test
    void wrongTypesAreAnswered422() {
        assertThat(patch("{\"enabled\":\"yes\"}").statusCode()).isEqualTo(422);
        assertThat(patch("{\"name\":42}").statusCode()).isEqualTo(422);
        assertThat(patch("{\"settings\":[]}").statusCode()).isEqualTo(422);
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().name()).isEqualTo("Demo Website");
    }

    @Test
    void unknownFieldIsAnswered422() {
        assertThat(patch("{\"displayName\":\"x\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void unknownSourceIsAnswered404() {
        assertThat(client.api("PATCH", "/sources/nope", "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
    }
}
