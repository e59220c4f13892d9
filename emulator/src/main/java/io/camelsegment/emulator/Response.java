package io.camelsegment.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the emulator answers to one HTTP request, built before anything is written to the socket. */
record Response(int status, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json";

    Response {
        headers = Map.copyOf(headers);
    }

    static Response json(int status, Object body) {
        return new Response(status, Map.of("Content-Type", JSON), JsonCodec.write(body));
    }

    static Response html(String page) {
        return new Response(200, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store"),
                page.getBytes(StandardCharsets.UTF_8));
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    Response withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(more);
        return new Response(status, copy, body);
    }
}
