package io.camelsegment.benchmarks.throughput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Segment every contender sends to: an in-process HTTP server on loopback that answers 200 to any POST and
 * counts the events it received by the {@code "messageId"} keys in each body (one per Segment message, whatever
 * the path: /v1/track, /v1/batch, /v1/import). Optionally fails a share of requests, as Segment does under load.
 */
public final class LoopbackSink implements AutoCloseable {

    /** Thread names the cost figures leave out: the sink's work is not the contender's. */
    public static final String THREAD_PREFIX = "sink-";

    private static final byte[] MESSAGE_ID = "\"messageId\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "{\"success\":true}".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService workers;
    private final double faultRatio;
    private final CountDownLatch stall;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicLong firstEventNanos = new AtomicLong();

    private LoopbackSink(double faultRatio, boolean stalled) throws IOException {
        this.faultRatio = faultRatio;
        this.stall = new CountDownLatch(stalled ? 1 : 0);
        // without it, the JDK server's response headers and body wait on Nagle's algorithm and the client's delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, THREAD_PREFIX + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A sink that accepts every request. */
    public static LoopbackSink start() throws IOException {
        return new LoopbackSink(0, false);
    }

    /** A sink that reads each request and answers none until it is closed: Segment stalled. */
    public static LoopbackSink stalled() throws IOException {
        return new LoopbackSink(0, true);
    }

    /** A sink that answers {@code faultRatio} of requests with 429 (Retry-After: 0) or 503, half each. */
    public static LoopbackSink failing(double faultRatio) throws IOException {
        return new LoopbackSink(faultRatio, false);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Events accepted (counted in bodies answered 200). */
    public long events() {
        return events.get();
    }

    /** {@link System#nanoTime()} when the first accepted event was counted, 0 before. */
    public long firstEventNanos() {
        return firstEventNanos.get();
    }

    public long requests() {
        return requests.get();
    }

    public long faults() {
        return faults.get();
    }

    public void reset() {
        events.set(0);
        requests.set(0);
        faults.set(0);
        firstEventNanos.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = read(exchange);
            requests.incrementAndGet();
            awaitRelease();
            if (faultRatio > 0 && ThreadLocalRandom.current().nextDouble() < faultRatio) {
                fail(exchange);
                return;
            }
            int counted = countMessageIds(body);
            if (counted > 0) {
                firstEventNanos.compareAndSet(0, System.nanoTime());
            }
            events.addAndGet(counted);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, OK.length);
            exchange.getResponseBody().write(OK);
        }
    }

    private void awaitRelease() throws IOException {
        try {
            stall.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped while stalled", e);
        }
    }

    private void fail(HttpExchange exchange) throws IOException {
        faults.incrementAndGet();
        if (ThreadLocalRandom.current().nextBoolean()) {
            exchange.getResponseHeaders().set("Retry-After", "0");
            exchange.sendResponseHeaders(429, -1);
        } else {
            exchange.sendResponseHeaders(503, -1);
        }
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        in.transferTo(out);
        return out.toByteArray();
    }

    static int countMessageIds(byte[] body) {
        int count = 0;
        outer:
        for (int i = 0; i <= body.length - MESSAGE_ID.length; i++) {
            for (int j = 0; j < MESSAGE_ID.length; j++) {
                if (body[i + j] != MESSAGE_ID[j]) {
                    continue outer;
                }
            }
            count++;
            i += MESSAGE_ID.length - 1;
        }
        return count;
    }

    @Override
    public void close() {
        stall.countDown();
        server.stop(0);
        workers.shutdownNow();
    }
}
