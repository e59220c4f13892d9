package io.camelsegment.emulator;

/**
 * Masks the credential some Public API paths carry: removeWriteKeyFromSource's
 * {@code /sources/{sourceId}/writekey/{writeKey}}. Recordings, logs and the Debugger page show such a path
 * with the key cut to its last four characters, like every other write key the emulator keeps.
 */
final class SecretPaths {

    private SecretPaths() {
    }

    static String mask(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            if ("writekey".equalsIgnoreCase(segments[i - 1]) && !segments[i].isEmpty()) {
                segments[i] = new WriteKey(decoded(segments[i])).toString();
            }
        }
        return String.join("/", segments);
    }

    /** The key as the API reads it, so its last four characters are real ones, not half a percent escape. */
    private static String decoded(String segment) {
        try {
            return Request.decodeSegment(segment);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
