package io.camelsegment.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class TrackingOperationsTest extends SegmentTestSupport {

    private static final String BASIC = "Basic "
                                        + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void segmentAcceptsEverything() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    @Test
    void identifyPostsTraitsWithTheWriteKeyAsBasicUser() throws Exception {
        Exchange exchange = send(tracking("identify", "userId=u-1"), Map.of("traits", Map.of("email", "ann@example.com")));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/v1/identify");
        assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        Map<String, Object> body = json(request);
        assertThat(body).containsEntry("type", "identify").containsEntry("userId", "u-1")
                .containsEntry("traits", Map.of("email", "ann@example.com"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID)).isEqualTo(body.get("messageId"));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.HTTP_STATUS)).isEqualTo(200);
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(1);
    }

    @Test
    void trackSendsEverythingSegmentExpects() throws Exception {
        Exchange exchange = send(tracking("track", "event=Order Completed"),
                Map.of("userId", "u-1", "properties", Map.of("revenue", 42.5)));

        Map<String, Object> body = json(onlyRequest());
        assertThat(onlyRequest().getUrl()).isEqualTo("/v1/track");
        assertThat(body).containsEntry("type", "track").containsEntry("event", "Order Completed")
                .containsEntry("userId", "u-1").containsEntry("properties", Map.of("revenue", 42.5));
        assertThat((String) body.get("messageId")).isNotBlank();
        assertThat(OffsetDateTime.parse((String) body.get("timestamp"))).isNotNull();
        assertThat(body.get("context")).isEqualTo(Map.of("library",
                Map.of("name", "camel-segment", "version", SegmentLibrary.VERSION)));
        assertThat(SegmentLibrary.VERSION).isEqualTo("1.0.0-SNAPSHOT");
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("userId", "u-1", "properties", Map.of("revenue", 42.5)));
    }

    @Test
    void pageTakesItsNameFromTheOption() throws Exception {
        send(tracking("page", "name=Pricing&anonymousId=anon-7"), Map.of("properties", Map.of("path", "/pricing")));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/page");
        assertThat(json(request)).containsEntry("type", "page").containsEntry("name", "Pricing")
                .containsEntry("anonymousId", "anon-7").containsEntry("properties", Map.of("path", "/pricing"));
    }

    @Test
    void screenTakesItsNameFromTheHeader() throws Exception {
        send(tracking("screen", "userId=u-1"), null, Map.of(SegmentConstants.NAME, "Checkout"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/screen");
        assertThat(json(request)).containsEntry("type", "screen").containsEntry("name", "Checkout")
                .containsEntry("userId", "u-1");
    }

    @Test
    void groupSendsGroupIdAndTraitsFromAPayloadBody() throws Exception {
        send(tracking("group", "userId=u-1&groupId=acme&bodyMode=payload"), Map.of("plan", "enterprise"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/group");
        assertThat(json(request)).containsEntry("type", "group").containsEntry("groupId", "acme")
                .containsEntry("traits", Map.of("plan", "enterprise"));
    }

    @Test
    void aliasSendsPreviousIdAndUserId() throws Exception {
        send(tracking("alias", ""), "{\"previousId\":\"anon-7\",\"userId\":\"u-1\"}");

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/alias");
        assertThat(json(request)).containsEntry("type", "alias").containsEntry("previousId", "anon-7")
                .containsEntry("userId", "u-1");
    }

    @Test
    void batchSendsTheListInOneEnvelopeWithAMessageIdPerItem() throws Exception {
        List<Map<String, Object>> messages = List.of(
                Map.of("type", "identify", "userId", "u-1", "traits", Map.of("name", "Ann")),
                Map.of("type", "track", "userId", "u-1", "event", "Signed Up", "messageId", "mine-1"));

        Exchange exchange = send(tracking("batch", ""), messages);

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/batch");
        assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
        Map<String, Object> body = json(request);
        assertThat(OffsetDateTime.parse((String) body.get("sentAt"))).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> batch = (List<Map<String, Object>>) body.get("batch");
        assertThat(batch).extracting(m -> m.get("type")).containsExactly("identify", "track");
        assertThat(batch.get(1)).containsEntry("messageId", "mine-1").containsEntry("event", "Signed Up");
        assertThat(batch.get(0).get("context")).isEqualTo(Map.of("library",
                Map.of("name", "camel-segment", "version", SegmentLibrary.VERSION)));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_IDS))
                .isEqualTo(List.of(batch.get(0).get("messageId"), "mine-1"));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT)).isEqualTo(1);
    }

    @Test
    void importPostsHistoricalMessagesToTheImportPathKeepingTheirTimestamps() throws Exception {
        String messages = "{\"batch\":[{\"type\":\"track\",\"userId\":\"u-1\",\"event\":\"Order Completed\","
                          + "\"timestamp\":\"2019-03-01T10:00:00Z\"}]}";

        send(tracking("import", ""), messages.getBytes(StandardCharsets.UTF_8));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/import");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> batch = (List<Map<String, Object>>) json(request).get("batch");
        assertThat(batch.get(0)).containsEntry("timestamp", "2019-03-01T10:00:00Z").containsEntry("event", "Order Completed");
    }

    @Test
    void aCallersMessageIdTimestampAndLibraryAreKept() throws Exception {
        Map<String, Object> message = Map.of("userId", "u-1", "event", "Viewed", "messageId", "m-42",
                "timestamp", "2024-05-01T12:00:00+02:00", "context", Map.of("library", Map.of("name", "mine")));

        Exchange exchange = send(tracking("track", ""), message);

        assertThat(json(onlyRequest())).containsEntry("messageId", "m-42")
                .containsEntry("timestamp", "2024-05-01T12:00:00+02:00")
                .containsEntry("context", Map.of("library", Map.of("name", "mine")));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID)).isEqualTo("m-42");
    }

    @Test
    void headersOverrideOptionsButNotTheBody() throws Exception {
        send(tracking("track", "event=FromOption&userId=option-user"), Map.of("userId", "body-user"),
                Map.of(SegmentConstants.EVENT, "FromHeader", SegmentConstants.USER_ID, "header-user"));

        assertThat(json(onlyRequest())).containsEntry("event", "FromHeader").containsEntry("userId", "body-user");
    }

    @Test
    void theOperationHeaderRoutesTheMessageToAnotherOperation() throws Exception {
        send(tracking("track", "userId=u-1"), Map.of("traits", Map.of("plan", "pro")),
                Map.of(SegmentConstants.OPERATION, "identify"));

        assertThat(onlyRequest().getUrl()).isEqualTo("/v1/identify");
        assertThat(json(onlyRequest())).containsEntry("type", "identify");
    }

    @Test
    void aPojoBodyIsWrittenByJackson() throws Exception {
        send(tracking("track", "bodyMode=payload&userId=u-1&event=Order Completed"), new Order("o-1", 19.99));

        assertThat(json(onlyRequest())).containsEntry("properties", Map.of("orderId", "o-1", "total", 19.99));
    }

    @Test
    void javaTimeValuesAreWrittenAsIso8601() throws Exception {
        send(tracking("track", "userId=u-1&event=Shipped&bodyMode=payload"),
                Map.of("shippedAt", java.time.Instant.parse("2024-05-01T12:00:00Z")));

        assertThat(json(onlyRequest())).containsEntry("properties", Map.of("shippedAt", "2024-05-01T12:00:00Z"));
    }

    @Test
    void aTimestampHeaderMayBeAJavaDateTime() {
        send(tracking("track", "userId=u-1&event=Shipped"), null,
                Map.of(SegmentConstants.TIMESTAMP, java.time.OffsetDateTime.parse("2024-05-01T12:00:00+02:00")));

        assertThat(json(onlyRequest())).containsEntry("timestamp", "2024-05-01T12:00:00+02:00");
    }

    @Test
    void aStreamBodyIsSentAndStillThereAfterwards() throws Exception {
        byte[] json = "{\"userId\":\"u-1\",\"event\":\"Viewed\"}".getBytes(StandardCharsets.UTF_8);

        Exchange exchange = send(tracking("track", ""), new java.io.ByteArrayInputStream(json));

        assertThat(json(onlyRequest())).containsEntry("event", "Viewed");
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(new String(json, StandardCharsets.UTF_8));
    }

    public record Order(String orderId, double total) {
    }

    @Test
    void aMutableMapBodyIsLeftAsTheCallerGaveIt() {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("userId", "u-1", "properties",
                new java.util.HashMap<>(Map.of("revenue", 42.5))));

        send(tracking("track", "event=E"), body);
        send(tracking("track", "event=E"), body);

        assertThat(body).isEqualTo(Map.of("userId", "u-1", "properties", Map.of("revenue", 42.5)));
        assertThat(requests()).hasSize(2).allSatisfy(request -> assertThat(json(request)).containsEntry("type", "track"));
    }

    @Test
    void aCallersContextGetsTheLibraryOnlyInTheMessageSent() {
        Map<String, Object> context = new LinkedHashMap<>(Map.of("ip", "203.0.113.42"));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("userId", "u-1", "context", context));

        send(tracking("track", "event=E"), body);

        assertThat(json(onlyRequest()).get("context")).isEqualTo(Map.of("ip", "203.0.113.42", "library",
                Map.of("name", "camel-segment", "version", SegmentLibrary.VERSION)));
        assertThat(context).isEqualTo(Map.of("ip", "203.0.113.42"));
        assertThat(body).containsOnlyKeys("userId", "context");
    }

    @Test
    void anApplicationsObjectMapperWritesEveryValueOfTheMessage() {
        context.getRegistry().bind("upperCaseText", new ObjectMapper().registerModule(
                new SimpleModule().addSerializer(String.class, new StdSerializer<>(String.class) {
                    @Override
                    public void serialize(String value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        generator.writeString(value.toUpperCase(Locale.ROOT));
                    }
                })));

        send(tracking("track", "event=Order Completed&objectMapper=#upperCaseText"),
                Map.of("userId", "u-1", "properties", Map.of("currency", "usd")));

        assertThat(json(onlyRequest())).containsEntry("event", "ORDER COMPLETED").containsEntry("userId", "U-1")
                .containsEntry("properties", Map.of("currency", "USD"));
    }
}
