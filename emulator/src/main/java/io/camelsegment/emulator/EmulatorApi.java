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
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

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
            case "GET api-calls" -> apiCalls(query);
            case "POST reset" -> reset(request);
            default -> Response.json(404, Map.of("message", "No emulator endpoint " + request.method() + " "
                    + request.rawPath() + "; try GET /emulator/events, GET /emulator/api-calls, GET /emulator/requests, POST /emulator/reset"));
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
     * One page of recorded events, newest first (see {@link #pageQuery}). {@code type} and {@code userId} filter
     * exactly. {@code epoch} changes on every reset, telling a poller its sequence numbers are stale;
     * {@code evicted} counts the events dropped from memory to stay within the cap.
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
        PageQuery page = pageQuery(query);
        Map<String, Object> body = new LinkedHashMap<>();
        // One lock for every read, so a reset cannot slip between the epoch and the events it labels.
        synchronized (recording) {
            body.put("epoch", recording.epoch());
            body.put("evicted", recording.evictedEvents());
            put(body, "events", recording.events(filter, page.after(), page.before(), page.limit()));
        }
        return Response.json(200, body);
    }

    /** Both APIs' requests, each list paged on its own sequence numbers alike: newest first. */
    private Response requests(Map<String, String> query) {
        PageQuery page = pageQuery(query);
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (recording) {
            body.put("epoch", recording.epoch());
            body.put("tracking", recording.trackingRequests(page.after(), page.before(), page.limit()).items());
            body.put("publicApi", recording.publicApiRequests(page.after(), page.before(), page.limit()).items());
        }
        return Response.json(200, body);
    }

    /** Public API requests alone, paged like events: what the Debugger page lists as API calls. */
    private Response apiCalls(Map<String, String> query) {
        PageQuery page = pageQuery(query);
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (recording) {
            body.put("epoch", recording.epoch());
            put(body, "calls", recording.publicApiRequests(page.after(), page.before(), page.limit()));
        }
        return Response.json(200, body);
    }

    private static void put(Map<String, Object> body, String name, RecordLog.Page<?> page) {
        body.put("total", page.total());
        body.put(name, page.items());
        if (page.next() != null) {
            body.put("next", page.next());
        }
    }

    /**
     * {@code after}: only items with a greater sequence, how a poller fetches what is new; {@code before}: only
     * items with a smaller one, the cursor ({@code next}) to the older page; {@code limit}: page size, 1 to
     * {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} by default, so no answer grows with the recording.
     */
    private static PageQuery pageQuery(Map<String, String> query) {
        long limit = number(query, "limit", DEFAULT_LIMIT);
        return new PageQuery(number(query, "after", 0), number(query, "before", 0),
                (int) Math.max(1, Math.min(MAX_LIMIT, limit)));
    }

    private static long number(Map<String, String> query, String name, long fallback) {
        try {
            return Long.parseLong(query.getOrDefault(name, Long.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private record PageQuery(long after, long before, int limit) {
    }
}
