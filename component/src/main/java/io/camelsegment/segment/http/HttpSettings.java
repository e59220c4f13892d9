package io.camelsegment.segment.http;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The HTTP client settings a Segment endpoint passes on to Camel's http component.
 *
 * <p>
 * Endpoints with equal settings share one client: {@code SSLContextParameters} and configurers do not define
 * {@code equals}, so they are equal when they are the same bean.
 *
 * @param connectTimeout         connect timeout in milliseconds
 * @param responseTimeout        response timeout in milliseconds
 * @param proxyHost              proxy host, or {@code null}
 * @param proxyPort              proxy port, or {@code null}
 * @param sslContextParameters   TLS settings, or {@code null} for the JVM's
 * @param configurer             a customizer of the HttpClient builder, or {@code null}
 * @param userAgent              the User-Agent header
 * @param maxConnections         the most connections the pool holds, all hosts together
 * @param maxConnectionsPerRoute the most connections the pool holds to one host
 */
public record HttpSettings(long connectTimeout, long responseTimeout, String proxyHost, Integer proxyPort,
                           SSLContextParameters sslContextParameters, HttpClientConfigurer configurer, String userAgent,
                           int maxConnections, int maxConnectionsPerRoute) {
}
