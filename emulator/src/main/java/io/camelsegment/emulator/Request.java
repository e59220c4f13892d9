package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP request as received, read completely off the exchange so that handlers, fault rules and
 * the recording all look at the same bytes.
 */
final class Request {

    /**
     * The most the emulator reads of a body, before and after gzip decoding: ten times Segment's largest
     * limit (500 KB for a batch), so whatever Segment would refuse for its size is still seen whole.
     */
    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean undecodableBody;
    private final Instant receivedAt;
    private Optional<JsonNode> json;

    private Request(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
                    boolean undecodableBody, Instant receivedAt) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.undecodableBody = undecodableBody;
        this.receivedAt = receivedAt;
    }

    static Request read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(canonicalHeaderName(name), String.join(", ", values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = readAtMost(in);
        }
        boolean undecodable = false;
        // Segment's own libraries gzip their batches; accept the same so such clients can be tested here.
        if ("gzip".equalsIgnoreCase(headers.getOrDefault("Content-Encoding", "").trim()) && body.length > 0
                && body.length <= MAX_BODY_BYTES) {
            try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = readAtMost(gunzip);
            } catch (IOException e) {
                undecodable = true;
            }
        }
        return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers), body, undecodable,
                Instant.now());
    }

    /**
     * Reads the stream up to one byte past the cap, so an endless upload or a gzip bomb costs at most the cap
     * in memory (in-process, that memory is the user's test JVM) and still shows that it was too large.
     */
    private static byte[] readAtMost(InputStream in) throws IOException {
        return in.readNBytes(MAX_BODY_BYTES + 1);
    }

    /** The JDK server lower-cases header names; records show them the way clients write them. */
    static String canonicalHeaderName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    String method() {
        return method;
    }

    String rawPath() {
        return rawPath;
    }

    /** The query exactly as sent, or an empty string. */
    String rawQuery() {
        return rawQuery == null ? "" : rawQuery;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    String header(String name) {
        return headers.get(name);
    }

    /** Every header except the ones named, for recording without secrets. */
    Map<String, String> headersWithout(String... secretHeaders) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        for (String secret : secretHeaders) {
            copy.remove(secret);
        }
        return Collections.unmodifiableMap(copy);
    }

    byte[] body() {
        return body;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the body (or what it inflates to) went past {@link #MAX_BODY_BYTES}; only that much was kept. */
    boolean tooLarge() {
        return body.length > MAX_BODY_BYTES;
    }

    boolean undecodableBody() {
        return undecodableBody;
    }

    /** The body as JSON, or empty when it is not JSON at all; parsed once however often it is asked for. */
    synchronized Optional<JsonNode> json() {
        if (json == null) {
            json = undecodableBody ? Optional.empty() : JsonCodec.parse(body);
        }
        return json;
    }

    /**
     * Splits the raw path into percent-decoded segments: {@code /sources/a%2Fb} is two segments, the
     * second being the id {@code a/b}. Decoding the whole path first would turn that id into two segments.
     *
     * @throws IllegalArgumentException when a segment holds a broken escape or bytes that are not UTF-8
     */
    List<String> pathSegments() {
        List<String> segments = new ArrayList<>();
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.isEmpty()) {
            return segments;
        }
        for (String raw : path.split("/", -1)) {
            segments.add(decodeSegment(raw));
        }
        return segments;
    }

    static String decodeSegment(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            int c = raw.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("Broken percent escape in path segment '" + raw + "'");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("Broken percent escape in path segment '" + raw + "'");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                // '+' stays a plus sign: only query strings use it for a space.
                byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Path segment '" + raw + "' is not UTF-8 once decoded", e);
        }
    }

    /** Query parameters decoded as a form; a repeated name keeps its first value. */
    Map<String, String> query() {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
