package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingAuthTest extends EmulatorTestSupport {

    @Test
    void basicAuthWithTheWriteKeyAsUserNameIsAccepted(SegmentEmulator emulator) {
        HttpResponse<String> response = client.post(emulator.trackingUrl() + "/track",
                "{\"userId\":\"u1\",\"event\":\"Signed Up\"}", "Authorization", EmulatorClient.basic("myWriteKey1234"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EmulatorClient.json(response).get("success").asBoolean()).isTrue();
        assertThat(emulator.acceptedEvents()).singleElement()
                .satisfies(event -> assertThat(event.writeKeyLast4()).isEqualTo("1234"));
    }

    @Test
    void writeKeyInTheBodyIsAccepted(SegmentEmulator emulator) {
        HttpResponse<String> response = client.post(emulator.trackingUrl() + "/identify",
                "{\"writeKey\":\"bodyKeyABCD\",\"userId\":\"u1\",\"traits\":{\"plan\":\"pro\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).singleElement()
                .satisfies(event -> assertThat(event.writeKeyLast4()).isEqualTo("ABCD"));
    }

    @Test
    void writeKeyAtTheTopOfABatchEnvelopeIsAccepted(SegmentEmulator emulator) {
        HttpResponse<String> response = client.post(emulator.trackingUrl() + "/batch",
                "{\"writeKey\":\"batchKeyWXYZ\",\"batch\":[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"A\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).singleElement()
                .satisfies(event -> assertThat(event.writeKeyLast4()).isEqualTo("WXYZ"));
    }

    @Test
    void anyNonEmptyWriteKeyIsAcceptedLikeSegment(SegmentEmulator emulator) {
        HttpResponse<String> response = client.post(emulator.trackingUrl() + "/track",
                "{\"userId\":\"u1\",\"event\":\"A\"}", "Authorization", EmulatorClient.basic("not-a-real-key"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).hasSize(1);
    }

    @Test
    void missingWriteKeyIsAnswered400LikeSegmentAndRecordedAsRejected(SegmentEmulator emulator) {
        HttpResponse<String> response = client.post(emulator.trackingUrl() + "/track", "{\"userId\":\"u1\",\"event\":\"A\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EmulatorClient.json(response).get("success").asBoolean()).isFalse();
        assertThat(emulator.events()).isEmpty();
        assertThat(emulator.trackingRequests()).singleElement()
                .satisfies(request -> assertThat(request.status()).isEqualTo(400));
    }

    @Test
    void basicAuthWithAnEmptyUserNameCountsAsNoWriteKey(SegmentEmulator emulator) {
        HttpResponse<String> response = client.post(emulator.trackingUrl() + "/track",
                "{\"userId\":\"u1\",\"event\":\"A\"}", "Authorization", EmulatorClient.basic(""));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void emptyWriteKeyInTheBodyIsAnswered400(SegmentEmulator emulator) {
        HttpResponse<String> response = client.post(emulator.trackingUrl() + "/track",
                "{\"writeKey\":\"\",\"userId\":\"u1\",\"event\":\"A\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void recordingsNeverHoldTheWholeWriteKey(SegmentEmulator emulator) {
        String key = "secretWriteKey9876";
        client.post(emulator.trackingUrl() + "/track", "{\"writeKey\":\"" + key + "\",\"userId\":\"u1\",\"event\":\"A\"}",
                "Authorization", EmulatorClient.basic(key));

        TrackingRequest request = emulator.trackingRequests().get(0);
        assertThat(request.body()).doesNotContain(key).contains("****9876");
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(emulator.events().get(0).json()).doesNotContainKey("writeKey");
        assertThat(emulator.events().get(0).toString()).doesNotContain(key);
    }

    @Test
    void aBodyWriteKeyHoldingAQuoteOrABackslashIsMaskedToo(SegmentEmulator emulator) {
        // The key is: sec"ret\Key9876
        client.post(emulator.trackingUrl() + "/track", "{\"writeKey\":\"sec\\\"ret\\\\Key9876\",\"userId\":\"u1\",\"event\":\"A\"}");

        assertThat(emulator.trackingRequests().get(0).body()).doesNotContain("ret").contains("****9876");
    }

    @Test
    void aBodyWriteKeyEscapedAnotherWayIsMaskedToo(SegmentEmulator emulator) {
        // The key is: secretKey"9876, its quote written as a Unicode escape, which Jackson never writes.
        client.post(emulator.trackingUrl() + "/track", "{\"writeKey\":\"secretKey\\u00229876\",\"userId\":\"u1\",\"event\":\"A\"}");

        assertThat(emulator.trackingRequests().get(0).body()).doesNotContain("secretKey").contains("****9876");
    }

    @Test
    void aBodyWriteKeyOtherThanTheBasicOneIsMaskedToo(SegmentEmulator emulator) {
        client.post(emulator.trackingUrl() + "/track", "{\"writeKey\":\"bodySecretKey1111\",\"userId\":\"u1\",\"event\":\"A\"}",
                "Authorization", EmulatorClient.basic("basicSecretKey2222"));

        assertThat(emulator.trackingRequests().get(0).body()).doesNotContain("bodySecretKey").contains("****1111");
    }
}
