package io.camelsegment.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment's cursor pagination: {@code pagination.count} (1–1000, default 200) and an opaque
 * {@code pagination.cursor}. Cursors here are base64 of an offset ({@code MA==} is the first page), as in
 * Segment's own examples; clients must not rely on that.
 */
record Pagination(int count, int offset) {

    static final int DEFAULT_COUNT = 200;
    static final int MAX_COUNT = 1000;

    static Pagination from(Map<String, String> query) {
        int count = DEFAULT_COUNT;
        String rawCount = query.get("pagination.count");
        if (rawCount != null) {
            try {
                count = Integer.parseInt(rawCount.trim());
            } catch (NumberFormatException e) {
                throw ApiError.validation("pagination.count must be a whole number, got '" + rawCount + "'");
            }
            if (count < 1 || count > MAX_COUNT) {
                throw ApiError.validation("pagination.count must be between 1 and " + MAX_COUNT + ", got " + count);
            }
        }
        String cursor = query.get("pagination.cursor");
        int offset = cursor == null || cursor.isBlank() ? 0 : offsetOf(cursor);
        return new Pagination(count, offset);
    }

    private static int offsetOf(String cursor) {
        try {
            int offset = Integer.parseInt(new String(Base64.getDecoder().decode(cursor.trim()), StandardCharsets.UTF_8));
            if (offset < 0) {
                throw new NumberFormatException("negative");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw ApiError.validation("pagination.cursor '" + cursor + "' is not a cursor this API returned");
        }
    }

    private static String cursorOf(int offset) {
        return Base64.getEncoder().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
    }

    <T> List<T> page(List<T> all) {
        int from = Math.min(offset, all.size());
        return all.subList(from, Math.min(all.size(), from + count));
    }

    /** Segment's {@code PaginationOutput}: {@code next} only when a page follows, {@code previous} only after the first. */
    Map<String, Object> output(int totalEntries) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("current", cursorOf(offset));
        if (offset + count < totalEntries) {
            output.put("next", cursorOf(offset + count));
        }
        if (offset > 0) {
            output.put("previous", cursorOf(Math.max(0, offset - count)));
        }
        output.put("totalEntries", totalEntries);
        return output;
    }
}
