package io.camelsegment.segment;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain route delivers to a local HTTP server exactly what Segment expects of a track call. */
class RouteDeliveryTest extends CamelTestSupport {

    private static final String WRITE_KEY = "wk+/=&RAW;key";

    private final List<Map<String, Object>> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/track", exchange -> {
            bodies.add(new ObjectMapper().readValue(exchange.getRequestBody(), new TypeReference<>() {
            }));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] ok = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in")
                        .to("segment:track?writeKey=RAW(" + WRITE_KEY + ")&trackingUrl=http://127.0.0.1:" + port + "/v1");
            }
        };
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aTrackRouteDeliversWhatSegmentExpects() {
        template.sendBodyAndHeaders("direct:in", Map.of("properties", Map.of("orderId", "o-1", "revenue", 30)),
                Map.of(SegmentConstants.EVENT, "Order Completed", SegmentConstants.ANONYMOUS_ID, "anon-1",
                        SegmentConstants.USER_ID, "u-1"));

        assertThat(bodies).hasSize(1);
        Map<String, Object> body = bodies.get(0);
        assertThat(body).containsEntry("type", "track").containsEntry("event", "Order Completed")
                .containsEntry("userId", "u-1").containsEntry("anonymousId", "anon-1")
                .containsEntry("properties", Map.of("orderId", "o-1", "revenue", 30));
        assertThat((String) body.get("messageId")).matches("[0-9a-f-]{36}");
        assertThat(OffsetDateTime.parse((String) body.get("timestamp")).getOffset().getTotalSeconds()).isZero();
        assertThat(body.get("context")).isEqualTo(Map.of("library",
                Map.of("name", "camel-segment", "version", SegmentLibrary.VERSION)));
        assertThat(authorizations).containsExactly(
                "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8)));
    }
}
