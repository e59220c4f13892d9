package io.camelsegment.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How mature a Public API endpoint is, and so which {@code Accept} media types reach it.
 * <p>
 * Every endpoint serves plain {@code application/json}, as Segment's SDKs document, answering in its own
 * versioned media type (the one its schema is declared under). Segment routes a request without any Accept
 * to the most mature version of an endpoint; the emulator is stricter on purpose: a beta-only or alpha-only
 * endpoint answers 404 to no Accept or to the stable media type, so a client that asks for the wrong version
 * is caught in tests rather than in production when Segment promotes or retires the endpoint.
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
     * endpoint's media types the client listed; for plain {@code application/json}, the endpoint's own
     * media type (stable endpoints answer {@code application/json} itself, also to no Accept at all).
     */
    Optional<String> negotiate(String accept) {
        String asked = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        for (String mediaType : mediaTypes) {
            if (asked.contains(mediaType)) {
                return Optional.of(mediaType);
            }
        }
        if (this == STABLE) {
            return Optional.of(Response.JSON);
        }
        return asked.contains(Response.JSON) ? Optional.of(mediaTypes.get(0)) : Optional.empty();
    }

    String requirement() {
        return "Accept: " + mediaTypes.get(0) + " or " + Response.JSON;
    }
}
