package io.camelsegment.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop's sign-up service: {@code POST /signups} identifies the new customer and tracks {@code Signed Up} through
 * {@code segment:} endpoints; {@code GET /source/schema-settings} reads the source's schema settings through the
 * Public API. The segment component is configured from {@code camel.component.segment.*} by camel-segment-starter.
 *
 * <p>
 * Without {@code SEGMENT_WRITE_KEY} and {@code SEGMENT_TOKEN} it starts the Segment emulator in this JVM
 * ({@link EmbeddedEmulator}); with them (plus {@code SEGMENT_SOURCE_ID} and optionally {@code SEGMENT_REGION}) it talks
 * to real Segment.
 */
@SpringBootApplication
public class SegmentBootApplication {

    /**
     * @param args Spring Boot arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SegmentBootApplication.class);
        application.addInitializers(new EmbeddedEmulator());
        application.run(args);
    }
}
