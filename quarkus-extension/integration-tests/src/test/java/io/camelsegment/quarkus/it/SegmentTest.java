package io.camelsegment.quarkus.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The application in JVM mode: the behaviours of {@link SegmentApplicationTest}, and these, which the packaged
 * application would only repeat (more answers of the same endpoints, a failure route that waits for a refusal).
 */
@QuarkusTest
class SegmentTest extends SegmentApplicationTest {

    @Test
    void theAnswerCarriesTheMessageIdTheEmulatorRecorded() {
        String user = "user-" + UUID.randomUUID();
        String messageId = post("track", Map.of("userId", user, "event", "Signed Up")).path("messageId");

        assertThat(Emulator.ofApplication().events(user)).singleElement()
                .satisfies(event -> assertThat(event.get("messageId")).isEqualTo(messageId));
    }

    @Test
    void aBackgroundEventSegmentRefusesReachesTheFailureRouteWithItsMessageId() {
        String user = "user-" + UUID.randomUUID();
        String messageId = RestAssured.given().contentType(ContentType.JSON).queryParam("refused", true)
                .body(Map.of("userId", user, "event", "Refused")).post("/segment/background").then()
                .statusCode(200)
                .extract().path("messageId");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(failedEvents(user)).singleElement()
                .satisfies(failed -> {
                    assertThat(failed.get("messageId")).isEqualTo(messageId);
                    assertThat(failed.get("failure")).isEqualTo("SegmentHttpException");
                    assertThat(failed.get("segmentStatus")).isEqualTo(404);
                    assertThat((String) failed.get("json")).contains("\"event\":\"Refused\"");
                }));
        assertThat(Emulator.ofApplication().events(user)).isEmpty();
        assertThat(Emulator.ofApplication().trackingRequests())
                .anySatisfy(request -> {
                    assertThat(request.get("path")).isEqualTo("/v1/refused/batch");
                    assertThat(request.get("status")).isEqualTo(404);
                    assertThat((String) request.get("body")).contains(messageId);
                });
    }

    @Test
    void labelsAreAddedToASource() {
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("labels", List.of(Map.of("key", "team", "value", "growth"))))
                .post("/segment/sources/" + BACKEND_SOURCE + "/labels").then()
                .statusCode(200)
                .body("labels.findAll { it.key == 'team' }.value", hasItem("growth"))
                .body("labels.findAll { it.key == 'environment' }.value", hasItem("prod"));
    }

    @Test
    void anUnknownSourceIsSegmentsNotFound() {
        RestAssured.get("/segment/sources/srcNoSuchSource/settings").then()
                .statusCode(502)
                .body("error", equalTo("SegmentHttpException"))
                .body("segmentStatus", equalTo(404));
    }
}
