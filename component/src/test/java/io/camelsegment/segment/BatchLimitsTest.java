package io.camelsegment.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.segment.tracking.MessageEncoder;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** A batch over Segment's limits becomes several requests, in order, each within the limits, none rejected. */
class BatchLimitsTest extends SegmentTestSupport {

    @BeforeEach
    void segmentAcceptsEverything() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    private static List<Map<String, Object>> tracks(int count, int propertyBytes) {
        return IntStream.range(0, count).mapToObj(i -> Map.<String, Object> of("type", "track", "userId", "u-" + i,
                "event", "E", "properties", Map.of("pad", "p".repeat(propertyBytes)))).toList();
    }

    /** Messages small enough (about 170 bytes) that 2,500 of them stay under 500 KB. */
    private static List<Map<String, Object>> smallTracks(int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.<String, Object> of("type", "track", "userId", "u-" + i,
                "event", "E", "messageId", "m-" + i, "timestamp", "2024-01-01T00:00:00Z")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> batchOf(LoggedRequest request) {
        return (List<Map<String, Object>>) json(request).get("batch");
    }

    @Test
    void moreThan2500MessagesAreSplitIntoRequestsOfAtMost2500() {
        Exchange exchange = send(tracking("batch", ""), smallTracks(2600));

        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(batchOf(requests.get(0))).hasSize(2500);
        assertThat(batchOf(requests.get(1))).hasSize(100);
        assertThat(batchOf(requests.get(1)).get(0)).containsEntry("userId", "u-2500");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_IDS, List.class)).hasSize(2600);
    }

    @Test
    void moreThan500KbIsSplitIntoRequestsOfAtMost500Kb() {
        send(tracking("batch", ""), tracks(40, 20 * 1024));

        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSizeGreaterThan(1);
        List<Object> userIds = new ArrayList<>();
        for (LoggedRequest request : requests) {
            assertThat(request.getBody().length).isLessThanOrEqualTo(MessageEncoder.MAX_BATCH_BYTES);
            batchOf(request).forEach(m -> userIds.add(m.get("userId")));
        }
        assertThat(userIds).isEqualTo(IntStream.range(0, 40).mapToObj(i -> "u-" + i).toList());
    }

    @Test
    void aBatchJustUnder500KbIsOneRequest() {
        // 15 messages of ~32,200 bytes: about 483 KB with the envelope
        send(tracking("batch", ""), tracks(15, 32 * 1024 - 600));

        assertThat(requests()).hasSize(1);
        assertThat(requests().get(0).getBody().length).isLessThanOrEqualTo(MessageEncoder.MAX_BATCH_BYTES);
    }

    @Test
    void aFailingLaterRequestSaysHowManyMessagesWereAlreadyDelivered() {
        wireMock.resetAll();
        wireMock.stubFor(any(anyUrl()).inScenario("split").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willReturn(aResponse().withStatus(200))
                .willSetStateTo("failing"));
        wireMock.stubFor(any(anyUrl()).inScenario("split").whenScenarioStateIs("failing")
                .willReturn(aResponse().withStatus(400).withBody("too big")));

        Exchange exchange = send(tracking("batch", ""), smallTracks(2501));

        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class)
                .hasMessageEndingWith("too big; 2500 message(s) of earlier requests were delivered");
    }
}
