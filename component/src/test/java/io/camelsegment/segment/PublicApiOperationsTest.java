package io.camelsegment.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class PublicApiOperationsTest extends SegmentTestSupport {

    private static void answer(String json) {
        answer(any(anyUrl()), 200, json);
    }

    private static void answer(MappingBuilder request, int status, String json) {
        wireMock.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-RateLimit-Remaining", "59").withHeader("X-RateLimit-Consumed", "1")
                .withHeader("X-RateLimit-Reset", "Sat, 28 Nov 2026 16:00:00 GMT").withBody(json)));
    }

    private static void assertAuthenticated(LoggedRequest request, String accept) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo(accept);
    }

    @Test
    void addLabelsToSourcePostsTheLabelsAndReturnsThemUnwrapped() throws Exception {
        answer("{\"data\":{\"labels\":[{\"key\":\"env\",\"value\":\"prod\"}]}}");

        Exchange exchange = send(publicApi("addLabelsToSource", "sourceId=src-1"),
                List.of(Map.of("key", "env", "value", "prod")));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/sources/src-1/labels");
        assertAuthenticated(request, "application/vnd.segment.v1+json");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(json(request)).isEqualTo(Map.of("labels", List.of(Map.of("key", "env", "value", "prod"))));
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("labels", List.of(Map.of("key", "env", "value", "prod"))));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.HTTP_STATUS)).isEqualTo(200);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.RATE_LIMIT_REMAINING)).isEqualTo("59");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.RATE_LIMIT_CONSUMED)).isEqualTo("1");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.RATE_LIMIT_RESET))
                .isEqualTo("Sat, 28 Nov 2026 16:00:00 GMT");
    }

    @Test
    void addLabelsToSourceTakesKeyValuePairsFromTheLabelsOption() throws Exception {
        answer("{\"data\":{\"labels\":[]}}");

        send(publicApi("addLabelsToSource", "sourceId=src-1&labels=env:prod,team:data"), null);

        assertThat(json(onlyRequest())).isEqualTo(Map.of("labels",
                List.of(Map.of("key", "env", "value", "prod"), Map.of("key", "team", "value", "data"))));
    }

    @Test
    void deleteSourceSendsADeleteWithoutBody() {
        answer("{\"data\":{\"status\":\"SUCCESS\"}}");

        Exchange exchange = send(publicApi("deleteSource", "sourceId=src-1"), null);

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/sources/src-1");
        assertThat(request.getBody()).isEmpty();
        assertAuthenticated(request, "application/vnd.segment.v1+json");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("status", "SUCCESS"));
    }

    @Test
    void getDailyPerSourceApiCallsUsageSendsPeriodAndPaginationAsQuery() {
        answer("{\"data\":{\"dailyPerSourceAPICallsUsage\":[{\"sourceId\":\"src-1\",\"apiCalls\":\"12\","
               + "\"timestamp\":\"2024-05-01T00:00:00Z\"}],\"pagination\":{\"current\":\"MA==\",\"next\":\"MQ==\","
               + "\"totalEntries\":31}}}");

        Exchange exchange = send(publicApi("getDailyPerSourceApiCallsUsage", "period=2024-05-01&pageSize=1"), null);

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/usage/api-calls/sources/daily?period=2024-05-01&pagination.count=1");
        assertAuthenticated(request, "application/vnd.segment.v1+json");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = exchange.getMessage().getBody(Map.class);
        assertThat(data.get("dailyPerSourceAPICallsUsage")).isEqualTo(List.of(Map.of("sourceId", "src-1", "apiCalls", "12",
                "timestamp", "2024-05-01T00:00:00Z")));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.NEXT_CURSOR)).isEqualTo("MQ==");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.TOTAL_ENTRIES)).isEqualTo(31L);
    }

    @Test
    void getDestinationReturnsTheDestination() {
        answer("{\"data\":{\"destination\":{\"id\":\"dst-1\",\"enabled\":true,\"sourceId\":\"src-1\"}}}");

        Exchange exchange = send(publicApi("getDestination", "destinationId=dst-1"), null);

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/destinations/dst-1");
        assertAuthenticated(request, "application/vnd.segment.v1+json");
        assertThat(exchange.getMessage().getBody())
                .isEqualTo(Map.of("destination", Map.of("id", "dst-1", "enabled", true, "sourceId", "src-1")));
    }

    @Test
    void listConnectedWarehousesFromSourceReadsOnePageFromTheCursor() {
        answer("{\"data\":{\"warehouses\":[{\"id\":\"wh-2\"}],\"pagination\":{\"current\":\"MQ==\"}}}");

        Exchange exchange = send(publicApi("listConnectedWarehousesFromSource", "sourceId=src-1&pageSize=1"), null,
                Map.of(SegmentConstants.CURSOR, "MQ=="));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl())
                .isEqualTo("/sources/src-1/connected-warehouses?pagination.count=1&pagination.cursor=MQ%3D%3D");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("warehouses", List.of(Map.of("id", "wh-2")),
                "pagination", Map.of("current", "MQ==")));
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(SegmentConstants.NEXT_CURSOR);
    }

    @Test
    void listConnectedWarehousesFromSourceFollowsEveryPageWhenAsked() {
        answer(any(anyUrl()).withQueryParam("pagination.cursor", com.github.tomakehurst.wiremock.client.WireMock.absent()),
                200, "{\"data\":{\"warehouses\":[{\"id\":\"wh-1\"}],\"pagination\":{\"current\":\"MA==\",\"next\":\"MQ==\"}}}");
        answer(any(anyUrl()).withQueryParam("pagination.cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("MQ==")),
                200, "{\"data\":{\"warehouses\":[{\"id\":\"wh-2\"}],\"pagination\":{\"current\":\"MQ==\"}}}");

        Exchange exchange = send(publicApi("listConnectedWarehousesFromSource", "sourceId=src-1&pageSize=1&followPages=true"),
                null);

        assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(
                "/sources/src-1/connected-warehouses?pagination.count=1",
                "/sources/src-1/connected-warehouses?pagination.count=1&pagination.cursor=MQ%3D%3D");
        assertThat(exchange.getMessage().getBody(Map.class).get("warehouses"))
                .isEqualTo(List.of(Map.of("id", "wh-1"), Map.of("id", "wh-2")));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void listDeliveryMetricsSummaryFromDestinationAsksForTheBetaVersion() {
        answer("{\"data\":{\"deliveryMetricsSummary\":{\"sourceId\":\"src-1\",\"destinationMetadataId\":\"meta-1\","
               + "\"metrics\":[{\"metricName\":\"successes\",\"total\":10,\"breakdown\":[]}]}}}");

        // a window Segment serves: an HOUR window starts at most 7 days ago
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        Instant end = start.plus(Duration.ofDays(1));

        Exchange exchange = send(publicApi("listDeliveryMetricsSummaryFromDestination",
                "destinationId=dst-1&sourceId=src-1&startTime=" + start + "&endTime=" + end + "&granularity=HOUR"), null);

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/destinations/dst-1/delivery-metrics?sourceId=src-1&startTime="
                                               + start.toString().replace(":", "%3A") + "&endTime="
                                               + end.toString().replace(":", "%3A") + "&granularity=HOUR");
        assertAuthenticated(request, "application/vnd.segment.v1beta+json");
        assertThat(exchange.getMessage().getBody(Map.class)).containsKey("deliveryMetricsSummary");
    }

    @Test
    void listSchemaSettingsInSourceReturnsTheSettings() {
        answer("{\"data\":{\"sourceId\":\"src-1\",\"settings\":{\"track\":{\"allowUnplannedEvents\":true}}}}");

        Exchange exchange = send(publicApi("listSchemaSettingsInSource", ""), null, Map.of(SegmentConstants.SOURCE_ID, "src-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/sources/src-1/settings");
        assertAuthenticated(request, "application/vnd.segment.v1+json");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("sourceId", "src-1",
                "settings", Map.of("track", Map.of("allowUnplannedEvents", true))));
    }

    @Test
    void removeWriteKeyFromSourceAsksForTheAlphaVersionWithTheKeyInThePath() {
        answer("{\"data\":{\"status\":\"SUCCESS\"}}");

        Exchange exchange = send(publicApi("removeWriteKeyFromSource", "sourceId=src-1"), null,
                Map.of(SegmentConstants.WRITE_KEY_TO_REMOVE, "old-key-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/sources/src-1/writekey/old-key-1");
        assertAuthenticated(request, "application/vnd.segment.v1alpha+json");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("status", "SUCCESS"));
    }

    @Test
    void updateSourcePatchesTheBodyFilledInFromOptions() throws Exception {
        answer("{\"data\":{\"source\":{\"id\":\"src-1\",\"name\":\"Web\",\"enabled\":false}}}");

        Exchange exchange = send(publicApi("updateSource", "sourceId=src-1&enabled=false"), "{\"name\":\"Web\"}");

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("PATCH");
        assertThat(request.getUrl()).isEqualTo("/sources/src-1");
        assertAuthenticated(request, "application/vnd.segment.v1+json");
        assertThat(json(request)).isEqualTo(Map.of("name", "Web", "enabled", false));
        assertThat(exchange.getMessage().getBody())
                .isEqualTo(Map.of("source", Map.of("id", "src-1", "name", "Web", "enabled", false)));
    }
}
