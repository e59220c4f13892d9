package io.camelsegment.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures each engine on each scenario by the CPU time and the bytes its thread spends, not by the clock: on a
 * machine shared with other work the clock counts time this thread waited for a core, CPU time does not.
 *
 * <p>
 * {@code java -cp target/benchmarks.jar io.camelsegment.benchmarks.CpuTimeRun [rounds] [msPerRound] [engine...]}: a
 * warm-up round, then {@code rounds} rounds; prints the median per event of each.
 */
public final class CpuTimeRun {

    /** One engine on one scenario: medians over the rounds, per event. */
    public record Figures(String engine, Scenario scenario, double cpuMicros, double bytes, int rounds) {

        String line() {
            return String.format(Locale.ROOT, "| %-14s | %-15s | %10.2f | %10.0f | %6d |", engine, scenario, cpuMicros,
                    bytes, rounds);
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CpuTimeRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        List<String> engines = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("camel-segment");
        System.out.println("| engine         | scenario        | CPU µs/event | bytes/event | rounds |");
        System.out.println("|----------------|-----------------|------------|------------|--------|");
        for (String engine : engines) {
            for (Scenario scenario : Scenario.values()) {
                System.out.println(measure(engine, scenario, rounds, millis).line());
            }
        }
    }

    /** A warm-up round of {@code millis} of CPU time, then {@code rounds} more, each its own median sample. */
    public static Figures measure(String engineName, Scenario scenario, int rounds, long millis) {
        Engine engine = Engines.named(engineName);
        Object body = scenario.body();
        round(engine, scenario, body, millis);
        double[] cpu = new double[rounds];
        double[] bytes = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double[] sample = round(engine, scenario, body, millis);
            cpu[i] = sample[0];
            bytes[i] = sample[1];
        }
        return new Figures(engineName, scenario, median(cpu), median(bytes), rounds);
    }

    /** Calls the engine until {@code millis} of this thread's CPU time are spent; returns µs and bytes per event. */
    private static double[] round(Engine engine, Scenario scenario, Object body, long millis) {
        long thread = Thread.currentThread().getId();
        long budget = millis * 1_000_000L;
        List<Object> keep = new ArrayList<>(1);
        long calls = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long bytesStart = THREADS.getThreadAllocatedBytes(thread);
        long cpuNow;
        do {
            for (int i = 0; i < 100; i++) {
                keep.clear();
                keep.add(engine.prepare(scenario, body));
            }
            calls += 100;
            cpuNow = THREADS.getCurrentThreadCpuTime();
        } while (cpuNow - cpuStart < budget);
        long bytes = THREADS.getThreadAllocatedBytes(thread) - bytesStart;
        double events = (double) calls * scenario.events();
        return new double[] { (cpuNow - cpuStart) / 1_000.0 / events, bytes / events };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
