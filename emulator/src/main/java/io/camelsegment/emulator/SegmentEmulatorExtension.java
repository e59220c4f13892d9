package io.camelsegment.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link SegmentEmulator} for a JUnit 5 test class:
 * <pre>{@code
 * @RegisterExtension
 * static SegmentEmulatorExtension segment = new SegmentEmulatorExtension();
 *
 * @Test
 * void tracks(SegmentEmulator emulator) { ... emulator.acceptedEvents() ... }
 * }</pre>
 * Registered on a static field, one emulator serves the whole class (nested classes included) and is
 * reset before each test, so tests see only their own events and a fresh workspace. Registered on an
 * instance field, each test gets its own emulator. Test and lifecycle methods can take a
 * {@link SegmentEmulator} parameter.
 */
public final class SegmentEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final SegmentEmulator.Builder builder;
    private SegmentEmulator emulator;
    /** The context that started the emulator, the only one that may stop it. */
    private String owner;

    public SegmentEmulatorExtension() {
        this(SegmentEmulator.builder());
    }

    /** With options, e.g. {@code new SegmentEmulatorExtension(SegmentEmulator.builder().expectedToken("t"))}. */
    public SegmentEmulatorExtension(SegmentEmulator.Builder builder) {
        this.builder = builder;
    }

    /** The running emulator. */
    public SegmentEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The Segment emulator runs only while tests of its class run");
        }
        return emulator;
    }

    public String trackingUrl() {
        return emulator().trackingUrl();
    }

    public String apiUrl() {
        return emulator().apiUrl();
    }

    /** The Public API token the running emulator accepts. */
    public String token() {
        return emulator().token();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!startFor(context)) {
            emulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SegmentEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        startFor(extensionContext);
        return emulator;
    }

    /** Starts the emulator unless one runs; true when this call started it. */
    private synchronized boolean startFor(ExtensionContext context) {
        if (emulator != null) {
            return false;
        }
        emulator = builder.start();
        owner = context.getUniqueId();
        return true;
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (emulator != null && context.getUniqueId().equals(owner)) {
            emulator.close();
            emulator = null;
            owner = null;
        }
    }
}
