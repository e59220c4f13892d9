package io.camelsegment.segment.http;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.io.SocketConfig;

/**
 * An Apache HttpClient 5 built by Camel's http component, so TLS ({@code SSLContextParameters}), proxies, timeouts,
 * pooling and {@code HttpClientConfigurer} work as they do for Camel's own http endpoints.
 *
 * <p>
 * It uses a private http component instance: HttpClient's own automatic retries are switched off there (they would
 * multiply ours and resend 429s early), and cookies are not kept, without touching the application's http component.
 */
public final class CamelHttpClient implements AutoCloseable {

    private final HttpComponent component;
    private final HttpEndpoint endpoint;

    private CamelHttpClient(HttpComponent component, HttpEndpoint endpoint) {
        this.component = component;
        this.endpoint = endpoint;
    }

    /**
     * @param baseUrl a URL of the scheme requests use: they carry absolute URIs, so its scheme is all camel-http reads
     */
    public static CamelHttpClient start(CamelContext context, String baseUrl, HttpSettings settings) throws Exception {
        HttpComponent component = new HttpComponent();
        component.setCamelContext(context);
        component.setAutomaticRetriesDisabled(true);
        component.setCookieManagementDisabled(true);
        component.setConnectTimeout(settings.connectTimeout());
        component.setResponseTimeout(settings.responseTimeout());
        component.setSoTimeout(settings.responseTimeout());
        component.setUserAgent(settings.userAgent());
        component.setProxyHost(settings.proxyHost());
        component.setProxyPort(settings.proxyPort());
        component.setSslContextParameters(settings.sslContextParameters());
        component.setHttpClientConfigurer(settings.configurer());
        component.setMaxTotalConnections(settings.maxConnections());
        component.setConnectionsPerRoute(settings.maxConnectionsPerRoute());
        ServiceHelper.startService(component);
        HttpEndpoint endpoint = (HttpEndpoint) component.createEndpoint(baseUrl);
        noDelay(endpoint);
        ServiceHelper.startService(endpoint);
        return new CamelHttpClient(component, endpoint);
    }

    /**
     * Nagle's algorithm holds a small request back until the previous one is acknowledged: analytics-java's client
     * manages a tenth of its throughput with it on. HttpClient 5 defaults to TCP_NODELAY; said here so it stays so.
     */
    private static void noDelay(HttpEndpoint endpoint) {
        if (endpoint.getClientConnectionManager() instanceof PoolingHttpClientConnectionManager pool) {
            SocketConfig socket = pool.getDefaultSocketConfig();
            pool.setDefaultSocketConfig(
                    (socket == null ? SocketConfig.custom() : SocketConfig.copy(socket)).setTcpNoDelay(true).build());
        }
    }

    public HttpClient client() {
        return endpoint.getHttpClient();
    }

    /** The connection pool, for tests and monitoring. */
    public PoolingHttpClientConnectionManager connections() {
        return (PoolingHttpClientConnectionManager) endpoint.getClientConnectionManager();
    }

    @Override
    public void close() {
        ServiceHelper.stopAndShutdownServices(endpoint, component);
    }
}
