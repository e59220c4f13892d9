package io.camelsegment.benchmarks.throughput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelsegment.benchmarks.Events;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * This component, as a route uses it: {@code segment:track} in one delivery mode, or {@code segment:batch} with
 * caller-built batches. Synchronous callers ({@code direct}, {@code batch}) are threads calling a ProducerTemplate;
 * {@code batched} and {@code background} get many exchanges in flight through the endpoint's asynchronous producer,
 * as a route fed by Kafka or JMS would (a bounded number in flight, below the queue's capacity).
 */
public final class CamelSegmentContender implements Contender {

    /** How exchanges reach the endpoint. */
    public enum Shape { SYNC_CALLERS, ASYNC_IN_FLIGHT }

    private static final int IN_FLIGHT = 4000;
    private static final String ROUTE = "direct:segment";
    private static final String FAILED = "direct:segment-failed";

    private final String name;
    private final String operation;
    private final String options;
    private final Shape shape;
    private final int callers;
    private final int batchSize;
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> failureTypes = new ConcurrentHashMap<>();
    private CamelContext context;
    private ProducerTemplate template;
    private Callers pool;
    private String uri;

    private CamelSegmentContender(String name, String operation, String options, Shape shape, int callers,
            int batchSize) {
        this.name = name;
        this.operation = operation;
        this.options = options;
        this.shape = shape;
        this.callers = callers;
        this.batchSize = batchSize;
    }

    /** {@code segment:track?deliveryMode=direct} called by {@code callers} threads. */
    public static CamelSegmentContender direct(int callers) {
        return new CamelSegmentContender("segment:track direct x" + callers, "track", "deliveryMode=direct",
                Shape.SYNC_CALLERS, callers, 1);
    }

    /** {@code segment:track?deliveryMode=batched}, {@value #IN_FLIGHT} exchanges in flight from one thread. */
    public static CamelSegmentContender batched() {
        return batched(1);
    }

    /** The same, {@code threads} threads offering exchanges, {@value #IN_FLIGHT} in flight between them. */
    public static CamelSegmentContender batched(int threads) {
        return new CamelSegmentContender("segment:track batched" + (threads == 1 ? "" : " x" + threads), "track",
                "deliveryMode=batched", Shape.ASYNC_IN_FLIGHT, threads, 1);
    }

    /**
     * {@code segment:track?deliveryMode=batched&flushCount=...} from one thread, {@value #IN_FLIGHT} exchanges in
     * flight: with 500, the batches are the size of the serialize-and-POST limit's, twice the default's 250.
     */
    public static CamelSegmentContender batchedWithFlushCount(int flushCount) {
        return new CamelSegmentContender("segment:track batched flushCount=" + flushCount, "track",
                "deliveryMode=batched&flushCount=" + flushCount, Shape.ASYNC_IN_FLIGHT, 1, 1);
    }

    /** {@code segment:track?deliveryMode=background}; a full queue blocks the caller rather than failing it. */
    public static CamelSegmentContender background() {
        return background(1);
    }

    /** The same, {@code threads} threads offering exchanges. */
    public static CamelSegmentContender background(int threads) {
        return new CamelSegmentContender("segment:track background" + (threads == 1 ? "" : " x" + threads), "track",
                "deliveryMode=background&queueFullPolicy=block&queueFullTimeout=60000&failureUri=" + FAILED,
                Shape.ASYNC_IN_FLIGHT,
                threads, 1);
    }

    /** {@code segment:batch} with caller-built batches of {@code size} events, from {@code callers} threads. */
    public static CamelSegmentContender batch(int size, int callers) {
        return new CamelSegmentContender("segment:batch of " + size + " x" + callers, "batch", "", Shape.SYNC_CALLERS,
                callers, size);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        String how = shape == Shape.SYNC_CALLERS
                ? callers + " calling thread" + (callers == 1 ? "" : "s") + " (ProducerTemplate.sendBody to a direct: route)"
                : IN_FLIGHT + " exchanges in flight (the endpoint's AsyncProducer), offered by " + callers + " thread"
                        + (callers == 1 ? "" : "s");
        return "segment:" + operation + (options.isEmpty() ? "" : "?" + options) + ", other options default; " + how;
    }

    @Override
    public void open(String sinkUrl) throws Exception {
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
        uri = "segment:" + operation + "?writeKey=bench-key&trackingUrl=RAW(" + sinkUrl + "/v1)"
                + (options.isEmpty() ? "" : "&" + options);
        // callers go through a route, as users' and the hand-written contender's do: a template sending to the
        // segment: URI itself would parse that long URI on every call, which no route does
        String endpointUri = uri;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).to(endpointUri);
                // what Segment finally refused in background mode: counted as failed, by type, never just missing
                from(FAILED).process(exchange -> {
                    failureTypes.merge(FailureTypes.of(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)),
                            1L, Long::sum);
                    failures.incrementAndGet();
                });
            }
        });
        pool = new Callers(name.replace(' ', '-'), callers);
    }

    @Override
    public void send(int events, Latencies latencies) throws Exception {
        failures.set(0);
        failureTypes.clear();
        if (shape == Shape.ASYNC_IN_FLIGHT) {
            sendInFlight(events, latencies);
            pool.takeFailures();
            Exception failed = pool.takeFirstFailure();
            if (failed != null) {
                throw new IllegalStateException(name + " could not send", failed);
            }
            return;
        }
        pool.run(events, batchSize, latencies, (from, to) -> {
            Object body = batchSize == 1 ? Events.orderCompleted(from) : batchBody(from, to);
            template.sendBody(ROUTE, body);
        });
        failures.addAndGet(pool.takeFailures());
        failureTypes.putAll(pool.failureTypes());
    }

    private void sendInFlight(int events, Latencies latencies) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        try {
            int share = (events + callers - 1) / callers;
            pool.run(events, share, new Latencies(callers),
                    (from, to) -> offer(endpoint, producer, from, to, IN_FLIGHT / callers, latencies));
        } finally {
            producer.stop();
        }
    }

    /** Offers events {@code from..to-1} with at most {@code inFlight} exchanges not yet completed. */
    private void offer(Endpoint endpoint, AsyncProducer producer, int from, int to, int inFlight, Latencies latencies)
            throws InterruptedException {
        Semaphore room = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(to - from);
        for (int i = from; i < to; i++) {
            room.acquire();
            Exchange exchange = endpoint.createExchange();
            exchange.getIn().setBody(Events.orderCompleted(i));
            long start = System.nanoTime();
            producer.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    failures.incrementAndGet();
                    failureTypes.merge(FailureTypes.of(exchange.getException()), 1L, Long::sum);
                }
                latencies.record(start);
                room.release();
                done.countDown();
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(name + ": exchanges still in flight after 10 minutes");
        }
    }

    private static Map<String, Object> batchBody(int from, int to) {
        List<Object> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Map<String, Object> message = Events.orderCompleted(i);
            message.put("type", "track");
            batch.add(message);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batch", batch);
        return body;
    }

    @Override
    public long failures() {
        return failures.get();
    }

    @Override
    public Map<String, Long> failureTypes() {
        return new TreeMap<>(failureTypes);
    }

    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
