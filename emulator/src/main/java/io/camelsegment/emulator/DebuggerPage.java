package io.camelsegment.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A live page like Segment's Debugger at {@code /} and {@code /debugger}: one self-contained HTML file
 * (inline CSS and JavaScript, nothing fetched from elsewhere) that polls {@code /emulator/events}.
 */
final class DebuggerPage {

    private static final String FAVICON = "/favicon.ico";

    private final String html;

    DebuggerPage() {
        try (InputStream in = DebuggerPage.class.getResourceAsStream("debugger.html")) {
            if (in == null) {
                throw new IllegalStateException("debugger.html is missing from the emulator jar");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page's paths, and the icon every browser asks for: answered here, it is neither recorded nor counted
     * as a Public API call.
     */
    static boolean serves(String path) {
        return "/".equals(path) || "/debugger".equals(path) || "/debugger/".equals(path) || FAVICON.equals(path);
    }

    Response handle(Request request) {
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return Response.json(405, Map.of("message", "The Debugger page only answers GET")).withHeader("Allow", "GET");
        }
        if (FAVICON.equals(request.rawPath())) {
            return new Response(204, Map.of("Cache-Control", "max-age=86400"), new byte[0]);
        }
        return Response.html(html);
    }
}
