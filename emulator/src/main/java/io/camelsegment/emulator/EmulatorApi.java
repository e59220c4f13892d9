package io.camelsegment.emulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The emulator's own JSON under {@code /emulator}: what it recorded (for the Debugger page and for
 * tools outside the JVM) and a reset. Needs no token: it is the emulator's, not Segment's.
 */
final class EmulatorApi {

    static final String PATH_PREFIX = "/emulator/";

    private final Recording recording;
    private final Runnable reset;

    EmulatorApi(Recording recording, Runnable reset) {
        this.recording = recording;
        this.reset = reset;
    }

    Response handle(Request request) {
        String what = request.rawPath().substring(PATH_PREFIX.length());
        Map<String, String> query = request.query();
        return switch (request.method() + " " + what) {
            case "GET events" -> events(query);
            case "GET requests" -> requests(query);
            case "POST reset" -> reset(request);
            default -> Response.json(404, Map.of("message", "No emulator endpoint " + request.method() + " "
                    + request.rawPath() + "; try GET /emulator/events, GET /emulator/requests, POST /emulator/reset"));
        };
    }

    /**
     * Resets only on a JSON request: a browser sends {@code application/json} across origins only after a CORS
     * preflight, which the emulator never grants, so no other web page the user has open can reset it.
     */
    private Response reset(Request request) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith(Response.JSON)) {
            return Response.json(415, Map.of("message", "POST /emulator/reset needs Content-Type: application/json"));
        }
        reset.run();
        return Response.json(200, Map.of("status", "reset", "epoch", recording.epoch()));
    }

    /**
     * Recorded events in arrival order. {@code type} and {@code userId} filter exactly; {@code after} returns
     * only events with a greater sequence, which is how the page polls without fetching everything again.
     * {@code epoch} changes on every reset, telling a poller its sequence numbers are stale.
     */
    private Response events(Map<String, String> query) {
        Predicate<TrackedEvent> filter = event -> true;
        String type = query.get("type");
        if (type != null && !type.isEmpty() && !"all".equals(type)) {
            filter = filter.and(event -> type.equals(event.type()));
        }
        String userId = query.get("userId");
        if (userId != null && !userId.isEmpty()) {
            filter = filter.and(event -> userId.equals(event.userId()));
        }
        long after = after(query);
        filter = filter.and(event -> event.sequence() > after);
        Map<String, Object> body = new LinkedHashMap<>();
        // One lock for both reads, so a reset cannot slip between the epoch and the events it labels.
        synchronized (recording) {
            body.put("epoch", recording.epoch());
            body.put("events", recording.events(filter));
        }
        return Response.json(200, body);
    }

    private Response requests(Map<String, String> query) {
        long after = after(query);
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (recording) {
            body.put("epoch", recording.epoch());
            body.put("tracking", recording.trackingRequests().stream().filter(r -> r.sequence() > after).toList());
            body.put("publicApi", recording.publicApiRequests().stream().filter(r -> r.sequence() > after).toList());
        }
        return Response.json(200, body);
    }

    private static long after(Map<String, String> query) {
        try {
            return Long.parseLong(query.getOrDefault("after", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
