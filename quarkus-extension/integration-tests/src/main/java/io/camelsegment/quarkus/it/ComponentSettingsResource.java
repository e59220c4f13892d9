package io.camelsegment.quarkus.it;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentComponent;
import io.camelsegment.segment.SegmentConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apache.camel.CamelContext;

/**
 * What the component was configured with, so tests can see that {@code application.properties}, Dev Services and the
 * Quarkus ObjectMapper reached it. Secrets are reported as present or not, never shown.
 */
@Path("/segment/component")
@Produces(MediaType.APPLICATION_JSON)
public class ComponentSettingsResource {

    private final CamelContext context;
    private final ObjectMapper quarkusMapper;

    @Inject
    public ComponentSettingsResource(CamelContext context, ObjectMapper quarkusMapper) {
        this.context = context;
        this.quarkusMapper = quarkusMapper;
    }

    @GET
    public Map<String, Object> settings() {
        SegmentConfiguration configuration = context.getComponent("segment", SegmentComponent.class).getConfiguration();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trackingUrl", configuration.getTrackingUrl());
        settings.put("apiUrl", configuration.getApiUrl());
        settings.put("writeKeySet", configuration.getWriteKey() != null);
        settings.put("tokenSet", configuration.getToken() != null);
        settings.put("maxRetries", configuration.getMaxRetries());
        settings.put("retryInitialDelay", configuration.getRetryInitialDelay());
        settings.put("quarkusObjectMapper", configuration.getObjectMapper() == quarkusMapper);
        return settings;
    }
}
