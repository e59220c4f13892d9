package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class GetDailyPerSourceApiCallsUsageTest extends EmulatorTestSupport {

    @Test
    void usageIsOneStringCountPerSourcePerDayOfTheMonth() {
        HttpResponse<String> response = client.api("GET", "/usage/api-calls/sources/daily?period=2024-02-01&pagination.count=1000", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = EmulatorClient.json(response).get("data");
        JsonNode usage = data.get("dailyPerSourceAPICallsUsage");
        assertThat(usage).hasSize(29 * 3);
        assertThat(usage.get(0).get("sourceId").asText()).isEqualTo(DEMO_SOURCE_ID);
        assertThat(usage.get(0).get("apiCalls").isTextual()).isTrue();
        assertThat(Long.parseLong(usage.get(0).get("apiCalls").asText())).isPositive();
        assertThat(usage.get(0).get("timestamp").asText()).isEqualTo("2024-02-01T00:00:00.000Z");
        assertThat(data.at("/pagination/totalEntries").asInt()).isEqualTo(87);
        assertThat(data.at("/pagination").has("next")).isFalse();
    }

    @Test
    void samePeriodGivesTheSameFigures() {
        String first = client.api("GET", "/usage/api-calls/sources/daily?period=2024-03-01", null).body();
        String second = client.api("GET", "/usage/api-calls/sources/daily?period=2024-03-01", null).body();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void withoutPaginationAWholeMonthFitsTheDefaultPageOf200() {
        JsonNode data = EmulatorClient.json(client.api("GET", "/usage/api-calls/sources/daily?period=2024-01-01", null)).get("data");

        assertThat(data.get("dailyPerSourceAPICallsUsage")).hasSize(31 * 3);
        assertThat(data.at("/pagination").has("next")).isFalse();
    }

    @Test
    void missingPeriodIsAnswered422() {
        HttpResponse<String> response = client.api("GET", "/usage/api-calls/sources/daily", null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("ValidationFailure");
    }

    @Test
    void periodThatIsNotADateIsAnswered422() {
        assertThat(client.api("GET", "/usage/api-calls/sources/daily?period=2024-02-30", null).statusCode()).isEqualTo(422);
        assertThat(client.api("GET", "/usage/api-calls/sources/daily?period=February", null).statusCode()).isEqualTo(422);
    }
}
