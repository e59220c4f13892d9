package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_MOBILE_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WAREHOUSE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WORKSPACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class ListConnectedWarehousesFromSourceTest extends EmulatorTestSupport {

    @Test
    void connectedWarehousesAreAnsweredWithPagination() {
        HttpResponse<String> response = client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/connected-warehouses", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = EmulatorClient.json(response).get("data");
        assertThat(data.get("warehouses")).hasSize(3);
        JsonNode first = data.get("warehouses").get(0);
        assertThat(first.get("id").asText()).isEqualTo(DEMO_WAREHOUSE_ID);
        assertThat(first.get("workspaceId").asText()).isEqualTo(DEMO_WORKSPACE_ID);
        assertThat(first.at("/metadata/slug").asText()).isEqualTo("postgres");
        assertThat(data.at("/pagination/current").asText()).isEqualTo("MA==");
        assertThat(data.at("/pagination/totalEntries").asInt()).isEqualTo(3);
    }

    @Test
    void sourceWithoutWarehousesIsAnsweredAnEmptyList() {
        JsonNode data = EmulatorClient.json(client.api("GET", "/sources/" + DEMO_MOBILE_SOURCE_ID + "/connected-warehouses", null))
                .get("data");

        assertThat(data.get("warehouses")).isEmpty();
        assertThat(data.at("/pagination/totalEntries").asInt()).isZero();
    }

    @Test
    void unknownSourceIsAnswered404() {
        assertThat(client.api("GET", "/sources/nope/connected-warehouses", null).statusCode()).isEqualTo(404);
    }

    @Test
    void pageSizeOutOfRangeIsAnswered422() {
        assertThat(client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/connected-warehouses?pagination.count=0", null)
                .statusCode()).isEqualTo(422);
        assertThat(client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/connected-warehouses?pagination.count=1001", null)
                .statusCode()).isEqualTo(422);
    }
}
