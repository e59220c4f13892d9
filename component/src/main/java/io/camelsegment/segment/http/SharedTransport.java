package io.camelsegment.segment.http;

import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

/**
 * What the producers with the same {@link TransportSettings} share: one HttpClient and its connection pool, the worker
 * threads that send and wait between retries, and the threads routes continue on.
 *
 * <p>
 * Opened and closed by {@link SharedTransports}; a producer never closes it.
 */
public final class SharedTransport {

    private final CamelHttpClient http;
    private final ScheduledExecutorService workers;
    private final RouteThreads routeThreads;

    private SharedTransport(CamelHttpClient http, ScheduledExecutorService workers, RouteThreads routeThreads) {
        this.http = http;
        this.workers = workers;
        this.routeThreads = routeThreads;
    }

    /** Both pools have {@code workerPoolSize} threads, made as needed and named after {@code owner}. */
    static SharedTransport open(CamelContext context, Object owner, TransportSettings settings) throws Exception {
        CamelHttpClient http = CamelHttpClient.start(context, settings.baseUrl(), settings.http());
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        return new SharedTransport(http,
                executors.newScheduledThreadPool(owner, "Segment", workers(settings.workerPoolSize())),
                new RouteThreads(executors.newThreadPool(owner, "SegmentRoute", routeThreads(settings.workerPoolSize())),
                        settings.workerPoolSize()));
    }

    /**
     * Camel's default profile refuses a task once 1,000 wait, and every attempt, retry and flush timer waits here: a
     * queue sending hundreds of batches a second would see its next batch refused. What they serve is already bounded
     * by the queues' capacity and the callers in flight.
     */
    private static ThreadPoolProfile workers(int size) {
        return new ThreadPoolProfileBuilder("Segment").poolSize(size).maxPoolSize(size).maxQueueSize(-1).build();
    }

    /**
     * Camel's default profile queues 1,000 tasks and then runs the next in the caller, which here is the thread that
     * did the I/O; an unbounded queue refuses nothing (see {@link RouteThreads} for why it stays small), and a queue
     * size of 0 or less would mean none at all.
     */
    private static ThreadPoolProfile routeThreads(int size) {
        return new ThreadPoolProfileBuilder("SegmentRoute").poolSize(size).maxPoolSize(size)
                .maxQueueSize(Integer.MAX_VALUE).allowCoreThreadTimeOut(true)
                .rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build();
    }

    public HttpClient client() {
        return http.client();
    }

    /** Sends requests, and holds retries until they are due: no thread waits out a backoff. */
    public ScheduledExecutorService workers() {
        return workers;
    }

    public RouteThreads routeThreads() {
        return routeThreads;
    }

    public PoolingHttpClientConnectionManager connections() {
        return http.connections();
    }

    public boolean isClosed() {
        return workers.isShutdown();
    }

    /**
     * Cuts what is still being sent (its producers have already ended those exchanges), yet lets queued continuations
     * run, since each of them ends an exchange, and waits for them (as long as Camel waits for its own pools): a stop
     * returns once the exchanges it ended went on.
     */
    void close(ExecutorServiceManager executors) {
        executors.shutdownNow(workers);
        http.close();
        executors.shutdownGraceful(routeThreads.pool());
    }
}
