package io.camelsegment.benchmarks.throughput;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Startup to first event: for each contender, a fresh JVM (same java, same classpath) starts it from nothing and
 * sends one track call to a sink in this JVM; the time runs from just before the child process is spawned to the
 * moment the sink counted the event. Contenders alternate, their order flipping each repetition; medians and the
 * ratio are printed as a Markdown table.
 *
 * <pre>java -cp benchmarks.jar io.camelsegment.benchmarks.throughput.StartupRun [--repeats 5] [--warmups 1]</pre>
 */
public final class StartupRun {

    /** The contenders by name, as {@link FirstEventProcess} takes them. */
    public static final List<String> CONTENDERS = List.of("camel-segment", "analytics-java");

    private static final long CHILD_TIMEOUT_SECONDS = 120;

    /** One contender's times, in milliseconds, in the order measured. */
    public record Result(String contender, List<Double> millis) {

        public double median() {
            List<Double> sorted = millis.stream().sorted().toList();
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }

        public double min() {
            return millis.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        public double max() {
            return millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    private final int repeats;
    private final int warmups;
    private final PrintStream out;

    public StartupRun(int repeats, int warmups, PrintStream out) {
        if (repeats < 1 || warmups < 0) {
            throw new IllegalArgumentException("repeats must be at least 1 and warmups at least 0, got " + repeats
                    + " and " + warmups);
        }
        this.repeats = repeats;
        this.warmups = warmups;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int repeats = 5;
        int warmups = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; known: --repeats N, --warmups N");
            }
        }
        List<Result> results = new StartupRun(repeats, warmups, System.out).run();
        System.out.println();
        System.out.println(table(results));
    }

    /** The contender a child JVM runs: {@code segment:track} in direct mode, or analytics-java with its defaults. */
    static Contender contender(String name) {
        return switch (name) {
            case "camel-segment" -> CamelSegmentContender.direct(1);
            case "analytics-java" -> AnalyticsJavaContender.defaults();
            default -> throw new IllegalArgumentException("Unknown contender " + name + "; known: " + CONTENDERS);
        };
    }

    public List<Result> run() throws Exception {
        for (int i = 0; i < warmups; i++) {
            for (String contender : CONTENDERS) {
                out.printf(Locale.ROOT, "warm-up %s: %.0f ms%n", contender, firstEventMillis(contender));
            }
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        CONTENDERS.forEach(contender -> times.put(contender, new ArrayList<>()));
        for (int run = 1; run <= repeats; run++) {
            List<String> order = new ArrayList<>(CONTENDERS);
            if (run % 2 == 0) {
                Collections.reverse(order);
            }
            for (String contender : order) {
                double millis = firstEventMillis(contender);
                times.get(contender).add(millis);
                out.printf(Locale.ROOT, "run %d/%d %s: %.0f ms%n", run, repeats, contender, millis);
            }
        }
        List<Result> results = new ArrayList<>();
        times.forEach((contender, millis) -> results.add(new Result(contender, List.copyOf(millis))));
        return results;
    }

    /** Spawns one child for {@code contender} against a fresh sink; the time until the sink counted its event. */
    static double firstEventMillis(String contender) throws Exception {
        Path log = Files.createTempFile("startup-" + contender, ".log");
        try (LoopbackSink sink = LoopbackSink.start()) {
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    FirstEventProcess.class.getName(), contender, sink.url())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long spawned = System.nanoTime();
            Process child = builder.start();
            if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException(contender + ": the child JVM did not exit within "
                        + CHILD_TIMEOUT_SECONDS + " s; its output:\n" + tail(log));
            }
            if (child.exitValue() != 0 || sink.events() != 1) {
                throw new IllegalStateException(contender + ": the child JVM exited with " + child.exitValue()
                        + " and the sink counted " + sink.events() + " events (1 expected); its output:\n" + tail(log));
            }
            return (sink.firstEventNanos() - spawned) / 1e6;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    /** A Markdown table of each contender's median, min and max, and the median's ratio to analytics-java's. */
    public static String table(List<Result> results) {
        double reference = results.stream().filter(result -> result.contender().equals("analytics-java"))
                .mapToDouble(Result::median).findFirst().orElse(Double.NaN);
        StringBuilder table = new StringBuilder()
                .append("| Contender | What the child JVM does | median ms | min–max ms | runs | × analytics-java |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Result result : results) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f–%.0f | %d | %.2f× |%n",
                    result.contender(), doing(result.contender()), result.median(), result.min(), result.max(),
                    result.millis().size(), result.median() / reference));
        }
        return table.toString();
    }

    private static String doing(String contender) {
        return contender.equals("camel-segment")
                ? "DefaultCamelContext started, `segment:track?deliveryMode=direct` sent once by a ProducerTemplate"
                : "`Analytics.builder(...).endpoint(...).build()`, one `enqueue`, `flush()`";
    }
}
