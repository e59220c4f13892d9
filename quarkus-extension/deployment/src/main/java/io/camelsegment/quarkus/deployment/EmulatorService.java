package io.camelsegment.quarkus.deployment;

import java.util.Map;
import java.util.function.Function;

import io.camelsegment.emulator.SegmentEmulator;
import io.quarkus.deployment.builditem.Startable;
import org.jboss.logging.Logger;

/**
 * The Segment emulator as a Dev Service: started in the JVM that runs dev mode or the tests, never in the application.
 */
final class EmulatorService implements Startable {

    private static final Logger LOG = Logger.getLogger(EmulatorService.class);

    /** Any non-blank key is accepted by the emulator; this one names what it is in the Debugger's last four. */
    static final String WRITE_KEY = "devServicesWriteKey0000000000dev0";

    /** The component options Dev Services set, and where each value comes from. */
    static final Map<String, Function<EmulatorService, String>> CONFIG = Map.of(
            "camel.component.segment.trackingUrl", service -> service.emulator.trackingUrl(),
            "camel.component.segment.apiUrl", service -> service.emulator.apiUrl(),
            "camel.component.segment.token", service -> service.emulator.token(),
            "camel.component.segment.writeKey", service -> WRITE_KEY);

    private final int port;
    private final RunningEmulator running;
    private SegmentEmulator emulator;

    EmulatorService(int port, RunningEmulator running) {
        this.port = port;
        this.running = running;
    }

    @Override
    public void start() {
        emulator = SegmentEmulator.builder().port(port).start();
        running.set(emulator);
        LOG.infof("Dev Services for Camel Segment started the Segment emulator; its Debugger: %s", emulator.debuggerUrl());
    }

    @Override
    public String getConnectionInfo() {
        return emulator == null ? null : emulator.debuggerUrl();
    }

    /** Not a container: the emulator runs inside this JVM. */
    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        if (emulator != null) {
            running.clear(emulator);
            emulator.close();
        }
    }
}
