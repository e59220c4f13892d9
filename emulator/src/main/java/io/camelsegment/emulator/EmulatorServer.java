package io.camelsegment.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP port: routes {@code /v1/...} to the Tracking API, {@code /} and {@code /debugger} to the
 * Debugger page, {@code /emulator/...} to the emulator's own JSON, and everything else to the Public API.
 * Scripted faults are applied here, before either API sees the request, and every API request is
 * recorded with the status it got.
 */
final class EmulatorServer implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    private static final String NODELAY = "sun.net.httpserver.nodelay";
    /** Two emulators starting at once must not restore the property under each other. */
    private static final Object NODELAY_LOCK = new Object();

    private final TrackingApi trackingApi;
    private final PublicApi publicApi;
    private final EmulatorApi emulatorApi;
    private final DebuggerPage debuggerPage;
    private final Faults faults;
    private final Recording recording;
    private HttpServer server;
    private ExecutorService executor;

    EmulatorServer(TrackingApi trackingApi, PublicApi publicApi, EmulatorApi emulatorApi, DebuggerPage debuggerPage,
                   Faults faults, Recording recording) {
        this.trackingApi = trackingApi;
        this.publicApi = publicApi;
        this.emulatorApi = emulatorApi;
        this.debuggerPage = debuggerPage;
        this.faults = faults;
        this.recording = recording;
    }

    void start(InetSocketAddress address) throws IOException {
        server = createWithNoDelay(address);
        // A cached pool: a scripted delay holds its thread, and must not hold up other clients' requests.
        executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this);
        server.start();
    }

    /**
     * The JDK server sends an answer's headers and body as two packets; with Nagle's algorithm on, the body
     * waits for the client's delayed ACK and every request takes ~40 ms. The JDK offers no per-server switch:
     * it reads {@code sun.net.httpserver.nodelay} once, when the first server of the JVM is created. So the
     * property is set only around that creation and then removed again, leaving the user's JVM properties as
     * they were; an application that set it itself keeps its own value.
     */
    private static HttpServer createWithNoDelay(InetSocketAddress address) throws IOException {
        synchronized (NODELAY_LOCK) {
            if (System.getProperty(NODELAY) != null) {
                return HttpServer.create(address, 0);
            }
            System.setProperty(NODELAY, "true");
            try {
                return HttpServer.create(address, 0);
            } finally {
                System.clearProperty(NODELAY);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            Request request = Request.read(exchange);
            String path = request.rawPath();
            if (DebuggerPage.serves(path)) {
                send(exchange, request, debuggerPage.handle(request));
            } else if (path.startsWith(EmulatorApi.PATH_PREFIX)) {
                send(exchange, request, emulatorApi.handle(request));
            } else {
                handleApi(exchange, request);
            }
        } catch (IOException e) {
            // The client went away mid-request; nothing left to answer.
            LOG.debug("I/O error while serving {}", loggedPath(exchange), e);
        } catch (RuntimeException e) {
            LOG.warn("Emulator failed to serve {} {}", exchange.getRequestMethod(), loggedPath(exchange), e);
        }
    }

    /** The path without its query, and with any write key in it masked. */
    private static String loggedPath(HttpExchange exchange) {
        return SecretPaths.mask(exchange.getRequestURI().getRawPath());
    }

    private void handleApi(HttpExchange exchange, Request request) throws IOException {
        String path = request.rawPath();
        boolean tracking = path.startsWith(TrackingApi.PATH_PREFIX);
        Optional<Fault> fault = faults.claim(path);
        String faultName = fault.map(Fault::describe).orElse(null);
        if (fault.isPresent()) {
            pause(fault.get().delay());
            if (fault.get().connectionReset()) {
                record(tracking, request, 0, faultName);
                // Closing an exchange that never sent headers closes its connection: the client reads no answer.
                exchange.close();
                return;
            }
        }
        Response response;
        if (fault.isPresent() && fault.get().status() > 0) {
            response = tracking ? trackingApi.fault(fault.get()) : publicApi.fault(fault.get());
        } else {
            response = tracking ? trackingApi.handle(request) : publicApi.handle(request);
        }
        // Recorded before answering, so a client that has its answer always finds the request recorded.
        record(tracking, request, response.status(), faultName);
        send(exchange, request, response);
    }

    private void record(boolean tracking, Request request, int status, String fault) {
        if (tracking) {
            recording.record(TrackingRequest.of(request, status, fault));
        } else {
            recording.record(PublicApiRequest.of(request, publicApi.operationOf(request), status, fault));
        }
    }

    private static void send(HttpExchange exchange, Request request, Response response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        if ("HEAD".equals(request.method()) || body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "segment-emulator-" + count.incrementAndGet());
            // Daemon threads: a test that forgets close() must not keep its JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
