package io.camelsegment.segment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/** Sends exchanges to Twilio Segment: Tracking API calls (identify, track, ...) and Public API calls (updateSource, ...). */
@UriEndpoint(firstVersion = "1.0.0", scheme = "segment", title = "Segment", syntax = "segment:operation",
             producerOnly = true, category = { Category.SAAS, Category.CLOUD }, headersClass = SegmentConstants.class)
public class SegmentEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriParam
    private SegmentConfiguration configuration;

    private final MessageIdentity messageIdentity = new MessageIdentity();

    public SegmentEndpoint(String uri, SegmentComponent component, SegmentConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** A wrong base URL is a configuration error: report it when the endpoint is created, not on the first message. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        checkBaseUrl("trackingUrl", configuration.getTrackingUrl());
        checkBaseUrl("apiUrl", configuration.getApiUrl());
    }

    private static void checkBaseUrl(String option, String url) {
        if (url == null) {
            return;
        }
        baseUrlProblem(url).ifPresent(problem -> {
            // a URL with user information may hold a password: it is not repeated in the message
            String shown = url.contains("@") ? "" : " but was '" + url + "'";
            throw new IllegalArgumentException(option + " " + problem + shown);
        });
    }

    /** Requests are the base URL plus a path and query of their own: anything else in it would send them elsewhere. */
    private static Optional<String> baseUrlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an http or https URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not hold user information (user:password@): credentials are the writeKey and token"
                               + " options");
        }
        if (uri.getRawQuery() != null) {
            return Optional.of("must not have a query (?...): each request adds its own path and query");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        return Optional.empty();
    }

    @Override
    public Producer createProducer() {
        return new SegmentProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The Segment component only sends: use segment: in to(), not from()");
    }

    @Override
    public SegmentComponent getComponent() {
        return (SegmentComponent) super.getComponent();
    }

    public SegmentConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SegmentConfiguration configuration) {
        this.configuration = configuration;
    }

    MessageIdentity messageIdentity() {
        return messageIdentity;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getOperation().trackingCall().isPresent()
                ? configuration.effectiveTrackingUrl() : configuration.effectiveApiUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
