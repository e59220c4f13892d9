package io.camelsegment.segment;

import java.net.URI;
import java.net.URISyntaxException;

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
        if (url != null && !isHttpUrl(url)) {
            throw new IllegalArgumentException(option + " must be an http or https URL but was '" + url + "'");
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
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
