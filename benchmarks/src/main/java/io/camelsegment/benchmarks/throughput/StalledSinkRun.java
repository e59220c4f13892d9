package io.camelsegment.benchmarks.throughput;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsegment.benchmarks.Events;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Memory at scale: {@code events} track events offered to {@code segment:track} in {@code background} or
 * {@code batched} mode while the sink answers nothing. The queue's bounds must hold: heap after GC grows by at most
 * the queue's bytes plus a fixed overhead; every event past the bound fails its caller at once
 * ({@code queueFullPolicy=fail}) or after waiting {@code queueFullTimeout} ({@code block}); the CamelContext stops
 * within its shutdownTimeout, waking the callers still waiting for room; and every offered exchange ends exactly once
 * (checked and printed).
 *
 * <p>
 * {@code background} exchanges are sent by {@code --callers} threads through a ProducerTemplate (a background
 * exchange completes once queued); {@code batched} exchanges through the endpoint's AsyncProducer, as
 * CamelSegmentContender sends them, at most {@code queueCapacity} + {@value #WINDOW_MARGIN} in flight, so the harness
 * itself never holds the million. Background events a stop gives up on go to a {@code failureUri} route that counts
 * them by messageId. With {@code block}, the context is stopped while the callers are still offering, 5 x
 * queueFullTimeout after the first offer refused as full, or {@code --stop-after} ms after the first offer (otherwise
 * each refused event would hold a caller for queueFullTimeout, for hours); the events offered after the stop fail too
 * and are counted. {@code --stop-after} also stops a {@code fail} run early.
 *
 * <p>
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.camelsegment.benchmarks.throughput.StalledSinkRun
 * [events] [--events 1000000] [--mode background|batched] [--policy fail|block] [--queue-full-timeout 1000]
 * [--callers 1] [--queue-capacity 10000] [--shutdown-timeout 10000] [--stop-after ms]}
 */
public final class StalledSinkRun {

    /** Exchanges in flight beyond the queue's capacity, in batched mode: the ones being refused at the moment. */
    static final int WINDOW_MARGIN = 1000;
    private static final long CALLERS_AFTER_STOP_MINUTES = 10;

    /**
     * The run's settings. The stop begins once every event was offered, or {@code stopAfterMillis} after the first
     * offer (when not -1), or {@code stopAfterFullMillis} after the first offer refused as full (when not -1).
     */
    public record Settings(int events, String mode, String policy, long queueFullTimeoutMillis, int callers,
            int queueCapacity, long shutdownTimeoutMillis, long stopAfterMillis, long stopAfterFullMillis) {

        /** Parses {@code [events] [--option value]...}; no option given is the run as it always was. */
        public static Settings parse(String... args) {
            int events = 1_000_000;
            String mode = "background";
            String policy = "fail";
            long queueFullTimeout = 1000;
            int callers = 1;
            int queueCapacity = 10_000;
            long shutdownTimeout = 10_000;
            Long stopAfter = null;
            int i = 0;
            if (args.length > 0 && !args[0].startsWith("--")) {
                events = Integer.parseInt(args[0]);
                i = 1;
            }
            for (; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--events" -> events = Integer.parseInt(value);
                    case "--mode" -> mode = oneOf("--mode", value, "background", "batched");
                    case "--policy" -> policy = oneOf("--policy", value, "fail", "block");
                    case "--queue-full-timeout" -> queueFullTimeout = Long.parseLong(value);
                    case "--callers" -> callers = Integer.parseInt(value);
                    case "--queue-capacity" -> queueCapacity = Integer.parseInt(value);
                    case "--shutdown-timeout" -> shutdownTimeout = Long.parseLong(value);
                    case "--stop-after" -> stopAfter = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; known: --events,"
                            + " --mode, --policy, --queue-full-timeout, --callers, --queue-capacity,"
                            + " --shutdown-timeout, --stop-after");
                }
            }
            if (events < 1 || callers < 1) {
                throw new IllegalArgumentException("--events and --callers must be 1 or more");
            }
            // blocked callers would take queueFullTimeout per refused event: for hours, unless a stop wakes them
            long stopAfterFull = stopAfter == null && policy.equals("block") ? 5 * queueFullTimeout : -1;
            return new Settings(events, mode, policy, queueFullTimeout, callers, queueCapacity, shutdownTimeout,
                    stopAfter == null ? -1 : stopAfter, stopAfterFull);
        }

        private static String oneOf(String option, String value, String... known) {
            if (!List.of(known).contains(value)) {
                throw new IllegalArgumentException(option + " must be one of " + List.of(known) + " but was " + value);
            }
            return value;
        }

        boolean background() {
            return mode.equals("background");
        }

        String uri(String sinkUrl) {
            return "segment:track?writeKey=bench-key&trackingUrl=RAW(" + sinkUrl + "/v1)&deliveryMode=" + mode
                    + "&queueFullPolicy=" + policy + "&queueFullTimeout=" + queueFullTimeoutMillis
                    + "&queueCapacity=" + queueCapacity + "&shutdownTimeout=" + shutdownTimeoutMillis
                    + (background() ? "&failureUri=" + FailureEndpointRecord.URI : "");
        }

        String describe() {
            return String.format(Locale.ROOT, "deliveryMode=%s, queueFullPolicy=%s%s, queueCapacity=%,d,"
                    + " shutdownTimeout=%,d ms, %d caller%s, stop %s", mode, policy,
                    policy.equals("block") ? ", queueFullTimeout=" + queueFullTimeoutMillis + " ms" : "",
                    queueCapacity, shutdownTimeoutMillis, callers, callers == 1 ? "" : "s",
                    stopAfterMillis >= 0 ? "at the latest " + stopAfterMillis + " ms after the first offer"
                            : stopAfterFullMillis >= 0 ? "at the latest " + stopAfterFullMillis
                                    + " ms after the first offer refused as full"
                                    : "once every event was offered");
        }
    }

    /**
     * What one run observed.
     *
     * @param failures          failed exchanges by the simple name of the exception their caller met
     * @param heapGrowthBytes   heap after GC when the stop began, less heap after GC once the endpoint's first event
     *                          was queued
     * @param maxHeapAfterGc    the most heap still used after any GC between the first offer and the stop
     * @param pendingAtStop     exchanges offered but not ended when the stop began: batched exchanges waiting in the
     *                          queue, and callers waiting for room
     * @param endedTwice        exchanges that ended a second time (a defect)
     * @param neverEnded        offered exchanges that had not ended when the run gave up waiting (a defect)
     * @param delivered         events the sink counted (none: it never answers)
     * @param handedToFailureUri distinct background events the stop handed to the failureUri route
     * @param refusedAfterMillis shortest and longest time a caller spent on an offer refused as full ({-1, -1}: none)
     * @param acceptedBeforeStop exchanges accepted before the stop began; the others were accepted while it ran
     */
    public record Outcome(int offered, long accepted, long acceptedBeforeStop, Map<String, Long> failures,
            long heapGrowthBytes,
            long stopMillis, long maxHeapAfterGc, long collections, long pendingAtStop, long endedTwice,
            long neverEnded, long delivered, long handedToFailureUri, long handedTwice,
            Map<String, Long> failureUriCauses, long[] refusedAfterMillis, boolean background) {

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Every offered exchange ended exactly once: accepted, or failed its caller. */
        public boolean everyExchangeEndedOnce() {
            return accepted + failed() == offered && endedTwice == 0 && neverEnded == 0;
        }

        /** Every accepted background event was delivered, or handed to the failureUri once. */
        public boolean everyAcceptedEventAccountedFor() {
            return !background || delivered + handedToFailureUri == accepted && handedTwice == 0;
        }

        public boolean addsUp() {
            return everyExchangeEndedOnce() && everyAcceptedEventAccountedFor();
        }

        String line() {
            return String.format(Locale.ROOT,
                    "offered %,d: accepted %,d, failed %s; heap after GC grew by %,d bytes (%.1f MB); stop took %,d ms",
                    offered, accepted, failures, heapGrowthBytes, heapGrowthBytes / 1e6, stopMillis);
        }

        List<String> details() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "max heap after GC while offering %.1f MB (%,d GCs while offering;"
                    + " with none, the level after a forced GC before it); %,d exchanges not yet ended when the stop"
                    + " began",
                    maxHeapAfterGc / 1e6, collections, pendingAtStop));
            if (refusedAfterMillis[0] >= 0) {
                lines.add(String.format(Locale.ROOT, "offers refused as full took %,d to %,d ms", refusedAfterMillis[0],
                        refusedAfterMillis[1]));
            }
            lines.add(String.format(Locale.ROOT, "%s: %,d accepted (%,d of them after the stop began) + %,d failed"
                    + " = %,d of %,d offered; ended twice %,d, never ended %,d",
                    everyExchangeEndedOnce() ? "every exchange ended exactly once" : "EXCHANGES DO NOT ADD UP",
                    accepted, accepted - acceptedBeforeStop, failed(), accepted + failed(), offered, endedTwice,
                    neverEnded));
            if (background) {
                lines.add(String.format(Locale.ROOT, "%s: delivered %,d + handed to failureUri %,d %s = %,d of %,d"
                        + " accepted%s", everyAcceptedEventAccountedFor() ? "every accepted event accounted for"
                                : "ACCEPTED EVENTS MISSING", delivered, handedToFailureUri, failureUriCauses,
                        delivered + handedToFailureUri, accepted,
                        handedTwice > 0 ? "; handed over twice " + handedTwice : ""));
            }
            return lines;
        }
    }

    private final Settings settings;
    private final PrintStream log;
    private final ExchangeEndings endings = new ExchangeEndings();
    private final FailureEndpointRecord failureEndpoint = new FailureEndpointRecord();
    private final AtomicBoolean stopping = new AtomicBoolean();

    StalledSinkRun(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        System.out.println("Stalled sink, " + String.format(Locale.ROOT, "%,d", settings.events()) + " events: "
                + settings.describe());
        Outcome outcome = new StalledSinkRun(settings, System.out).run();
        System.out.println(outcome.line());
        outcome.details().forEach(System.out::println);
        System.exit(outcome.addsUp() ? 0 : 1);
    }

    /** Offers the events, stops the CamelContext, and waits for every exchange to end. */
    public Outcome run() throws Exception {
        try (LoopbackSink sink = LoopbackSink.stalled(); PeakHeapAfterGc heap = PeakHeapAfterGc.listen()) {
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(failureEndpoint);
            context.start();
            Offers offers = offers(context, sink.url());
            offers.offer(0);
            long before = heapAfterGc();
            heap.restart();
            Thread progress = startProgress();
            ExecutorService callers = startCallers(offers);
            try {
                callers.shutdown();
                boolean offeredAll = awaitStopMoment(callers);
                long maxHeap = heap.peakBytes();
                long collections = heap.collections();
                long growth = heapAfterGc() - before;
                long pendingAtStop = endings.offered() - endings.ended();
                stopping.set(true);
                endings.stopBegins();
                long start = System.nanoTime();
                context.stop();
                long stopMillis = (System.nanoTime() - start) / 1_000_000;
                if (!offeredAll && !callers.awaitTermination(CALLERS_AFTER_STOP_MINUTES, TimeUnit.MINUTES)) {
                    log.printf(Locale.ROOT, "  callers still offering %d minutes after the stop%n",
                            CALLERS_AFTER_STOP_MINUTES);
                }
                long neverEnded = awaitEnded();
                return new Outcome(settings.events(), endings.accepted(), endings.acceptedBeforeStop(),
                        endings.failures(), growth, stopMillis,
                        maxHeap, collections, pendingAtStop, endings.endedTwice(), neverEnded, sink.events(),
                        failureEndpoint.events(), failureEndpoint.handedTwice(), failureEndpoint.causes(),
                        endings.refusalMillis(), settings.background());
            } finally {
                callers.shutdownNow();
                progress.interrupt();
                offers.close();
            }
        }
    }

    /** One event offered, its ending counted; a batched one ends later, on the endpoint's callback. */
    private interface Offers extends AutoCloseable {
        void offer(int event);

        @Override
        void close() throws Exception;
    }

    private Offers offers(CamelContext context, String sinkUrl) throws Exception {
        String uri = settings.uri(sinkUrl);
        if (settings.background()) {
            ProducerTemplate template = context.createProducerTemplate();
            return new Offers() {
                @Override
                public void offer(int event) {
                    ExchangeEndings.Ending ending = endings.offer(System.nanoTime());
                    try {
                        template.sendBody(uri, Events.orderCompleted(event));
                        ending.ended(null);
                    } catch (RuntimeException failure) {
                        ending.ended(failure);
                    }
                }

                @Override
                public void close() throws Exception {
                    template.close();
                }
            };
        }
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        Semaphore window = new Semaphore(settings.queueCapacity() + WINDOW_MARGIN);
        return new Offers() {
            @Override
            public void offer(int event) {
                window.acquireUninterruptibly();
                Exchange exchange = endpoint.createExchange();
                exchange.getIn().setBody(Events.orderCompleted(event));
                ExchangeEndings.Ending ending = endings.offer(System.nanoTime());
                try {
                    producer.process(exchange, doneSync -> {
                        ending.ended(exchange.getException());
                        window.release();
                    });
                } catch (RuntimeException failure) {
                    ending.ended(failure);
                    window.release();
                }
            }

            @Override
            public void close() throws Exception {
                producer.stop();
            }
        };
    }

    private ExecutorService startCallers(Offers offers) {
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(settings.callers(), r -> {
            Thread thread = new Thread(r, "stalled-caller-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int t = 0; t < settings.callers(); t++) {
            callers.submit(() -> {
                for (int event = next.getAndIncrement(); event < settings.events(); event = next.getAndIncrement()) {
                    offers.offer(event);
                }
            });
        }
        return callers;
    }

    /** Returns once the stop is due: true when every event was offered by then. */
    private boolean awaitStopMoment(ExecutorService callers) throws InterruptedException {
        long start = System.nanoTime();
        while (!callers.awaitTermination(10, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (settings.stopAfterMillis() >= 0 && now - start >= TimeUnit.MILLISECONDS.toNanos(
                    settings.stopAfterMillis())) {
                return false;
            }
            long refused = endings.firstRefusalNanos();
            if (settings.stopAfterFullMillis() >= 0 && refused != 0 && now - refused >= TimeUnit.MILLISECONDS.toNanos(
                    settings.stopAfterFullMillis())) {
                return false;
            }
        }
        return true;
    }

    /** Waits for the exchanges still in flight (batched ones end on a callback); returns how many never ended. */
    private long awaitEnded() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (endings.ended() < endings.offered() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return endings.offered() - endings.ended();
    }

    private Thread startProgress() {
        Thread progress = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(2000);
                    log.printf(Locale.ROOT, "  stalled sink: %,d/%,d offered, %,d accepted, %,d failed%s%n",
                            endings.offered(), settings.events(), endings.accepted(), endings.failed(),
                            stopping.get() ? " (stopping)" : "");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stalled-progress");
        progress.setDaemon(true);
        progress.start();
        return progress;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
