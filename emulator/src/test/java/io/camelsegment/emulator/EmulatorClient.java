package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The tests' HTTP client: plain java.net.http, HTTP/1.1, no retries of its own. */
final class EmulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final SegmentEmulator emulator;

    EmulatorClient(SegmentEmulator emulator) {
        this.emulator = emulator;
    }

    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs to the Tracking API (path like {@code /track}) with the demo write key in HTTP Basic. */
    HttpResponse<String> track(String path, String json) {
        return post(emulator.trackingUrl() + path, json, "Authorization", basic(SegmentEmulator.DEMO_WRITE_KEY));
    }

    /** POSTs to a full URL with the given headers (name, value, name, value...). */
    HttpResponse<String> post(String url, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    /** A Public API call with the demo token; {@code body} may be null. */
    HttpResponse<String> api(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + emulator.token());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    /** A request exactly as given: no token unless among the headers. */
    HttpResponse<String> raw(String method, String url, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Sends and lets an I/O failure through, for tests that expect one. */
    HttpResponse<String> sendOrThrow(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }
}
