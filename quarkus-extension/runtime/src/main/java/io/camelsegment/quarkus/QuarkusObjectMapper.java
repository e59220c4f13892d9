package io.camelsegment.quarkus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentComponent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;

/**
 * Hands the application's Quarkus {@link ObjectMapper} (the one {@code quarkus-jackson} configures, with the
 * application's {@code ObjectMapperCustomizer}s applied) to every Segment component that has none of its own.
 *
 * <p>
 * The component's {@code objectMapper} option is not autowired in its catalog, so Camel would never look it up: this
 * customizer does it. A mapper the user set ({@code camel.component.segment.objectMapper = #myMapper}) is kept.
 */
@Singleton
public class QuarkusObjectMapper implements ComponentCustomizer {

    private final Instance<ObjectMapper> mappers;

    @Inject
    public QuarkusObjectMapper(Instance<ObjectMapper> mappers) {
        this.mappers = mappers;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof SegmentComponent;
    }

    @Override
    public void configure(String name, Component target) {
        SegmentComponent segment = (SegmentComponent) target;
        if (segment.getConfiguration().getObjectMapper() != null || !mappers.isResolvable()) {
            return;
        }
        segment.getConfiguration().setObjectMapper(mappers.get());
    }
}
