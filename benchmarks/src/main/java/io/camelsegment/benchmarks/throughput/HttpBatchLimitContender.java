package io.camelsegment.benchmarks.throughput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.benchmarks.Events;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The limits, with the HTTP client the component uses (Apache HttpClient 5, one pooled client shared by
 * {@code threads} threads), POSTing {@code {"batch": [...]}} bodies of {@code batchSize} events to /v1/batch.
 * Serializing: each batch is built from the same event maps and written by Jackson, the least work any Segment
 * integration does. Pre-serialized: one body written once and POSTed again and again, the transport and sink's own
 * ceiling.
 */
public final class HttpBatchLimitContender implements Contender {

    private final boolean preSerialized;
    private final int batchSize;
    private final int threads;
    private final ObjectMapper json = new ObjectMapper();
    private CloseableHttpClient client;
    private Callers pool;
    private String batchUrl;
    private String authorization;
    private byte[] prepared;

    private HttpBatchLimitContender(boolean preSerialized, int batchSize, int threads) {
        this.preSerialized = preSerialized;
        this.batchSize = batchSize;
        this.threads = threads;
    }

    public static HttpBatchLimitContender serializing(int batchSize, int threads) {
        return new HttpBatchLimitContender(false, batchSize, threads);
    }

    public static HttpBatchLimitContender preSerialized(int batchSize, int threads) {
        return new HttpBatchLimitContender(true, batchSize, threads);
    }

    @Override
    public String name() {
        return (preSerialized ? "limit: pre-serialized " : "limit: Jackson + POST ") + batchSize + " x" + threads;
    }

    @Override
    public String description() {
        return (preSerialized ? "one body of " + batchSize + " events written once, POSTed"
                : "Jackson writes each batch of " + batchSize + " events from the maps, POSTs it")
                + " to /v1/batch by one Apache HttpClient 5 from " + threads + " threads";
    }

    @Override
    public void open(String sinkUrl) throws IOException {
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(threads).setMaxConnPerRoute(threads).build())
                .build();
        batchUrl = sinkUrl + "/v1/batch";
        authorization = "Basic " + Base64.getEncoder().encodeToString("bench-key:".getBytes(StandardCharsets.UTF_8));
        prepared = body(0, batchSize);
        pool = new Callers(preSerialized ? "limit-pre" : "limit-json", threads);
    }

    @Override
    public void send(int events, Latencies latencies) throws Exception {
        pool.run(events, batchSize, latencies, (from, to) -> post(preSerialized && to - from == batchSize
                ? prepared : body(from, to)));
    }

    private byte[] body(int from, int to) throws IOException {
        List<Object> batch = new ArrayList<>(to - from);
        String now = Instant.now().toString();
        for (int i = from; i < to; i++) {
            Map<String, Object> message = Events.orderCompleted(i);
            message.put("type", "track");
            message.put("messageId", UUID.randomUUID().toString());
            message.put("timestamp", now);
            batch.add(message);
        }
        return json.writeValueAsBytes(Map.of("batch", batch));
    }

    private void post(byte[] body) throws IOException {
        HttpPost post = new HttpPost(batchUrl);
        post.setHeader("Authorization", authorization);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException("sink answered " + response.getCode());
            }
            return null;
        });
    }

    @Override
    public long failures() {
        return pool.failures();
    }

    @Override
    public Map<String, Long> failureTypes() {
        return pool.failureTypes();
    }

    @Override
    public void close() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
