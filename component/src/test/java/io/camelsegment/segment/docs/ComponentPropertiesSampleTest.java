package io.camelsegment.segment.docs;

import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.segment.SegmentComponent;
import io.camelsegment.segment.SegmentConfiguration;
import io.camelsegment.segment.SegmentRegion;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_TOKEN;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code application.properties} sample of README.md and the guide, read by Camel Main. */
class ComponentPropertiesSampleTest {

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension(SegmentEmulator.builder().expectedToken(DEMO_TOKEN));

    /** {@code {{env:NAME}}} from a map instead of the process environment. */
    private record StandInEnv(Map<String, String> variables) implements PropertiesFunction {
        @Override
        public String getName() {
            return "env";
        }

        @Override
        public String apply(String remainder) {
            return variables.get(remainder);
        }
    }

    @Test
    void theKeysAndTheRegionConfigureEverySegmentEndpoint(SegmentEmulator segment) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("classpath:docs/component.properties");
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport main) {
                main.getCamelContext().getPropertiesComponent().addPropertiesFunction(
                        new StandInEnv(Map.of("SEGMENT_WRITE_KEY", DEMO_WRITE_KEY, "SEGMENT_TOKEN", DEMO_TOKEN)));
            }
        });
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // the emulator stands in for the EU hosts
                from("direct:identify").to("segment:identify?trackingUrl=" + SEGMENT.trackingUrl());
                from("direct:settings").to("segment:listSchemaSettingsInSource?sourceId=" + SegmentEmulator.DEMO_SOURCE_ID
                                           + "&apiUrl=" + SEGMENT.apiUrl());
            }
        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            SegmentConfiguration configuration = context.getComponent("segment", SegmentComponent.class).getConfiguration();
            assertThat(configuration.getRegion()).isEqualTo(SegmentRegion.EU);
            assertThat(configuration.getWriteKey()).isEqualTo(DEMO_WRITE_KEY);

            context.createProducerTemplate().sendBody("direct:identify", Map.of("userId", "u-1"));
            Object settings = context.createProducerTemplate().requestBody("direct:settings", "");

            assertThat(segment.acceptedEvents()).hasSize(1);
            assertThat(segment.acceptedEvents().get(0).writeKeyLast4()).isEqualTo(DEMO_WRITE_KEY.substring(DEMO_WRITE_KEY.length() - 4));
            assertThat(settings).isInstanceOf(Map.class);
            assertThat(segment.publicApiRequests()).extracting(r -> r.status()).containsExactly(200);
        } finally {
            main.stop();
        }
    }

    /** What the guide's credentials section says: RAW(...) is URI syntax; a property value keeps it and it is sent. */
    @Test
    void rawInAPropertyValueIsSentLiterally(SegmentEmulator segment) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.segment.writeKey", "RAW(k+1)");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:identify").to("segment:identify?trackingUrl=" + SEGMENT.trackingUrl());
            }
        });
        main.start();
        try {
            main.getCamelContext().createProducerTemplate().sendBody("direct:identify", Map.of("userId", "u-1"));

            assertThat(main.getCamelContext().getComponent("segment", SegmentComponent.class).getConfiguration().getWriteKey())
                    .isEqualTo("RAW(k+1)");
            assertThat(segment.acceptedEvents()).extracting(e -> e.writeKeyLast4()).containsExactly("k+1)");
        } finally {
            main.stop();
        }
    }
}
