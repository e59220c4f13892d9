package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_METADATA_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SERVER_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class ListDeliveryMetricsSummaryFromDestinationTest extends EmulatorTestSupport {

    private static final String BETA = "application/vnd.segment.v1beta+json";


    private HttpResponse<String> metrics(String query, String accept) {
        return client.api("GET", "/destinations/" + DEMO_DESTINATION_ID + "/delivery-metrics" + query, null, "Accept", accept);
    }

    @Test
    void betaRequestIsAnsweredTheSummaryInTheBetaMediaType() {
        Instant now = Instant.now();
        HttpResponse<String> response = metrics("?sourceId=" + DEMO_SOURCE_ID + "&granularity=DAY"
                + "&startTime=" + now.minus(Duration.ofDays(8)) + "&endTime=" + now.minus(Duration.ofDays(1)), BETA);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(BETA);
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        JsonNode summary = EmulatorClient.json(response).at("/data/deliveryMetricsSummary");
        assertThat(summary.get("sourceId").asText()).isEqualTo(DEMO_SOURCE_ID);
        assertThat(summary.get("destinationMetadataId").asText()).isEqualTo(DEMO_DESTINATION_METADATA_ID);
        assertThat(summary.at("/metrics/0/metricName").asText()).isEqualTo("successes");
        assertThat(summary.at("/metrics/0/total").asInt()).isEqualTo(1200);
        assertThat(summary.at("/metrics/0/breakdown/0/metricName").asText()).isEqualTo("successes_on_first_attempt");
    }

    @Test
    void alphaRequestIsAnsweredToo() {
        assertThat(metrics("?sourceId=" + DEMO_SOURCE_ID, "application/vnd.segment.v1alpha+json").statusCode()).isEqualTo(200);
    }

    @Test
    void plainJsonAcceptIsServedInTheBetaMediaType() {
        HttpResponse<String> plain = metrics("?sourceId=" + DEMO_SOURCE_ID, "application/json");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue(BETA);
        assertThat(EmulatorClient.json(plain).at("/data/deliveryMetricsSummary/sourceId").asText()).isEqualTo(DEMO_SOURCE_ID);
    }

    @Test
    void stableAcceptIsAnswered404BecauseTheEndpointIsBetaOnly() {
        HttpResponse<String> stable = metrics("?sourceId=" + DEMO_SOURCE_ID, "application/vnd.segment.v1+json");

        assertThat(stable.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(stable).at("/errors/0/type").asText()).isEqualTo("NotFound");
        assertThat(EmulatorClient.json(stable).at("/errors/0/message").asText()).contains("beta");
    }

    @Test
    void missingSourceIdIsAnswered422() {
        HttpResponse<String> response = metrics("", BETA);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("ValidationFailure");
    }

    @Test
    void unknownGranularityIsAnswered422() {
        assertThat(metrics("?sourceId=" + DEMO_SOURCE_ID + "&granularity=WEEK", BETA).statusCode()).isEqualTo(422);
    }

    @Test
    void timeThatIsNotIso8601IsAnswered422() {
        assertThat(metrics("?sourceId=" + DEMO_SOURCE_ID + "&startTime=yesterday", BETA).statusCode()).isEqualTo(422);
    }

    @Test
    void startAfterEndIsAnswered422() {
        assertThat(metrics("?sourceId=" + DEMO_SOURCE_ID + "&startTime=2024-05-02T00:00:00Z&endTime=2024-05-01T00:00:00Z",
                BETA).statusCode()).isEqualTo(422);
    }

    @Test
    void sourceNotConnectedToTheDestinationIsAnswered422() {
        assertThat(metrics("?sourceId=" + DEMO_SERVER_SOURCE_ID, BETA).statusCode()).isEqualTo(422);
    }

    @Test
    void unknownDestinationIsAnswered404() {
        assertThat(client.api("GET", "/destinations/nope/delivery-metrics?sourceId=" + DEMO_SOURCE_ID, null, "Accept", BETA)
                .statusCode()).isEqualTo(404);
    }
}
