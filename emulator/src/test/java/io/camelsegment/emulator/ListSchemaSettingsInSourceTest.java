package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SERVER_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class ListSchemaSettingsInSourceTest extends EmulatorTestSupport {

    @Test
    void settingsAreAnsweredForTrackIdentifyAndGroup() {
        HttpResponse<String> response = client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/settings", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = EmulatorClient.json(response).get("data");
        assertThat(data.get("sourceId").asText()).isEqualTo(DEMO_SOURCE_ID);
        assertThat(data.at("/settings/track/allowUnplannedEvents").asBoolean()).isTrue();
        assertThat(data.at("/settings/track/commonEventOnViolations").asText()).isEqualTo("ALLOW");
        assertThat(data.at("/settings/identify/allowUnplannedTraits").isBoolean()).isTrue();
        assertThat(data.at("/settings/group/commonEventOnViolations").asText()).isEqualTo("ALLOW");
    }

    @Test
    void blockingSourceForwardsViolations() {
        JsonNode settings = EmulatorClient.json(client.api("GET", "/sources/" + DEMO_SERVER_SOURCE_ID + "/settings", null))
                .at("/data/settings");

        assertThat(settings.at("/track/commonEventOnViolations").asText()).isEqualTo("BLOCK");
        assertThat(settings.get("forwardingViolationsTo").asText()).isEqualTo(DEMO_SOURCE_ID);
    }

    @Test
    void unknownSourceIsAnswered404() {
        assertThat(client.api("GET", "/sources/nope/settings", null).statusCode()).isEqualTo(404);
    }
}
