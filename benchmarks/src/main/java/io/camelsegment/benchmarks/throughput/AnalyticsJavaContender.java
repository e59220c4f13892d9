package io.camelsegment.benchmarks.throughput;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.TrackMessage;
import io.camelsegment.benchmarks.Events;
import okhttp3.OkHttpClient;

/**
 * Segment's own Java library, {@code com.segment.analytics.java:analytics}, pointed at the sink by
 * {@code endpoint(...)}: one caller enqueues every event, then asks for a flush. Default settings, or tuned as its
 * users tune it for throughput: larger batches ({@code flushQueueSize}) and TCP_NODELAY on its OkHttp client's
 * sockets, so a batch's request does not wait on Nagle's algorithm.
 */
public final class AnalyticsJavaContender implements Contender {

    private final boolean tuned;
    private Analytics analytics;
    private Callers pool;
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> failureTypes = new ConcurrentHashMap<>();

    private AnalyticsJavaContender(boolean tuned) {
        this.tuned = tuned;
    }

    public static AnalyticsJavaContender defaults() {
        return new AnalyticsJavaContender(false);
    }

    public static AnalyticsJavaContender tuned() {
        return new AnalyticsJavaContender(true);
    }

    @Override
    public String name() {
        return tuned ? "analytics-java tuned" : "analytics-java default";
    }

    @Override
    public String description() {
        return tuned
                ? "analytics-java 3.5.4, flushQueueSize(1000), OkHttpClient with TCP_NODELAY sockets; 1 caller enqueues, then flush()"
                : "analytics-java 3.5.4, builder defaults but endpoint; 1 caller enqueues, then flush()";
    }

    @Override
    public void open(String sinkUrl) {
        Analytics.Builder builder = Analytics.builder("bench-key").endpoint(sinkUrl).callback(new Callback() {
            @Override
            public void success(Message message) {
                // counted at the sink
            }

            @Override
            public void failure(Message message, Throwable cause) {
                failures.incrementAndGet();
                failureTypes.merge(FailureTypes.of(cause), 1L, Long::sum);
            }
        });
        if (tuned) {
            builder.flushQueueSize(1000)
                    .client(new OkHttpClient.Builder().socketFactory(new NoDelaySockets()).build());
        }
        analytics = builder.build();
        pool = new Callers("analytics-java", 1);
    }

    @Override
    public void send(int events, Latencies latencies) throws Exception {
        failures.set(0);
        failureTypes.clear();
        pool.run(events, events, new Latencies(1), (from, to) -> {
            for (int i = from; i < to; i++) {
                long start = System.nanoTime();
                Map<String, Object> message = Events.orderCompleted(i);
                @SuppressWarnings("unchecked")
                Map<String, ?> properties = (Map<String, ?>) message.get("properties");
                @SuppressWarnings("unchecked")
                Map<String, ?> context = (Map<String, ?>) message.get("context");
                analytics.enqueue(TrackMessage.builder((String) message.get("event"))
                        .userId((String) message.get("userId")).properties(properties).context(context));
                latencies.record(start);
            }
            analytics.flush();
        });
    }

    /** Events analytics-java gave up on (its callback's failure), which it reports after enqueue returned. */
    @Override
    public long failures() {
        return failures.get();
    }

    @Override
    public Map<String, Long> failureTypes() {
        return new TreeMap<>(failureTypes);
    }

    @Override
    public void close() {
        if (analytics != null) {
            analytics.shutdown();
        }
        if (pool != null) {
            pool.close();
        }
    }

    /** Plain sockets with TCP_NODELAY set, which OkHttp's default socket factory leaves off. */
    private static final class NoDelaySockets extends SocketFactory {

        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
