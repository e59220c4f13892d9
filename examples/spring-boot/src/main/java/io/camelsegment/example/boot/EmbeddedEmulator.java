package io.camelsegment.example.boot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the Segment emulator in this JVM when neither {@code SEGMENT_WRITE_KEY} nor {@code SEGMENT_TOKEN} is set, and
 * points the segment component at it with the emulator's demo credentials; stops it with the application.
 */
class EmbeddedEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulator.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        boolean writeKey = isSet(environment.getProperty("SEGMENT_WRITE_KEY"));
        boolean token = isSet(environment.getProperty("SEGMENT_TOKEN"));
        if (writeKey && token) {
            return;
        }
        if (writeKey || token) {
            throw new IllegalStateException("Set both SEGMENT_WRITE_KEY and SEGMENT_TOKEN for real Segment, or neither for the emulator");
        }
        SegmentEmulator emulator = SegmentEmulator.start();
        environment.getPropertySources().addFirst(new MapPropertySource("segmentEmulator", properties(emulator)));
        context.getBeanFactory().registerSingleton("segmentEmulator", emulator);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                emulator.close();
            }
        });
        LOG.info("No SEGMENT_WRITE_KEY and SEGMENT_TOKEN: sending to the Segment emulator; watch its Debugger at {}",
                emulator.debuggerUrl());
    }

    /** The component configuration for an emulator, as Spring Boot properties. */
    private static Map<String, Object> properties(SegmentEmulator emulator) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("camel.component.segment.tracking-url", emulator.trackingUrl());
        properties.put("camel.component.segment.api-url", emulator.apiUrl());
        properties.put("camel.component.segment.write-key", SegmentEmulator.DEMO_SERVER_WRITE_KEY);
        properties.put("camel.component.segment.token", emulator.token());
        properties.put("camel.component.segment.region", "us");
        properties.put("segment.source-id", SegmentEmulator.DEMO_SERVER_SOURCE_ID);
        return properties;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
