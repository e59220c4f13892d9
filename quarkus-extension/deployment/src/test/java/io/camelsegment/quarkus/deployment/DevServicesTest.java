package io.camelsegment.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.camelsegment.quarkus.devui.DeliveryQueueFigures;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** With nothing configured to reach Segment, test mode runs the emulator on the configured port and points the component at it. */
class DevServicesTest {

    /** Chosen once per JVM: this class is loaded twice, by JUnit and again by the application's class loader. */
    private static final int PORT = port();

    @RegisterExtension
    static final QuarkusUnitTest QUARKUS = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(BuildItemProbe.class))
            .overrideConfigKey("quarkus.camel.segment.devservices.port", String.valueOf(PORT))
            .addBuildChainCustomizer(BuildItemProbe.recordBuildItems());

    @Test
    void theEmulatorRunsOnTheConfiguredPort() {
        assertThat(BuildItemProbe.recorded("devServices")).contains("camel-segment");
        assertThat(value("camel.component.segment.trackingUrl")).isEqualTo("http://127.0.0.1:" + PORT + "/v1");
        assertThat(value("camel.component.segment.apiUrl")).isEqualTo("http://127.0.0.1:" + PORT);
    }

    @Test
    void theComponentGetsTheEmulatorsTokenAndAWriteKey() {
        assertThat(value("camel.component.segment.token")).startsWith("sgp_emulator_");
        assertThat(value("camel.component.segment.writeKey")).isEqualTo(EmulatorService.WRITE_KEY);
    }

    @Test
    void theDevUiCardLinksToTheDebuggerWithEventCounts() {
        assertThat(BuildItemProbe.recorded("cardPages")).startsWith(
                "Received events|" + SegmentDevUiProcessor.RECEIVED_EVENTS,
                "Dropped events|" + SegmentDevUiProcessor.DROPPED_EVENTS);
        assertThat(BuildItemProbe.recorded("actions")).contains(SegmentDevUiProcessor.DEBUGGER_URL,
                SegmentDevUiProcessor.RECEIVED_EVENTS, SegmentDevUiProcessor.DROPPED_EVENTS);
    }

    @Test
    void theDevUiCardShowsTheQueuesFiguresReadFromTheApplication() {
        assertThat(BuildItemProbe.recorded("cardPages")).endsWith(
                "Events queued|" + SegmentDevUiProcessor.EVENTS_QUEUED,
                "Events failed|" + SegmentDevUiProcessor.EVENTS_FAILED,
                "Background events failed|" + SegmentDevUiProcessor.BACKGROUND_EVENTS_FAILED);
        assertThat(BuildItemProbe.recorded("jsonRpcProviders")).contains(DeliveryQueueFigures.class.getName());
    }

    private static String value(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private static int port() {
        Integer chosen = Integer.getInteger("segment.test.devServicesPort");
        if (chosen != null) {
            return chosen;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("segment.test.devServicesPort", String.valueOf(socket.getLocalPort()));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
