package io.camelsegment.benchmarks.throughput;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.camelsegment.benchmarks.Events;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Memory at scale: {@code offered} events sent to {@code segment:track?deliveryMode=background} while the sink
 * answers nothing. The queue's bounds must hold: heap after GC grows by at most the queue's bytes plus a fixed
 * overhead, every event past the bound fails its caller (queueFullPolicy=fail), and the CamelContext stops within
 * its shutdownTimeout.
 *
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.camelsegment.benchmarks.throughput.StalledSinkRun [offered]}
 */
public final class StalledSinkRun {

    /** What one run observed. */
    public record Outcome(int offered, int accepted, Map<String, Integer> failures, long heapGrowthBytes,
            long stopMillis) {

        String line() {
            return String.format(Locale.ROOT,
                    "offered %,d: accepted %,d, failed %s; heap after GC grew by %,d bytes (%.1f MB); stop took %,d ms",
                    offered, accepted, failures, heapGrowthBytes, heapGrowthBytes / 1e6, stopMillis);
        }
    }

    private StalledSinkRun() {
    }

    public static void main(String[] args) throws Exception {
        int offered = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.println(run(offered, "queueCapacity=10000&shutdownTimeout=10000").line());
        System.exit(0);
    }

    /** Offers {@code offered} events from one caller to a background endpoint with the given queue options. */
    public static Outcome run(int offered, String queueOptions) throws Exception {
        try (LoopbackSink sink = LoopbackSink.stalled()) {
            CamelContext context = new DefaultCamelContext();
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String uri = "segment:track?writeKey=bench-key&trackingUrl=RAW(" + sink.url()
                    + "/v1)&deliveryMode=background&queueFullPolicy=fail&" + queueOptions;
            template.sendBody(uri, Events.orderCompleted(0));
            long before = heapAfterGc();
            int accepted = 1;
            Map<String, Integer> failures = new TreeMap<>();
            for (int i = 1; i < offered; i++) {
                try {
                    template.sendBody(uri, Events.orderCompleted(i));
                    accepted++;
                } catch (CamelExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                }
                if (i % 200_000 == 0) {
                    System.out.printf(Locale.ROOT, "  stalled sink: %,d/%,d offered, %,d accepted%n", i, offered,
                            accepted);
                }
            }
            long growth = heapAfterGc() - before;
            long start = System.nanoTime();
            context.stop();
            long stopMillis = (System.nanoTime() - start) / 1_000_000;
            return new Outcome(offered, accepted, failures, growth, stopMillis);
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
