package io.camelsegment.quarkus.it;

import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The emulator the application talks to, read over its JSON endpoints: the application reports where it is, so this
 * works the same in {@code @QuarkusTest} and against the packaged jar.
 */
final class Emulator {

    private final String apiUrl;

    private Emulator(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The emulator the running application's component is configured with. */
    static Emulator ofApplication() {
        String apiUrl = RestAssured.get("/segment/component").then().statusCode(200).extract().path("apiUrl");
        return new Emulator(apiUrl);
    }

    /** The events recorded for one user, newest first. */
    List<Map<String, Object>> events(String userId) {
        return RestAssured.given().queryParam("userId", userId).queryParam("limit", 100)
                .get(apiUrl + "/emulator/events").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("events");
    }

    /** The Tracking API requests the emulator answered (refused ones included), newest first. */
    List<Map<String, Object>> trackingRequests() {
        return RestAssured.given().queryParam("limit", 1000).get(apiUrl + "/emulator/requests").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getList("tracking");
    }
}
