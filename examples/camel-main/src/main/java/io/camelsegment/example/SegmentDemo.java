package io.camelsegment.example;

import java.util.List;

import org.apache.camel.main.Main;

/**
 * Runs the demo: customers and orders from the bundled sample go to Segment's Tracking API, then the source is
 * labelled and its schema settings and API-call usage are read through the Public API.
 *
 * <p>
 * Without {@code SEGMENT_WRITE_KEY} and {@code SEGMENT_TOKEN} it runs against an emulator started in this JVM; with
 * them (plus {@code SEGMENT_SOURCE_ID} and optionally {@code SEGMENT_REGION}) against real Segment.
 */
public final class SegmentDemo {

    private SegmentDemo() {
    }

    /**
     * @param args {@code --keep-emulator} keeps the embedded emulator and its Debugger page up after the demo, until
     *             the process is stopped
     */
    public static void main(String[] args) throws Exception {
        SegmentTarget target = SegmentTarget.from(System.getenv());
        boolean keepEmulator = List.of(args).contains(KEEP_EMULATOR);
        if (target.usesEmulator()) {
            System.out.println(emulatorStarted(target, keepEmulator));
        }
        try {
            DemoSummary summary = run(target);
            System.out.println(summary.render(target));
            if (!summary.completed()) {
                throw new IllegalStateException("The demo did not complete", summary.failure());
            }
            if (target.usesEmulator()) {
                System.out.println(emulatorAfterTheDemo(target, keepEmulator));
            }
            if (target.usesEmulator() && keepEmulator) {
                Thread.currentThread().join();
            }
        } finally {
            if (target.usesEmulator()) {
                target.emulator().close();
            }
        }
    }

    /** The argument that keeps the embedded emulator and its Debugger page up after the demo. */
    static final String KEEP_EMULATOR = "--keep-emulator";

    private static final String HOW_TO_KEEP = "the emulator and its Debugger stop when the demo ends; to keep them up, run"
                                              + " with -Ddemo.args=" + KEEP_EMULATOR + " (see examples/camel-main/README.md)";

    /** Printed before the demo: where the Debugger is, and how long it lives. */
    static String emulatorStarted(SegmentTarget target, boolean keepEmulator) {
        return "Segment emulator started; watch the events arrive in its Debugger: " + target.emulator().debuggerUrl()
               + (keepEmulator ? " (it stays up after the demo, until Ctrl+C)" : "\n(" + HOW_TO_KEEP + ")");
    }

    /** Printed after the summary: the Debugger stays up, or goes away now. */
    static String emulatorAfterTheDemo(SegmentTarget target, boolean keepEmulator) {
        return keepEmulator
                ? "The emulator keeps running at " + target.emulator().debuggerUrl() + " (Ctrl+C to stop)"
                : "Stopping the emulator: " + HOW_TO_KEEP + ".";
    }

    static DemoSummary run(SegmentTarget target) throws Exception {
        DemoSummary summary = new DemoSummary();
        Main main = new Main();
        target.properties().forEach(main::addOverrideProperty);
        main.configure().addRoutesBuilder(new DemoRoutes(main, summary));
        main.run();
        return summary;
    }
}
