package io.camelsegment.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own: {@code java -jar camel-segment-emulator-<version>-standalone.jar --port 8089}.
 * Prints its URLs and serves until the process is stopped.
 */
public final class Main {

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar camel-segment-emulator-standalone.jar [options]",
            "  --port <n>      port to listen on (default 8089; 0 picks a free one)",
            "  --host <addr>   address to listen on (default 127.0.0.1; 0.0.0.0 for all)",
            "  --token <t>     the Public API token to accept (default: a random one, printed at start)",
            "  --rate-limit <n> Public API requests a minute before 429s (default 600; 0 = no limit)",
            "  --no-seed       start with an empty workspace instead of the demo one",
            "  --help          print this help");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SegmentEmulator emulator;
        try {
            emulator = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (emulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "segment-emulator-shutdown"));
        stopped.await();
    }

    /**
     * Starts an emulator from command-line arguments and prints where it is; null after {@code --help}.
     *
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    static SegmentEmulator launch(String[] args, PrintStream out) {
        SegmentEmulator.Builder builder = SegmentEmulator.builder().port(8089);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(parseNumber(value(args, ++i, "--port"), "--port"));
                case "--host" -> builder.host(value(args, ++i, "--host"));
                case "--token" -> builder.expectedToken(value(args, ++i, "--token"));
                case "--rate-limit" -> builder.rateLimitPerMinute(parseNumber(value(args, ++i, "--rate-limit"), "--rate-limit"));
                case "--no-seed" -> builder.seeded(false);
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return null;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        SegmentEmulator emulator = builder.start();
        out.println("Segment emulator running");
        out.println("  Tracking API : " + emulator.trackingUrl());
        out.println("  Public API   : " + emulator.apiUrl());
        out.println("  Debugger     : " + emulator.debuggerUrl());
        // Printed whole: it is this run's own made-up token (or the one given), needed to call the Public API.
        out.println("  API token    : " + emulator.token());
        out.println("  Demo source  : " + SegmentEmulator.DEMO_SOURCE_ID + " (write key " + SegmentEmulator.DEMO_WRITE_KEY + ")");
        out.println("Stop with Ctrl+C.");
        return emulator;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parseNumber(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value);
        }
    }
}
