package io.camelsegment.example.quarkus;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The packaged example, started with {@code java -jar} on Dev Services' emulator: its webhooks answer, and the emulator
 * records the events they sent.
 */
@QuarkusIntegrationTest
class ShopIT {

    /** The build sets the emulator's port (quarkus.camel.segment.devservices.port) for Dev Services and this test. */
    private static final String EMULATOR = "http://127.0.0.1:" + System.getProperty("quarkus.camel.segment.devservices.port");

    @Test
    void anOrderWebhookIsTrackedAsOrderCompleted() {
        String customer = "cust-" + UUID.randomUUID();
        String messageId = RestAssured.given().contentType(ContentType.JSON).body(Map.of("orderId", "o-1", "total", 42))
                .post("/webhooks/orders/" + customer).then()
                .statusCode(200)
                .body("messageId", matchesPattern(".+"))
                .extract().path("messageId");

        assertThat(events(customer)).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("type", "track").containsEntry("event", "Order Completed")
                    .containsEntry("messageId", messageId).containsEntry("accepted", true);
            assertThat(event.get("json").toString()).contains("orderId=o-1");
        });
    }

    @Test
    void aCustomerUpsertIsAnIdentifyWithTraits() {
        String customer = "cust-" + UUID.randomUUID();
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.com", "plan", "pro"))
                .put("/customers/" + customer).then()
                .statusCode(200);

        assertThat(events(customer)).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("type", "identify").containsEntry("accepted", true);
            assertThat(event.get("json").toString()).contains("plan=pro");
        });
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedBeforeAnythingIsSent() {
        String customer = "cust-" + UUID.randomUUID();
        RestAssured.given().contentType(ContentType.TEXT).body("not json")
                .post("/webhooks/orders/" + customer).then()
                .statusCode(400)
                .body(containsString("JSON"));

        assertThat(events(customer)).isEmpty();
    }

    private List<Map<String, Object>> events(String userId) {
        return RestAssured.given().queryParam("userId", userId).get(EMULATOR + "/emulator/events").then()
                .statusCode(200).extract().jsonPath().getList("events");
    }
}
