package io.camelsegment.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.segment.tracking.BatchQueue;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** A Camel context and a WireMock server standing in for both Segment APIs. */
abstract class SegmentTestSupport extends CamelTestSupport {

    static final String WRITE_KEY = "wk_SECRET_write_key_123";
    static final String TOKEN = "sgp_SECRET_token_456";
    static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    static String trackingUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/v1";
    }

    static String apiUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    /** A tracking endpoint URI against WireMock, without retries unless the options add them. */
    static String tracking(String operation, String options) {
        return "segment:" + operation + "?writeKey=RAW(" + WRITE_KEY + ")&trackingUrl=" + trackingUrl() + withoutRetries(options);
    }

    /** A Public API endpoint URI against WireMock, without retries unless the options add them. */
    static String publicApi(String operation, String options) {
        return "segment:" + operation + "?token=RAW(" + TOKEN + ")&apiUrl=" + apiUrl() + withoutRetries(options);
    }

    private static String withoutRetries(String options) {
        String retries = options.contains("maxRetries=") ? "" : "&maxRetries=0";
        return retries + (options.isEmpty() ? "" : "&" + options);
    }

    Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().getHeaders().putAll(headers);
        });
    }

    static List<LoggedRequest> requests() {
        // WireMock lists the newest first
        List<LoggedRequest> newestFirst = wireMock.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
        return java.util.stream.IntStream.range(0, newestFirst.size())
                .mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i)).toList();
    }

    static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = requests();
        org.assertj.core.api.Assertions.assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** The items of a request to /batch. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(LoggedRequest request) {
        return (List<Map<String, Object>>) json(request).get("batch");
    }

    /** The exchanges of {@code sent}, once each has ended; fails the test if one has not within {@code seconds}. */
    static List<Exchange> ended(List<CompletableFuture<Exchange>> sent, long seconds) throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> exchange : sent) {
            exchanges.add(exchange.get(seconds, TimeUnit.SECONDS));
        }
        return exchanges;
    }

    static Map<String, Object> json(LoggedRequest request) {
        try {
            return JSON.readValue(request.getBody(), new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new AssertionError("the request body is not a JSON object", e);
        }
    }

    /** The component's one open delivery queue: the test uses one write key and one set of settings. */
    BatchQueue onlyQueue() {
        List<BatchQueue> open = context.getComponent("segment", SegmentComponent.class).batchQueues().open();
        assertThat(open).hasSize(1);
        return open.get(0);
    }
}
