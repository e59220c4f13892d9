package io.camelsegment.segment.docs;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.segment.SegmentComponent;
import io.camelsegment.segment.SegmentConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_TOKEN;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the documentation's samples as they are written: their {@code {{segment.*}}} placeholders resolve to the
 * emulator's demo workspace, the component sends to the emulator (as {@code camel.component.segment.trackingUrl} and
 * {@code apiUrl} would), and {@code kafka:} endpoints are in-memory queues (a {@code seda} component by that name).
 * Each test adds only the samples it runs, so two samples may use the same {@code direct:} name.
 */
abstract class SampleTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension(SegmentEmulator.builder().expectedToken(DEMO_TOKEN));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SegmentComponent segment = new SegmentComponent();
        SegmentConfiguration configuration = segment.getConfiguration();
        configuration.setTrackingUrl(SEGMENT.trackingUrl());
        configuration.setApiUrl(SEGMENT.apiUrl());
        configuration.setRetryInitialDelay(10);
        context.addComponent("segment", segment);
        context.addComponent("kafka", new SedaComponent());
        return context;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("segment.writeKey", DEMO_WRITE_KEY);
        properties.put("segment.token", DEMO_TOKEN);
        properties.put("segment.sourceId", DEMO_SOURCE_ID);
        properties.put("segment.destinationId", DEMO_DESTINATION_ID);
        return properties;
    }

    SegmentEmulator segment() {
        return SEGMENT.emulator();
    }

    /** The one event the emulator received, after checking that it kept it. */
    TrackedEvent onlyAcceptedEvent() {
        assertThat(segment().droppedEvents()).isEmpty();
        assertThat(segment().acceptedEvents()).hasSize(1);
        return segment().acceptedEvents().get(0);
    }

    /** Waits up to five seconds for what an asynchronous route (a timer, a queue) should have done. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
