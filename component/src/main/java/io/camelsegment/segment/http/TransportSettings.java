package io.camelsegment.segment.http;

import java.net.URI;
import java.util.Locale;

/**
 * What makes two producers' transports interchangeable, and so the key under which they share one.
 *
 * @param http           the HTTP client's settings
 * @param scheme         {@code http} or {@code https}: camel-http derives the proxy's scheme from the endpoint URL's,
 *                       so a client built for one scheme is not the one the other would get
 * @param workerPoolSize the threads that send requests and wait between retries
 */
public record TransportSettings(HttpSettings http, String scheme, int workerPoolSize) {

    /** The settings of a transport for requests to {@code serviceUrl}. */
    public static TransportSettings of(HttpSettings http, String serviceUrl, int workerPoolSize) {
        return new TransportSettings(http, URI.create(serviceUrl).getScheme().toLowerCase(Locale.ROOT), workerPoolSize);
    }

    /** A URL of this scheme for camel-http's endpoint: requests carry absolute URIs, so only its scheme matters. */
    String baseUrl() {
        return scheme + "://segment";
    }
}
