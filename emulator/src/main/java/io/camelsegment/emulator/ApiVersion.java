package io.camelsegment.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How mature a Public API endpoint is, and so which {@code Accept} media types reach it.
 * <p>
 * Segment routes a request without a version to the most mature version of an endpoint. The emulator is
 * stricter on purpose: a beta-only or alpha-only endpoint answers 404 unless the request asks for that
 * version, so a client that forgets the version header is caught in tests rather than in production
 * when Segment promotes or retires the endpoint.
 */
enum ApiVersion {

    STABLE(List.of("application/vnd.segment.v1+json", "application/vnd.segment.v1beta+json",
            "application/vnd.segment.v1alpha+json", "application/json")),
    BETA(List.of("application/vnd.segment.v1beta+json", "application/vnd.segment.v1alpha+json")),
    ALPHA(List.of("application/vnd.segment.v1alpha+json"));

    private final List<String> mediaTypes;

    ApiVersion(List<String> mediaTypes) {
        this.mediaTypes = mediaTypes;
    }

    /**
     * The media type to answer with when the Accept header reaches this version: the first of the
     * endpoint's media types the client listed, or {@code application/json} for a stable endpoint asked
     * for nothing in particular.
     */
    Optional<String> negotiate(String accept) {
        String asked = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        for (String mediaType : mediaTypes) {
            if (asked.contains(mediaType)) {
                return Optional.of(mediaType);
            }
        }
        return this == STABLE ? Optional.of(Response.JSON) : Optional.empty();
    }

    String requirement() {
        return "Accept: " + mediaTypes.get(0);
    }
}
