package io.camelsegment.quarkus.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With Segment's own credentials configured, Dev Services leave the component alone: it would reach Segment itself. */
@QuarkusTest
@TestProfile(RealSegmentProfile.class)
class RealCredentialsTest {

    @Test
    void devServicesStayOffAndTheComponentKeepsSegmentsAddresses() {
        RestAssured.get("/segment/component").then().statusCode(200)
                .body("trackingUrl", nullValue())
                .body("apiUrl", nullValue())
                .body("writeKeySet", equalTo(true))
                .body("tokenSet", equalTo(true))
                .body("maxRetries", equalTo(2));
    }
}
