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
        if (target.usesEmulator()) {
            System.out.println("Segment emulator started; watch the events arrive in its Debugger: "
                               + target.emulator().debuggerUrl());
        }
        try {
            DemoSummary summary = run(target);
            System.out.println(summary.render(target));
            if (!summary.completed()) {
                throw new IllegalStateException("The demo did not complete", summary.failure());
            }
            if (target.usesEmulator() && List.of(args).contains("--keep-emulator")) {
                System.out.println("The emulator keeps running at " + target.emulator().debuggerUrl() + " (Ctrl+C to stop)");
                Thread.currentThread().join();
            }
        } finally {
            if (target.usesEmulator()) {
                target.emulator().close();
            }
        }
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
