package io.camelsegment.segment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.camelsegment.emulator.DropReason;
import io.camelsegment.emulator.Label;
import io.camelsegment.emulator.PublicApiRequest;
import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.Source;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.emulator.TrackingRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_METADATA_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_MOBILE_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SECOND_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SERVER_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SERVER_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_TOKEN;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WAREHOUSE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole flows against the Segment emulator: what the component sends is what a Segment look-alike records as
 * accepted, dropped, retried or changed in the workspace.
 */
class EmulatorFlowTest extends CamelTestSupport {

    /**
     * One emulator for the class. As a static field it is registered before CamelTestSupport's own (instance)
     * extensions, so it is running when the routes are built and is reset before each test's Camel context starts;
     * {@link #eachTestStartsOnACleanEmulator} checks that.
     */
    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT
            = new SegmentEmulatorExtension(SegmentEmulator.builder().expectedToken(DEMO_TOKEN));

    private static final String FAST_RETRIES = "&retryInitialDelay=10&retryMaxDelay=50";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:signup")
                        .to(tracking("identify", DEMO_SERVER_WRITE_KEY, "bodyMode=payload"))
                        .setHeader("identifyMessageId", header(SegmentConstants.MESSAGE_ID))
                        .to(tracking("track", DEMO_SERVER_WRITE_KEY, "event=Signed Up"));
            }
        };
    }

    @BeforeEach
    void eachTestStartsOnACleanEmulator() {
        SegmentEmulator emulator = SEGMENT.emulator();
        assertThat(emulator.events()).isEmpty();
        assertThat(emulator.trackingRequests()).isEmpty();
        assertThat(emulator.publicApiRequests()).isEmpty();
        assertThat(emulator.source(DEMO_MOBILE_SOURCE_ID)).isPresent();
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().writeKeys()).contains(DEMO_SECOND_WRITE_KEY);
    }

    private static String tracking(String operation, String writeKey, String options) {
        return "segment:" + operation + "?writeKey=RAW(" + writeKey + ")&trackingUrl=" + SEGMENT.trackingUrl()
               + FAST_RETRIES + (options.isEmpty() ? "" : "&" + options);
    }

    private static String publicApi(String operation, String options) {
        return publicApi(operation, DEMO_TOKEN, options);
    }

    private static String publicApi(String operation, String token, String options) {
        return "segment:" + operation + "?token=RAW(" + token + ")&apiUrl=" + SEGMENT.apiUrl() + FAST_RETRIES
               + (options.isEmpty() ? "" : "&" + options);
    }

    private Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().getHeaders().putAll(headers);
        });
    }

    private static Exchange succeeded(Exchange exchange) {
        assertThat(exchange.getException()).as("exchange exception").isNull();
        return exchange;
    }

    private static SegmentHttpException httpFailure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        return (SegmentHttpException) exchange.getException();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    // Tracking API

    @Test
    void identifyThenTrackThroughARouteAreAcceptedWithTheComponentsMessageIdsAndLibrary(SegmentEmulator emulator) {
        Exchange exchange = succeeded(template.request("direct:signup", e -> {
            e.getIn().setBody(Map.of("email", "ann@example.com", "plan", "pro"));
            e.getIn().setHeader(SegmentConstants.USER_ID, "user-42");
        }));

        List<TrackedEvent> accepted = emulator.acceptedEvents();
        assertThat(emulator.droppedEvents()).isEmpty();
        assertThat(accepted).extracting(TrackedEvent::type).containsExactly("identify", "track");
        assertThat(accepted).extracting(TrackedEvent::endpoint).containsExactly("/v1/identify", "/v1/track");
        assertThat(accepted).extracting(TrackedEvent::userId).containsExactly("user-42", "user-42");
        assertThat(accepted).extracting(TrackedEvent::writeKeyLast4).containsOnly("0003");
        assertThat(accepted).extracting(TrackedEvent::messageId).containsExactly(
                exchange.getMessage().getHeader("identifyMessageId", String.class),
                exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
        assertThat(accepted.get(0).messageId()).isNotEqualTo(accepted.get(1).messageId());
        assertThat(accepted.get(0).json().get("traits")).isEqualTo(Map.of("email", "ann@example.com", "plan", "pro"));
        assertThat(accepted.get(1).event()).isEqualTo("Signed Up");
        for (TrackedEvent event : accepted) {
            assertThat(map(event.json().get("context")).get("library"))
                    .isEqualTo(Map.of("name", "camel-segment", "version", SegmentLibrary.VERSION));
            assertThat(event.userAgent()).isEqualTo("camel-segment/" + SegmentLibrary.VERSION);
            assertThat(event.retryCount()).isZero();
        }
    }

    @Test
    void a429IsRetriedAndSegmentRecordsOneAcceptedEventAndTheRetryCount(SegmentEmulator emulator) {
        emulator.faults().next(1).onTracking().status(429).retryAfterSeconds(0);

        Exchange exchange = succeeded(send(tracking("track", DEMO_WRITE_KEY, "userId=u-1&event=Order Completed"), null));

        List<TrackingRequest> requests = emulator.trackingRequests();
        assertThat(requests).extracting(TrackingRequest::status).containsExactly(429, 200);
        assertThat(requests.get(0).fault()).isEqualTo("status:429");
        assertThat(requests.get(0).header("X-Retry-Count")).isNull();
        assertThat(requests.get(1).header("X-Retry-Count")).isEqualTo("1");
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(emulator.events()).hasSize(1);
        TrackedEvent event = emulator.acceptedEvents().get(0);
        assertThat(event.retryCount()).isEqualTo(1);
        assertThat(event.messageId()).isEqualTo(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void a429sRetryAfterIsWaitedOutEvenWhenTheBackoffIsShorter(SegmentEmulator emulator) {
        emulator.faults().next(1).onTracking().status(429).retryAfterSeconds(1);

        succeeded(send(tracking("track", DEMO_WRITE_KEY, "userId=u-1&event=Order Completed"), null));

        List<TrackingRequest> requests = emulator.trackingRequests();
        assertThat(requests).extracting(TrackingRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(emulator.acceptedEvents()).hasSize(1);
    }

    @Test
    void a503IsRetried(SegmentEmulator emulator) {
        emulator.faults().next(1).onTracking().status(503);

        Exchange exchange = succeeded(send(tracking("track", DEMO_WRITE_KEY, "userId=u-1&event=Order Completed"), null));

        assertThat(emulator.trackingRequests()).extracting(TrackingRequest::status).containsExactly(503, 200);
        assertThat(emulator.acceptedEvents()).extracting(TrackedEvent::messageId)
                .containsExactly(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
    }

    @Test
    void aConnectionResetIsRetried(SegmentEmulator emulator) {
        emulator.faults().next(1).onTracking().connectionReset();

        Exchange exchange = succeeded(send(tracking("track", DEMO_WRITE_KEY, "userId=u-1&event=Order Completed"), null));

        List<TrackingRequest> requests = emulator.trackingRequests();
        assertThat(requests).extracting(TrackingRequest::fault).containsExactly("connection_reset", null);
        assertThat(requests).extracting(TrackingRequest::status).containsExactly(0, 200);
        assertThat(emulator.acceptedEvents()).hasSize(1);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void anAttemptThatTimedOutButArrivedIsDeduplicatedBySegmentThroughTheSameMessageId(SegmentEmulator emulator)
            throws InterruptedException {
        emulator.faults().next(1).onTracking().delay(Duration.ofMillis(700));

        Exchange exchange = succeeded(send(tracking("track", DEMO_WRITE_KEY,
                "userId=u-1&event=Order Completed&responseTimeout=200"), null));

        Instant deadline = Instant.now().plusSeconds(5);
        while (emulator.events().size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        String messageId = exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class);
        assertThat(emulator.events()).extracting(TrackedEvent::messageId).containsExactly(messageId, messageId);
        assertThat(emulator.acceptedEvents()).hasSize(1);
        assertThat(emulator.droppedEvents()).extracting(TrackedEvent::dropReason)
                .containsExactly(DropReason.DUPLICATE_MESSAGE_ID);
    }

    @Test
    void aBatchOfMixedTypesLandsAsSeparateAcceptedEventsFromOneRequest(SegmentEmulator emulator) {
        List<Map<String, Object>> batch = List.of(
                Map.of("type", "identify", "userId", "u-1", "traits", Map.of("plan", "pro")),
                Map.of("type", "track", "userId", "u-1", "event", "Order Completed"),
                Map.of("type", "page", "anonymousId", "anon-1", "name", "Pricing"),
                Map.of("type", "screen", "userId", "u-1", "name", "Checkout"),
                Map.of("type", "group", "userId", "u-1", "groupId", "acme"),
                Map.of("type", "alias", "userId", "u-1", "previousId", "anon-1"));

        Exchange exchange = succeeded(send(tracking("batch", DEMO_WRITE_KEY, ""), batch));

        assertThat(emulator.trackingRequests()).extracting(TrackingRequest::path).containsExactly("/v1/batch");
        assertThat(emulator.droppedEvents()).isEmpty();
        List<TrackedEvent> accepted = emulator.acceptedEvents();
        assertThat(accepted).extracting(TrackedEvent::type)
                .containsExactly("identify", "track", "page", "screen", "group", "alias");
        assertThat(accepted).extracting(TrackedEvent::messageId)
                .isEqualTo(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_IDS));
        assertThat(accepted).extracting(TrackedEvent::messageId).doesNotHaveDuplicates();
        assertThat(accepted).extracting(e -> map(map(e.json().get("context")).get("library")).get("name"))
                .containsOnly("camel-segment");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT)).isEqualTo(1);
    }

    @Test
    void aBatchOver2500MessagesIsSplitSoSegmentDropsNoneOfThem(SegmentEmulator emulator) {
        List<Map<String, Object>> batch = IntStream.range(0, 2600)
                .mapToObj(i -> Map.<String, Object> of("type", "track", "userId", "u-" + i, "event", "Item Viewed"))
                .toList();

        Exchange exchange = succeeded(send(tracking("batch", DEMO_WRITE_KEY, ""), batch));

        assertThat(emulator.trackingRequests()).extracting(TrackingRequest::status).containsExactly(200, 200);
        assertThat(emulator.droppedEvents()).isEmpty();
        assertThat(emulator.acceptedEvents()).hasSize(2600);
        assertThat(emulator.acceptedEvents().get(2500).userId()).isEqualTo("u-2500");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT)).isEqualTo(2);
    }

    @Test
    void aBatchEnvelopesContextAndIntegrationsApplyToEveryItemAsSegmentMergesThem(SegmentEmulator emulator) {
        Map<String, Object> envelope = Map.of(
                "context", Map.of("app", Map.of("name", "shop")),
                "integrations", Map.of("All", false, "Amplitude", true),
                "batch", List.of(
                        Map.of("type", "track", "userId", "u-1", "event", "Order Completed"),
                        Map.of("type", "track", "userId", "u-1", "event", "Order Refunded",
                                "integrations", Map.of("Amplitude", false))));

        succeeded(send(tracking("batch", DEMO_WRITE_KEY, ""), envelope));

        List<TrackedEvent> accepted = emulator.acceptedEvents();
        assertThat(accepted).hasSize(2);
        assertThat(accepted).extracting(e -> map(e.json().get("context")).get("app"))
                .containsOnly(Map.of("name", "shop"));
        assertThat(accepted).extracting(e -> map(map(e.json().get("context")).get("library")).get("name"))
                .containsOnly("camel-segment");
        assertThat(accepted.get(0).json().get("integrations")).isEqualTo(Map.of("All", false, "Amplitude", true));
        assertThat(accepted.get(1).json().get("integrations")).isEqualTo(Map.of("All", false, "Amplitude", false));
    }

    @Test
    void anImportKeepsEachMessagesHistoricalTimestamp(SegmentEmulator emulator) {
        String body = "[{\"type\":\"track\",\"userId\":\"u-1\",\"event\":\"Order Completed\","
                      + "\"timestamp\":\"2019-03-01T10:00:00Z\"},"
                      + "{\"type\":\"identify\",\"userId\":\"u-1\",\"timestamp\":\"2019-02-01T09:00:00Z\"}]";

        succeeded(send(tracking("import", DEMO_WRITE_KEY, ""), body));

        assertThat(emulator.acceptedEvents()).extracting(TrackedEvent::endpoint).containsOnly("/v1/import");
        assertThat(emulator.acceptedEvents()).extracting(e -> e.json().get("timestamp"))
                .containsExactly("2019-03-01T10:00:00Z", "2019-02-01T09:00:00Z");
    }

    @Test
    void aContextThatIsNotAnObjectRaisesValidationExceptionAndSegmentReceivesNothing(SegmentEmulator emulator) {
        Exchange exchange = send(tracking("track", DEMO_WRITE_KEY, "userId=u-1&event=Order Completed"),
                Map.of("context", "checkout-page"));

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class)
                .hasMessageContaining("context must be an object");
        assertThat(emulator.trackingRequests()).isEmpty();
    }

    @Test
    void aTrackWithoutEventRaisesValidationExceptionAndSegmentReceivesNothing(SegmentEmulator emulator) {
        Exchange exchange = send(tracking("track", DEMO_WRITE_KEY, "userId=u-1"), Map.of("properties", Map.of("x", 1)));

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class)
                .hasMessageContaining("event is required for track");
        assertThat(emulator.trackingRequests()).isEmpty();
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void theSameTrackSentRawIsAnswered200AndDroppedAsMissingEvent(SegmentEmulator emulator) throws Exception {
        String basic = Base64.getEncoder().encodeToString((DEMO_WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        HttpRequest raw = HttpRequest.newBuilder(URI.create(emulator.trackingUrl() + "/track"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u-1\",\"properties\":{\"x\":1}}")).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(raw, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).isEmpty();
        assertThat(emulator.droppedEvents()).extracting(TrackedEvent::dropReason).containsExactly(DropReason.MISSING_EVENT);
    }

    // Public API

    @Test
    void updateSourceChangesTheSourceInTheWorkspaceAndAnswersIt(SegmentEmulator emulator) {
        Exchange exchange = succeeded(send(publicApi("updateSource", "sourceId=" + DEMO_SOURCE_ID + "&enabled=false"),
                Map.of("name", "Website (paused)", "settings", Map.of("website", "https://shop.example.com"))));

        Source source = emulator.source(DEMO_SOURCE_ID).orElseThrow();
        assertThat(source.name()).isEqualTo("Website (paused)");
        assertThat(source.enabled()).isFalse();
        assertThat(source.settings()).containsEntry("website", "https://shop.example.com");
        Map<String, Object> answered = map(exchange.getMessage().getBody(Map.class).get("source"));
        assertThat(answered).containsEntry("id", DEMO_SOURCE_ID).containsEntry("name", "Website (paused)")
                .containsEntry("enabled", false);
        assertThat(emulator.publicApiRequests()).extracting(PublicApiRequest::method).containsExactly("PATCH");
    }

    @Test
    void listSchemaSettingsInSourceReadsTheSourcesSchemaSettings(SegmentEmulator emulator) {
        Exchange exchange = succeeded(send(publicApi("listSchemaSettingsInSource", ""), null,
                Map.of(SegmentConstants.SOURCE_ID, DEMO_SERVER_SOURCE_ID)));

        Map<String, Object> data = exchange.getMessage().getBody(Map.class);
        assertThat(data).containsEntry("sourceId", DEMO_SERVER_SOURCE_ID);
        Map<String, Object> settings = map(data.get("settings"));
        assertThat(map(settings.get("track"))).containsEntry("commonEventOnViolations", "BLOCK")
                .containsEntry("allowUnplannedEvents", false);
        assertThat(settings).containsEntry("forwardingViolationsTo", DEMO_SOURCE_ID);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.RATE_LIMIT_REMAINING, String.class)).isNotBlank();
    }

    @Test
    void getDestinationReadsTheDestinationAndTheSourceItIsConnectedTo() {
        Exchange exchange = succeeded(send(publicApi("getDestination", "destinationId=" + DEMO_DESTINATION_ID), null));

        Map<String, Object> destination = map(exchange.getMessage().getBody(Map.class).get("destination"));
        assertThat(destination).containsEntry("id", DEMO_DESTINATION_ID).containsEntry("sourceId", DEMO_SOURCE_ID)
                .containsEntry("enabled", true);
        assertThat(map(destination.get("metadata"))).containsEntry("id", DEMO_DESTINATION_METADATA_ID);
    }

    @Test
    void addLabelsToSourceWithAWorkspaceLabelAnswersEveryLabelOfTheSource(SegmentEmulator emulator) {
        Exchange exchange = succeeded(send(publicApi("addLabelsToSource",
                "sourceId=" + DEMO_SOURCE_ID + "&labels=team:growth"), null));

        assertThat(list(exchange.getMessage().getBody(Map.class).get("labels")))
                .extracting(l -> l.get("key") + ":" + l.get("value")).containsExactly("environment:prod", "team:growth");
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().labels())
                .extracting(l -> l.key() + ":" + l.value()).containsExactly("environment:prod", "team:growth");
    }

    @Test
    void addLabelsToSourceWithAnUnknownLabelFailsWith422ValidationFailure(SegmentEmulator emulator) {
        SegmentHttpException e = httpFailure(send(publicApi("addLabelsToSource", "sourceId=" + DEMO_SOURCE_ID),
                List.of(Map.of("key", "cost-center", "value", "42"))));

        assertThat(e.getStatusCode()).isEqualTo(422);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getErrors().get(0).type()).isEqualTo("ValidationFailure");
        assertThat(e.getErrors().get(0).message()).contains("cost-center:42");
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().labels()).extracting(Label::key)
                .containsExactly("environment");
    }

    @Test
    void removeWriteKeyFromSourceRemovesTheKeyFromTheSource(SegmentEmulator emulator) {
        Exchange exchange = succeeded(send(publicApi("removeWriteKeyFromSource", "sourceId=" + DEMO_SOURCE_ID), null,
                Map.of(SegmentConstants.WRITE_KEY_TO_REMOVE, DEMO_SECOND_WRITE_KEY)));

        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("status", "SUCCESS"));
        assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().writeKeys()).containsExactly(DEMO_WRITE_KEY);
        assertThat(emulator.publicApiRequests().get(0).header("Accept")).isEqualTo("application/vnd.segment.v1alpha+json");
    }

    @Test
    void listConnectedWarehousesFromSourceFollowsPagesOfOneUntilAllThreeAreRead(SegmentEmulator emulator) {
        Exchange exchange = succeeded(send(publicApi("listConnectedWarehousesFromSource",
                "sourceId=" + DEMO_SOURCE_ID + "&pageSize=1&followPages=true"), null));

        assertThat(list(exchange.getMessage().getBody(Map.class).get("warehouses"))).extracting(w -> w.get("id"))
                .containsExactly(DEMO_WAREHOUSE_ID, "whDemoRedshift00000002", "whDemoBigQuery00000003");
        assertThat(emulator.publicApiRequests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.query()).contains("pagination.count=1"));
        assertThat(emulator.publicApiRequests().get(0).query()).doesNotContain("pagination.cursor");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT)).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.TOTAL_ENTRIES)).isEqualTo(3L);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(SegmentConstants.NEXT_CURSOR);
    }

    @Test
    void listConnectedWarehousesFromSourceReadsOnePageAndHandsBackTheNextCursor(SegmentEmulator emulator) {
        String uri = publicApi("listConnectedWarehousesFromSource", "sourceId=" + DEMO_SOURCE_ID + "&pageSize=2");
        Exchange first = succeeded(send(uri, null));
        String next = first.getMessage().getHeader(SegmentConstants.NEXT_CURSOR, String.class);

        Exchange second = succeeded(send(uri, null, Map.of(SegmentConstants.CURSOR, next)));

        assertThat(list(first.getMessage().getBody(Map.class).get("warehouses"))).hasSize(2);
        assertThat(list(second.getMessage().getBody(Map.class).get("warehouses"))).extracting(w -> w.get("id"))
                .containsExactly("whDemoBigQuery00000003");
        assertThat(second.getMessage().getHeaders()).doesNotContainKey(SegmentConstants.NEXT_CURSOR);
        assertThat(emulator.publicApiRequests()).hasSize(2);
    }

    @Test
    void listDeliveryMetricsSummaryFromDestinationAsksForTheBetaVersion(SegmentEmulator emulator) {
        // Segment refuses HOUR windows starting more than 7 days ago, so the window is a recent one.
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Exchange exchange = succeeded(send(publicApi("listDeliveryMetricsSummaryFromDestination",
                "destinationId=" + DEMO_DESTINATION_ID + "&sourceId=" + DEMO_SOURCE_ID
                                                                + "&startTime=" + end.minus(4, ChronoUnit.HOURS) + "&endTime=" + end
                                                                + "&granularity=HOUR"),
                null));

        Map<String, Object> summary = map(exchange.getMessage().getBody(Map.class).get("deliveryMetricsSummary"));
        assertThat(summary).containsEntry("sourceId", DEMO_SOURCE_ID)
                .containsEntry("destinationMetadataId", DEMO_DESTINATION_METADATA_ID);
        assertThat(list(summary.get("metrics"))).extracting(m -> m.get("metricName")).contains("successes", "discarded");
        assertThat(emulator.publicApiRequests().get(0).header("Accept")).isEqualTo("application/vnd.segment.v1beta+json");
    }

    @Test
    void getDailyPerSourceApiCallsUsageFollowsEveryPageOfTheMonth(SegmentEmulator emulator) {
        Exchange exchange = succeeded(send(publicApi("getDailyPerSourceApiCallsUsage",
                "period=2024-05-01&pageSize=40&followPages=true"), null));

        List<Map<String, Object>> usage = list(exchange.getMessage().getBody(Map.class).get("dailyPerSourceAPICallsUsage"));
        // 31 days of May for each of the 3 seeded sources
        assertThat(usage).hasSize(93);
        assertThat(usage).extracting(u -> u.get("sourceId")).containsOnly(DEMO_SOURCE_ID, DEMO_SERVER_SOURCE_ID,
                DEMO_MOBILE_SOURCE_ID);
        assertThat(usage.get(0)).containsEntry("timestamp", "2024-05-01T00:00:00.000Z");
        assertThat(usage.get(92)).containsEntry("timestamp", "2024-05-31T00:00:00.000Z");
        assertThat(emulator.publicApiRequests()).hasSize(3);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT)).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.TOTAL_ENTRIES)).isEqualTo(93L);
    }

    @Test
    void aDeletedSourceIsGoneAndReadingItFailsWith404(SegmentEmulator emulator) {
        Exchange deleted = succeeded(send(publicApi("deleteSource", "sourceId=" + DEMO_MOBILE_SOURCE_ID), null));

        SegmentHttpException e = httpFailure(send(publicApi("listSchemaSettingsInSource",
                "sourceId=" + DEMO_MOBILE_SOURCE_ID), null));

        assertThat(deleted.getMessage().getBody()).isEqualTo(Map.of("status", "SUCCESS"));
        assertThat(emulator.source(DEMO_MOBILE_SOURCE_ID)).isEmpty();
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getErrors().get(0).type()).isEqualTo("NotFound");
    }

    @Test
    void aTokenTheWorkspaceDoesNotKnowFailsWith401(SegmentEmulator emulator) {
        SegmentHttpException e = httpFailure(send(publicApi("getDestination", "sgp_not_this_workspace",
                "destinationId=" + DEMO_DESTINATION_ID), null));

        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getErrors().get(0).type()).isEqualTo("Unauthorized");
        assertThat(e.getMessage()).doesNotContain("sgp_not_this_workspace");
        assertThat(emulator.publicApiRequests()).extracting(PublicApiRequest::status).containsExactly(401);
    }

    @Test
    void aPublicApi429IsRetriedAfterSegmentsWait(SegmentEmulator emulator) {
        emulator.faults().next(1).onPublicApi().status(429).retryAfterSeconds(0);

        Exchange exchange = succeeded(send(publicApi("getDestination", "destinationId=" + DEMO_DESTINATION_ID), null));

        assertThat(emulator.publicApiRequests()).extracting(PublicApiRequest::status).containsExactly(429, 200);
        assertThat(emulator.publicApiRequests().get(1).header("X-Retry-Count")).isEqualTo("1");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(map(exchange.getMessage().getBody(Map.class).get("destination"))).containsEntry("id", DEMO_DESTINATION_ID);
    }
}
