package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class PaginationTest extends EmulatorTestSupport {

    /** Follows {@code next} until it is absent; returns every item of every page and counts the pages. */
    private List<JsonNode> followCursors(String path, String listField, int count, int[] pages) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String url = path + "pagination.count=" + count
                    + (cursor == null ? "" : "&pagination.cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode data = EmulatorClient.json(client.api("GET", url, null)).get("data");
            data.get(listField).forEach(items::add);
            pages[0]++;
            JsonNode next = data.at("/pagination/next");
            cursor = next.isMissingNode() ? null : next.asText();
        } while (cursor != null);
        return items;
    }

    @Test
    void followingNextCursorsVisitsEveryWarehouseOnce() {
        int[] pages = {0};
        List<JsonNode> warehouses = followCursors("/sources/" + DEMO_SOURCE_ID + "/connected-warehouses?", "warehouses", 1, pages);

        assertThat(pages[0]).isEqualTo(3);
        assertThat(warehouses).extracting(w -> w.get("id").asText()).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void followingNextCursorsVisitsEveryUsageEntryOnce() {
        int[] pages = {0};
        List<JsonNode> usage = followCursors("/usage/api-calls/sources/daily?period=2024-02-01&", "dailyPerSourceAPICallsUsage",
                10, pages);

        assertThat(pages[0]).isEqualTo(9);
        assertThat(usage).hasSize(87);
        assertThat(usage).extracting(u -> u.get("sourceId").asText() + u.get("timestamp").asText()).doesNotHaveDuplicates();
    }

    @Test
    void lastPageHasNoNextButAPrevious() {
        JsonNode pagination = EmulatorClient.json(client.api("GET",
                "/sources/" + DEMO_SOURCE_ID + "/connected-warehouses?pagination.count=2&pagination.cursor=Mg%3D%3D", null))
                .at("/data/pagination");

        assertThat(pagination.has("next")).isFalse();
        assertThat(pagination.get("current").asText()).isEqualTo("Mg==");
        assertThat(pagination.get("previous").asText()).isEqualTo("MA==");
        assertThat(pagination.get("totalEntries").asInt()).isEqualTo(3);
    }

    @Test
    void cursorThisApiNeverGaveIsAnswered422() {
        assertThat(client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/connected-warehouses?pagination.cursor=%21%21", null)
                .statusCode()).isEqualTo(422);
    }

    @Test
    void countThatIsNotANumberIsAnswered422() {
        assertThat(client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/connected-warehouses?pagination.count=ten", null)
                .statusCode()).isEqualTo(422);
    }
}
