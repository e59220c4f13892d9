package io.camelsegment.segment;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel health check per write key, in the producers repository: DOWN once Segment answered 401 or 403 for that key,
 * UP again after a 2xx; invoking it sends nothing.
 */
class WriteKeyHealthCheckTest extends SegmentTestSupport {

    private static final String OTHER_KEY = "wk_OTHER_write_key_456";
    private static final String REFUSED_ID = "producer:segment-xxxxxx_123";
    private static final String OTHER_ID = "producer:segment-xxxxxx_456";

    @BeforeEach
    void producerChecksOn() {
        // Camel leaves producer checks off unless camel.health.producersEnabled=true
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        assertThat(producers).as("camel-health provides the producers repository").isNotNull();
        producers.setEnabled(true);
    }

    private static void segmentAnswers(String writeKey, int status) {
        wireMock.stubFor(any(anyUrl()).withBasicAuth(writeKey, "").willReturn(aResponse().withStatus(status)
                .withBody(status == 200 ? "{\"success\":true}" : "{\"success\":false}")));
    }

    private Exchange track(String options, String writeKey) {
        return send(tracking("track", "userId=u-1&event=E" + options), null, Map.of(SegmentConstants.WRITE_KEY, writeKey));
    }

    private Optional<HealthCheck.Result> result(String id) {
        // full: Camel's default exposure level leaves out the checks that are UP
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context, "full");
        return results.stream().filter(result -> result.getCheck().getId().equals(id)).findFirst();
    }

    @Test
    void a401MakesThatWriteKeyDownAndLeavesAnotherUp() {
        segmentAnswers(WRITE_KEY, 401);
        segmentAnswers(OTHER_KEY, 200);

        assertThat(track("", WRITE_KEY).getException()).isInstanceOf(SegmentHttpException.class);
        assertThat(track("", OTHER_KEY).getException()).isNull();
        int requestsBefore = requests().size();

        HealthCheck.Result refused = result(REFUSED_ID).orElseThrow();
        assertThat(refused.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(refused.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("401").contains("xxxxxx_123").doesNotContain(WRITE_KEY));
        assertThat(refused.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401)
                .doesNotContainValue(WRITE_KEY);
        assertThat(refused.getCheck().isReadiness()).isTrue();
        assertThat(refused.getCheck().isLiveness()).isFalse();
        assertThat(result(OTHER_ID).orElseThrow().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(requests()).as("a health check sends nothing").hasSize(requestsBefore);
    }

    @Test
    void aWriteKeyIsUpAgainAfterSegmentAcceptsIt() {
        segmentAnswers(WRITE_KEY, 403);
        track("", WRITE_KEY);
        assertThat(result(REFUSED_ID).orElseThrow().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result(REFUSED_ID).orElseThrow().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("403"));

        segmentAnswers(WRITE_KEY, 200);
        assertThat(track("", WRITE_KEY).getException()).isNull();

        assertThat(result(REFUSED_ID).orElseThrow().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aServerErrorSaysNothingAboutTheKey() {
        segmentAnswers(WRITE_KEY, 401);
        track("", WRITE_KEY);
        segmentAnswers(WRITE_KEY, 503);

        track("", WRITE_KEY);

        assertThat(result(REFUSED_ID).orElseThrow().getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void batchedDeliveryReportsARefusedKeyToo() {
        segmentAnswers(WRITE_KEY, 401);

        Exchange exchange = track("&deliveryMode=batched&flushCount=1", WRITE_KEY);

        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        assertThat(result(REFUSED_ID).orElseThrow().getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void healthCheckProducerEnabledFalseTurnsTheChecksOff() {
        context.getComponent("segment", SegmentComponent.class).setHealthCheckProducerEnabled(false);
        segmentAnswers(WRITE_KEY, 401);

        track("", WRITE_KEY);

        // as Camel's own checks answer when switched off: never DOWN
        HealthCheck.Result disabled = result(REFUSED_ID).orElseThrow();
        assertThat(disabled.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(disabled.getMessage()).contains("Disabled");
        assertThat(disabled.getCheck().isEnabled()).isFalse();
    }

    @Test
    void theChecksLeaveTheRegistryWithTheComponent() {
        segmentAnswers(WRITE_KEY, 200);
        track("", WRITE_KEY);
        assertThat(HealthCheckHelper.getHealthCheck(context, REFUSED_ID)).isNotNull();

        context.stop();

        assertThat(HealthCheckHelper.getHealthCheck(context, REFUSED_ID)).isNull();
    }
}
