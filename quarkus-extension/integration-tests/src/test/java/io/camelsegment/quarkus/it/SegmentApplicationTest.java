package io.camelsegment.quarkus.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The application's REST endpoints call {@code segment:} routes; nothing names Segment's address or credentials, so
 * Dev Services run the emulator and every assertion reads what the emulator recorded. These behaviours, one of each
 * kind (configuration, every tracking operation, validation, each delivery mode, the Public API and its pagination),
 * are checked in JVM mode ({@link SegmentTest}) and again on the packaged application ({@link SegmentIT}).
 */
abstract class SegmentApplicationTest {

    static final String BACKEND_SOURCE = "srcDemoJavaServer00002";

    @Test
    void devServicesPointTheComponentAtTheEmulatorWithItsCredentials() {
        RestAssured.get("/segment/component").then().statusCode(200)
                .body("trackingUrl", startsWith("http://127.0.0.1:"))
                .body("trackingUrl", containsString("/v1"))
                .body("apiUrl", startsWith("http://127.0.0.1:"))
                .body("writeKeySet", equalTo(true))
                .body("tokenSet", equalTo(true));
    }

    @Test
    void componentOptionsComeFromApplicationProperties() {
        RestAssured.get("/segment/component").then().statusCode(200)
                .body("maxRetries", equalTo(2))
                .body("retryInitialDelay", equalTo(200));
    }

    @Test
    void theComponentUsesTheQuarkusObjectMapper() {
        RestAssured.get("/segment/component").then().statusCode(200).body("quarkusObjectMapper", equalTo(true));
    }

    @Test
    void everyTrackingOperationIsRecordedByTheEmulator() {
        String user = "user-" + UUID.randomUUID();
        post("identify", Map.of("userId", user, "traits", Map.of("plan", "pro")));
        post("track", Map.of("userId", user, "event", "Order Completed", "properties", Map.of("total", 42)));
        post("page", Map.of("userId", user, "name", "Checkout"));
        post("screen", Map.of("userId", user, "name", "Cart"));
        post("group", Map.of("userId", user, "groupId", "acme"));
        post("alias", Map.of("userId", user, "previousId", "anon-" + user));
        post("batch", List.of(Map.of("type", "track", "userId", user, "event", "Batched")));
        post("import", List.of(Map.of("type", "track", "userId", user, "event", "Imported",
                "timestamp", "2026-01-02T03:04:05Z")));

        List<Map<String, Object>> events = Emulator.ofApplication().events(user);
        assertThat(events).extracting(event -> event.get("type") + " " + event.get("endpoint")).containsExactlyInAnyOrder(
                "identify /v1/identify", "track /v1/track", "page /v1/page", "screen /v1/screen", "group /v1/group",
                "alias /v1/alias", "track /v1/batch", "track /v1/import");
        assertThat(events).allSatisfy(event -> assertThat(event.get("accepted")).isEqualTo(true));
        assertThat(events).extracting(event -> event.get("event")).contains("Order Completed", "Batched", "Imported");
    }

    @Test
    void anInvalidMessageIsABadRequestAndNothingIsSent() {
        String user = "user-" + UUID.randomUUID();
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("userId", user))
                .post("/segment/tracking/track").then()
                .statusCode(400)
                .body("error", equalTo("SegmentValidationException"))
                .body("message", containsString("event"));

        assertThat(Emulator.ofApplication().events(user)).isEmpty();
    }

    @Test
    void batchedDeliverySendsTheMessagesInOneBatch() {
        String user = "user-" + UUID.randomUUID();
        List<Map<String, Object>> messages = List.of(
                Map.of("userId", user, "event", "First"),
                Map.of("userId", user, "event", "Second"),
                Map.of("userId", user, "event", "Third"));

        RestAssured.given().contentType(ContentType.JSON).body(messages).post("/segment/batched").then()
                .statusCode(200)
                .body("", hasSize(3))
                .body("batchSize", equalTo(List.of(3, 3, 3)))
                .body("status", equalTo(List.of(200, 200, 200)));

        List<Map<String, Object>> events = Emulator.ofApplication().events(user);
        assertThat(events).extracting(event -> event.get("event")).containsExactlyInAnyOrder("First", "Second", "Third");
        assertThat(events).extracting(event -> event.get("endpoint")).containsOnly("/v1/batch");
    }

    @Test
    void aBackgroundEventIsAnsweredOnceQueuedAndReachesSegment() {
        String user = "user-" + UUID.randomUUID();
        String messageId = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("userId", user, "event", "Queued")).post("/segment/background").then()
                .statusCode(200)
                .body("messageId", notNullValue())
                .body("status", nullValue()) // no answer from Segment yet: only queued
                .extract().path("messageId");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(Emulator.ofApplication().events(user))
                .singleElement().satisfies(event -> {
                    assertThat(event.get("messageId")).isEqualTo(messageId);
                    assertThat(event.get("endpoint")).isEqualTo("/v1/batch");
                    assertThat(event.get("accepted")).isEqualTo(true);
                }));
        assertThat(failedEvents(user)).isEmpty();
    }

    @Test
    void schemaSettingsOfASourceAreRead() {
        RestAssured.get("/segment/sources/" + BACKEND_SOURCE + "/settings").then()
                .statusCode(200)
                .body("sourceId", equalTo(BACKEND_SOURCE))
                .body("settings.track", notNullValue());
    }

    @Test
    void usageIsReadPageByPage() {
        Map<String, Object> first = RestAssured.given().queryParam("period", "2026-05-01").queryParam("pageSize", 50)
                .get("/segment/usage").then().statusCode(200)
                .body("data.dailyPerSourceAPICallsUsage", hasSize(50))
                .body("nextCursor", notNullValue())
                .extract().jsonPath().getMap("");
        int total = ((Number) first.get("totalEntries")).intValue();
        assertThat(total).isGreaterThan(50).isLessThanOrEqualTo(100);

        RestAssured.given().queryParam("period", "2026-05-01").queryParam("pageSize", 50)
                .queryParam("cursor", first.get("nextCursor"))
                .get("/segment/usage").then().statusCode(200)
                .body("data.dailyPerSourceAPICallsUsage", hasSize(total - 50))
                .body("data.dailyPerSourceAPICallsUsage[0].sourceId", notNullValue())
                .body("nextCursor", nullValue());
    }

    static List<Map<String, Object>> failedEvents(String user) {
        return RestAssured.given().queryParam("userId", user).get("/segment/background/failed").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    static io.restassured.response.ExtractableResponse<io.restassured.response.Response> post(String operation,
            Object message) {
        return RestAssured.given().contentType(ContentType.JSON).body(message)
                .post("/segment/tracking/" + operation).then()
                .statusCode(200)
                .body("status", equalTo(200))
                .body("attempts", equalTo(1))
                .extract();
    }
}
