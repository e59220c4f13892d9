package io.camelsegment.emulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One emulator per test class, reset before each test, and a plain HTTP client for it. */
abstract class EmulatorTestSupport {

    @RegisterExtension
    static SegmentEmulatorExtension segment = new SegmentEmulatorExtension();

    protected SegmentEmulator emulator;
    protected EmulatorClient client;

    @BeforeEach
    void client(SegmentEmulator emulator) {
        this.emulator = emulator;
        client = new EmulatorClient(emulator);
    }
}
