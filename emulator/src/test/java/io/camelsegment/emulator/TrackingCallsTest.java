package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingCallsTest extends EmulatorTestSupport {

    @Test
    void eachSingleCallIsRecordedWithItsTypeAndIds() {
        client.track("/identify", "{\"userId\":\"u1\",\"traits\":{}}");
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"Order Completed\",\"messageId\":\"m1\"}");
        client.track("/page", "{\"anonymousId\":\"a1\",\"name\":\"Home\"}");
        client.track("/screen", "{\"userId\":\"u1\",\"name\":\"Cart\"}");
        client.track("/group", "{\"userId\":\"u1\",\"groupId\":\"g1\"}");
        client.track("/alias", "{\"userId\":\"u1\",\"previousId\":\"a1\"}");

        assertThat(emulator.acceptedEvents()).extracting(TrackedEvent::type)
                .containsExactly("identify", "track", "page", "screen", "group", "alias");
        TrackedEvent track = emulator.acceptedEvents().get(1);
        assertThat(track.event()).isEqualTo("Order Completed");
        assertThat(track.messageId()).isEqualTo("m1");
        assertThat(track.endpoint()).isEqualTo("/v1/track");
        assertThat(emulator.acceptedEvents().get(2).anonymousId()).isEqualTo("a1");
        assertThat(emulator.acceptedEvents().get(2).name()).isEqualTo("Home");
        assertThat(emulator.acceptedEvents().get(4).groupId()).isEqualTo("g1");
        assertThat(emulator.acceptedEvents().get(5).previousId()).isEqualTo("a1");
    }

    @Test
    void batchContextAndIntegrationsAreMergedIntoEachItemWithTheItemWinning() {
        client.track("/batch", """
                {"context":{"library":{"name":"camel-segment","version":"1.0"},"locale":"en-US"},
                 "integrations":{"All":false,"Amplitude":true},
                 "batch":[
                   {"type":"track","userId":"u1","event":"A"},
                   {"type":"identify","userId":"u2","context":{"locale":"fr-FR"},"integrations":{"All":true}}
                 ]}""");

        TrackedEvent first = emulator.acceptedEvents().get(0);
        TrackedEvent second = emulator.acceptedEvents().get(1);
        assertThat(first.json().get("context")).isEqualTo(Map.of("library", Map.of("name", "camel-segment", "version", "1.0"),
                "locale", "en-US"));
        assertThat(first.json().get("integrations")).isEqualTo(Map.of("All", false, "Amplitude", true));
        assertThat(second.json().get("context")).isEqualTo(Map.of("library", Map.of("name", "camel-segment", "version", "1.0"),
                "locale", "fr-FR"));
        assertThat(second.json().get("integrations")).isEqualTo(Map.of("All", true, "Amplitude", true));
    }

    @Test
    void importIsTheSameAsBatch() {
        client.track("/import", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"A\",\"timestamp\":\"2020-01-01T00:00:00Z\"}]}");

        assertThat(emulator.acceptedEvents()).singleElement()
                .satisfies(event -> assertThat(event.endpoint()).isEqualTo("/v1/import"));
    }

    @Test
    void trailingSlashAsAnalyticsJavaSendsItIsAccepted() {
        client.track("/import/", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"A\"}]}");

        assertThat(emulator.acceptedEvents()).hasSize(1);
    }

    @Test
    void clientHeadersUserAgentAndRetryCountAreRecorded() {
        client.post(emulator.trackingUrl() + "/track", "{\"userId\":\"u1\",\"event\":\"A\"}",
                "Authorization", EmulatorClient.basic("k"), "User-Agent", "camel-segment/1.0", "X-Retry-Count", "2");

        TrackedEvent event = emulator.events().get(0);
        assertThat(event.userAgent()).isEqualTo("camel-segment/1.0");
        assertThat(event.retryCount()).isEqualTo(2);
        assertThat(event.headers()).containsEntry("User-Agent", "camel-segment/1.0");
    }

    @Test
    void fullJsonIsRecordedAsReceived() {
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"properties\":{\"total\":12.5,\"items\":[1,2]}}");

        assertThat(emulator.events().get(0).json())
                .containsEntry("properties", Map.of("total", 12.5, "items", List.of(1, 2)));
    }

    @Test
    void gzipBodiesAreDecoded() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("{\"userId\":\"u1\",\"event\":\"Zipped\"}".getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.trackingUrl() + "/track"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Authorization", EmulatorClient.basic("k"))
                .build();

        assertThat(client.sendOrThrow(request).statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).singleElement()
                .satisfies(event -> assertThat(event.event()).isEqualTo("Zipped"));
    }
}
