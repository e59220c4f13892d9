package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_METADATA_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class GetDestinationTest extends EmulatorTestSupport {

    @Test
    void destinationIsAnsweredWithMetadataSettingsAndSource() {
        HttpResponse<String> response = client.api("GET", "/destinations/" + DEMO_DESTINATION_ID, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode destination = EmulatorClient.json(response).at("/data/destination");
        assertThat(destination.get("id").asText()).isEqualTo(DEMO_DESTINATION_ID);
        assertThat(destination.get("enabled").asBoolean()).isTrue();
        assertThat(destination.get("sourceId").asText()).isEqualTo(DEMO_SOURCE_ID);
        assertThat(destination.at("/metadata/id").asText()).isEqualTo(DEMO_DESTINATION_METADATA_ID);
        assertThat(destination.at("/metadata/slug").asText()).isEqualTo("actions-amplitude");
        assertThat(destination.get("settings").isObject()).isTrue();
    }

    @Test
    void versionedAcceptIsAnsweredWithTheSameMediaType() {
        HttpResponse<String> response = client.api("GET", "/destinations/" + DEMO_DESTINATION_ID, null,
                "Accept", "application/vnd.segment.v1+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.segment.v1+json");
    }

    @Test
    void unknownDestinationIsAnswered404() {
        HttpResponse<String> response = client.api("GET", "/destinations/unknown", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("NotFound");
        assertThat(EmulatorClient.json(response).at("/errors/0/message").asText()).contains("unknown");
    }
}
