package io.camelsegment.benchmarks.throughput;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whole-run throughput, side by side in one JVM against one {@link LoopbackSink}: every contender sends the same
 * events (an "Order Completed" track call of about 550 bytes), a warm-up run then {@code repeats} measured runs,
 * each timed from the first call until the sink counted every event. Prints its progress as it goes, then a
 * Markdown table of medians with ratios, and writes the table and an SVG chart to the output folder.
 *
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.camelsegment.benchmarks.throughput.ThroughputRun
 * [--events 100000] [--repeats 3] [--only name,name] [--out target/throughput] [--fault-ratio 0.1]}
 */
public final class ThroughputRun {

    static final String PROGRESS_THREAD = "throughput-progress";

    /** Medians over the measured runs of one contender. */
    public record Result(String name, String description, double eventsPerSecond, double p50Micros, double p99Micros,
            double bytesPerEvent, double cpuMicrosPerEvent, long failures, int runs, double peakHeapAfterGcMb,
            Map<String, Long> failureTypes) {
    }

    /** The run's settings. */
    public record Settings(int events, int repeats, List<String> only, Path out, double faultRatio) {

        static Settings parse(String... args) {
            int events = 100_000;
            int repeats = 3;
            List<String> only = List.of();
            Path out = Path.of("target", "throughput");
            double faultRatio = 0;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--events" -> events = Integer.parseInt(args[i + 1]);
                    case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                    case "--only" -> only = Arrays.asList(args[i + 1].split(","));
                    case "--out" -> out = Path.of(args[i + 1]);
                    case "--fault-ratio" -> faultRatio = Double.parseDouble(args[i + 1]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; known: --events, --repeats, --only, --out, --fault-ratio");
                }
            }
            return new Settings(events, repeats, only, out, faultRatio);
        }

        boolean selects(String name) {
            return only.isEmpty() || only.stream().anyMatch(name::contains);
        }
    }

    /** Every contender, in the order of the table. */
    public static List<Supplier<Contender>> contenders() {
        return List.of(
                () -> CamelSegmentContender.direct(1),
                () -> CamelSegmentContender.direct(8),
                () -> CamelSegmentContender.direct(32),
                CamelSegmentContender::batched,
                () -> CamelSegmentContender.batched(4),
                () -> CamelSegmentContender.batchedWithFlushCount(500),
                CamelSegmentContender::background,
                () -> CamelSegmentContender.background(4),
                () -> CamelSegmentContender.batch(500, 4),
                AnalyticsJavaContender::defaults,
                AnalyticsJavaContender::tuned,
                () -> new HandWrittenRouteContender(8),
                () -> HttpBatchLimitContender.serializing(500, 4),
                () -> HttpBatchLimitContender.preSerialized(500, 4),
                () -> HttpBatchLimitContender.preSerialized(1, 8));
    }

    private final Settings settings;
    private final PrintStream log;
    private volatile String progress = "";
    private volatile LoopbackSink progressSink;
    private volatile long progressTarget;
    private PeakHeapAfterGc heap;

    ThroughputRun(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        List<Result> results = new ThroughputRun(settings, System.out).run();
        String table = table(settings, results);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(settings.out());
        Files.writeString(settings.out().resolve("throughput.md"), table);
        Files.writeString(settings.out().resolve("throughput.svg"), ThroughputChart.svg(String.format(Locale.ROOT,
                "Events/s counted at the sink, median of %d runs of %,d events", settings.repeats(),
                settings.events()), results));
        System.out.println("Wrote " + settings.out().resolve("throughput.md") + " and throughput.svg");
        System.exit(0);
    }

    /** Runs every selected contender and returns its medians. */
    public List<Result> run() throws Exception {
        List<Result> results = new ArrayList<>();
        Thread monitor = startProgress();
        try (PeakHeapAfterGc watch = PeakHeapAfterGc.listen();
                LoopbackSink sink = settings.faultRatio() > 0 ? LoopbackSink.failing(settings.faultRatio())
                : LoopbackSink.start()) {
            log.printf(Locale.ROOT, "Sink on %s; %,d events per run, %d runs after a warm-up; %d cores, Java %s%n",
                    sink.url(), settings.events(), settings.repeats(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            heap = watch;
            for (Supplier<Contender> supplier : contenders()) {
                Contender contender = supplier.get();
                if (settings.selects(contender.name())) {
                    results.add(measure(contender, sink));
                }
            }
        } finally {
            monitor.interrupt();
        }
        return results;
    }

    private Result measure(Contender contender, LoopbackSink sink) throws Exception {
        List<double[]> runs = new ArrayList<>();
        long failures = 0;
        long withoutGc = 0;
        Map<String, Long> failureTypes = Map.of();
        try (contender) {
            contender.open(sink.url());
            once(contender, sink, "warm-up", Math.max(1000, settings.events() / 10));
            for (int run = 1; run <= settings.repeats(); run++) {
                double[] figures = once(contender, sink, "run " + run + "/" + settings.repeats(), settings.events());
                failures += (long) figures[5];
                failureTypes = FailureTypes.sum(failureTypes, contender.failureTypes());
                withoutGc += figures[7] == 0 ? 1 : 0;
                runs.add(figures);
            }
        }
        Result result = new Result(contender.name(), contender.description(), median(runs, 0), median(runs, 1),
                median(runs, 2), median(runs, 3), median(runs, 4), failures, runs.size(), median(runs, 6),
                failureTypes);
        log.printf(Locale.ROOT, "%-32s %,12.0f events/s  p50 %,9.1f µs  p99 %,10.1f µs  %,8.0f B/event  %,7.1f µs CPU/event"
                + "  peak heap after GC %,.1f MB%s%s%n",
                result.name(), result.eventsPerSecond(), result.p50Micros(), result.p99Micros(),
                result.bytesPerEvent(), result.cpuMicrosPerEvent(), result.peakHeapAfterGcMb(),
                withoutGc > 0 ? " (" + withoutGc + " run(s) without a GC: the level before the run)" : "",
                failures > 0 ? "  (" + failures + " events failed: " + FailureTypes.line(failureTypes) + ")" : "");
        return result;
    }

    /**
     * One run: {events/s, p50 µs, p99 µs, bytes/event, CPU µs/event, failures, peak heap after GC in MB, GCs during
     * the run}.
     */
    private double[] once(Contender contender, LoopbackSink sink, String label, int events) throws Exception {
        heap.restart();
        sink.reset();
        Latencies latencies = new Latencies(events);
        progressTarget = events;
        progressSink = sink;
        progress = contender.name() + " " + label;
        ThreadCosts before = ThreadCosts.snapshot();
        long start = System.nanoTime();
        contender.send(events, latencies);
        long counted = awaitSink(sink, () -> events - contender.failures());
        long elapsed = System.nanoTime() - start;
        long failures = contender.failures();
        ThreadCosts.Spent spent = ThreadCosts.snapshot().since(before);
        long collections = heap.collections();
        double peakMb = heap.peakBytes() / 1e6;
        progress = "";
        if (counted < events - failures) {
            log.printf(Locale.ROOT, "  %s %s: the sink counted only %,d of %,d events%n", contender.name(), label,
                    counted, events);
        }
        return new double[] { counted / (elapsed / 1e9), latencies.percentileMicros(50),
            latencies.percentileMicros(99), (double) spent.bytes() / events, spent.cpuNanos() / 1000.0 / events,
            failures, peakMb, collections };
    }

    /**
     * Waits until the sink counted the {@code expected} events (those not failed, asked again as failures may come
     * late), or until it counted nothing new for 30 s.
     */
    private static long awaitSink(LoopbackSink sink, LongSupplier expected) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long counted = sink.events();
            if (counted >= expected.getAsLong()) {
                return counted;
            }
            if (counted != last) {
                last = counted;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(30)) {
                return counted;
            }
            Thread.sleep(0, 200_000);
        }
    }

    private Thread startProgress() {
        Thread monitor = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(2000);
                    LoopbackSink sink = progressSink;
                    String now = progress;
                    if (!now.isEmpty() && sink != null) {
                        log.printf(Locale.ROOT, "  %s: %,d/%,d events at the sink%n", now, sink.events(),
                                progressTarget);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, PROGRESS_THREAD);
        monitor.setDaemon(true);
        monitor.start();
        return monitor;
    }

    private static double median(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(r -> r[column]).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The Markdown table: medians, and ratios to the tuned analytics-java and to the serialize-and-POST limit. */
    public static String table(Settings settings, List<Result> results) {
        double analytics = rate(results, "analytics-java tuned");
        double limit = rate(results, "limit: Jackson + POST");
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d events per run, median of %d runs%s%n%n", settings.events(),
                settings.repeats(), settings.faultRatio() > 0
                        ? String.format(Locale.ROOT, ", sink failing %.0f%% of requests", settings.faultRatio() * 100)
                        : ""));
        out.append("| Contender | events/s | × analytics-java tuned | × Jackson+POST limit | p50 µs | p99 µs "
                   + "| bytes/event | CPU µs/event | peak heap after GC (MB) | events failed |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %s | %s | %,.0f | %.1f | %,.1f | %d |%n",
                    r.name(), r.eventsPerSecond(), ratio(r.eventsPerSecond(), analytics),
                    ratio(r.eventsPerSecond(), limit), micros(r.p50Micros()), micros(r.p99Micros()),
                    r.bytesPerEvent(), r.cpuMicrosPerEvent(), r.peakHeapAfterGcMb(), r.failures()));
        }
        if (results.stream().anyMatch(r -> r.failures() > 0)) {
            out.append("\n| Contender | events failed, summed over the runs, by exception type |\n|---|---|\n");
            for (Result r : results) {
                out.append("| ").append(r.name()).append(" | ").append(FailureTypes.line(r.failureTypes()))
                        .append(" |\n");
            }
        }
        out.append("\n| Contender | How |\n|---|---|\n");
        for (Result r : results) {
            out.append("| ").append(r.name()).append(" | ").append(r.description()).append(" |\n");
        }
        return out.toString();
    }

    private static double rate(List<Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name) || r.name().startsWith(name))
                .mapToDouble(Result::eventsPerSecond).findFirst().orElse(Double.NaN);
    }

    private static String ratio(double value, double reference) {
        return Double.isNaN(reference) || reference <= 0 ? "–" : String.format(Locale.ROOT, "%.2f", value / reference);
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
