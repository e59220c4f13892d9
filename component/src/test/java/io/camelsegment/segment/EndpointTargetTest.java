package io.camelsegment.segment;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** Where requests go: the region's hosts, the overrides, and ids that cannot steer a path elsewhere. */
class EndpointTargetTest extends SegmentTestSupport {

    private final RecordingConfigurer stopped = new RecordingConfigurer(true);
    private final RecordingConfigurer recorder = new RecordingConfigurer(false);

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("stopped", stopped);
        registry.bind("recorder", recorder);
    }

    @ParameterizedTest(name = "region={0} sends tracking calls to {1}")
    @CsvSource({ "us,https://api.segment.io/v1/track", "eu,https://events.eu1.segmentapis.com/v1/track" })
    void theRegionPicksTheTrackingHost(String region, String uri) {
        send("segment:track?writeKey=k&userId=u&event=E&maxRetries=0&httpClientConfigurer=#stopped&region=" + region, null);

        assertThat(stopped.uris).containsExactly(uri);
    }

    @ParameterizedTest(name = "region={0} sends Public API calls to {1}")
    @CsvSource({ "us,https://api.segmentapis.com/destinations/d-1", "eu,https://eu1.api.segmentapis.com/destinations/d-1" })
    void theRegionPicksThePublicApiHost(String region, String uri) {
        send("segment:getDestination?token=t&destinationId=d-1&maxRetries=0&httpClientConfigurer=#stopped&region=" + region,
                null);

        assertThat(stopped.uris).containsExactly(uri);
    }

    @Test
    void theRegionCanBeSetOnceOnTheComponent() {
        context.getComponent("segment", SegmentComponent.class).getConfiguration().setRegion(SegmentRegion.EU);

        send("segment:track?writeKey=k&userId=u&event=E&maxRetries=0&httpClientConfigurer=#stopped", null);

        assertThat(stopped.uris).containsExactly("https://events.eu1.segmentapis.com/v1/track");
    }

    @ParameterizedTest(name = "sourceId {0} is sent as the single path segment {1}")
    @CsvSource({ "../x,%2E%2E%2Fx", "a/b,a%2Fb", "%2F,%252F", "..,%2E%2E", "a b?c#d,a%20b%3Fc%23d" })
    void idsArePercentEncodedAsOnePathSegment(String sourceId, String segment) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));

        send(publicApi("listSchemaSettingsInSource", "httpClientConfigurer=#recorder"), null,
                Map.of(SegmentConstants.SOURCE_ID, sourceId));

        assertThat(recorder.uris).containsExactly(apiUrl() + "/sources/" + segment + "/settings");
        assertThat(onlyRequest().getUrl()).isEqualTo("/sources/" + segment + "/settings");
    }

    @Test
    void aWriteKeyToRemoveIsPercentEncodedToo() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\":{}}")));

        send(publicApi("removeWriteKeyFromSource", "sourceId=s&httpClientConfigurer=#recorder"), null,
                Map.of(SegmentConstants.WRITE_KEY_TO_REMOVE, "k/../../x"));

        assertThat(recorder.uris).containsExactly(apiUrl() + "/sources/s/writekey/k%2F%2E%2E%2F%2E%2E%2Fx");
    }

    @ParameterizedTest(name = "{0}={1} is refused when the endpoint is created")
    @CsvSource({ "trackingUrl,127.0.0.1:8089/v1", "apiUrl,ftp://example.com", "apiUrl,http://" })
    void aBaseUrlThatIsNotHttpIsRefusedWhenTheEndpointIsCreated(String option, String url) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint("segment:track?" + option + "=" + url))
                .isInstanceOf(org.apache.camel.ResolveEndpointFailedException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessage(option + " must be an http or https URL but was '" + url + "'");
    }

    @ParameterizedTest(name = "{0}={1} is refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "trackingUrl|http://127.0.0.1:8089/v1?region=eu|must not have a query (?...): each request adds its own path and query but was 'http://127.0.0.1:8089/v1?region=eu'",
            "apiUrl|https://proxy.example.com#segment|must not have a fragment (#...) but was 'https://proxy.example.com#segment'",
            "apiUrl|https://admin:hunter2@proxy.example.com|must not hold user information (user:password@): credentials are the writeKey and token options" })
    void aBaseUrlThatWouldSendRequestsElsewhereIsRefusedWhenTheEndpointIsCreated(String option, String url, String problem) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> context.getEndpoint("segment:track?" + option + "=RAW(" + url + ")"))
                .isInstanceOf(org.apache.camel.ResolveEndpointFailedException.class)
                .rootCause().hasMessage(option + " " + problem);
    }

    @Test
    void aBaseUrlWithAPasswordSetOnTheComponentIsRefusedWithoutRepeatingIt() {
        context.getComponent("segment", SegmentComponent.class).getConfiguration()
                .setTrackingUrl("https://admin:hunter2@proxy.example.com/v1");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint("segment:track"))
                .rootCause().hasMessageStartingWith("trackingUrl must not hold user information")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsTolerated() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Exchange exchange = send("segment:track?writeKey=k&userId=u&event=E&trackingUrl=" + trackingUrl() + "/", null);

        assertThat(exchange.getException()).isNull();
        assertThat(onlyRequest().getUrl()).isEqualTo("/v1/track");
    }
}
