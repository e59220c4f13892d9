package io.camelsegment.segment;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Records the URI of every request as the HTTP client is about to send it; optionally stops it there, so tests can see
 * where a request would go (e.g. Segment's real hosts) without it leaving the machine.
 */
final class RecordingConfigurer implements HttpClientConfigurer {

    final List<String> uris = new CopyOnWriteArrayList<>();
    private final boolean stopBeforeSending;

    RecordingConfigurer(boolean stopBeforeSending) {
        this.stopBeforeSending = stopBeforeSending;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        // an exec interceptor runs before the client resolves the host, so real Segment hosts are never contacted
        builder.addExecInterceptorFirst("recorder", (request, scope, chain) -> {
            uris.add(request.getScheme() + "://" + request.getAuthority() + request.getRequestUri());
            if (stopBeforeSending) {
                throw new IOException("stopped by the test before sending");
            }
            return chain.proceed(request, scope);
        });
    }
}
