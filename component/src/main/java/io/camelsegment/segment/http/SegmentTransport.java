package io.camelsegment.segment.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentHttpException;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Segment over Camel's HTTP client without blocking the caller, retrying as the {@link RetryPolicy}
 * allows.
 *
 * <p>
 * The returned future always completes exactly once: with Segment's last answer, whatever its status, or exceptionally
 * with a {@link SegmentHttpException} when no answer arrived.
 */
public final class SegmentTransport {

    /** Tells Segment which retry an attempt is, as Segment's own libraries do. */
    public static final String RETRY_COUNT_HEADER = "X-Retry-Count";

    private static final Logger LOG = LoggerFactory.getLogger(SegmentTransport.class);

    private final HttpClient client;
    private final ScheduledExecutorService executor;
    private final RetryPolicy policy;
    private final RetryHint hint;
    private final Clock clock;
    /** Requests whose future is not complete yet, so that stopping can end them instead of leaving them hanging. */
    private final Map<CompletableFuture<SegmentResponse>, SegmentRequest> pending = new ConcurrentHashMap<>();

    public SegmentTransport(HttpClient client, ScheduledExecutorService executor, RetryPolicy policy, ObjectMapper mapper,
                            Clock clock) {
        this.client = client;
        this.executor = executor;
        this.policy = policy;
        this.hint = new RetryHint(mapper);
        this.clock = clock;
    }

    public CompletableFuture<SegmentResponse> send(SegmentRequest request) {
        CompletableFuture<SegmentResponse> result = new CompletableFuture<>();
        pending.put(result, request);
        result.whenComplete((response, failure) -> pending.remove(result));
        schedule(request, 1, clock.instant(), Duration.ZERO, result);
        return result;
    }

    /**
     * Ends every request still waiting for an answer or a retry with a retryable {@link SegmentHttpException}; called
     * once the worker threads are stopped, so no exchange is left waiting forever.
     */
    public void abandonPending() {
        pending.forEach((result, request) -> result.completeExceptionally(new SegmentHttpException(
                "Segment " + request.description() + " was abandoned: the producer stopped before Segment accepted it", 0,
                List.of(), true, 0, null)));
    }

    private void schedule(SegmentRequest request, int attempt, Instant start, Duration delay,
                          CompletableFuture<SegmentResponse> result) {
        try {
            executor.schedule(() -> attempt(request, attempt, start, result), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new SegmentHttpException(
                    "Segment " + request.description() + " was not sent: the producer is stopping", 0, List.of(), true,
                    attempt - 1, e));
        }
    }

    private void attempt(SegmentRequest request, int attempt, Instant start, CompletableFuture<SegmentResponse> result) {
        if (result.isDone()) {
            // abandoned while it waited: the worker pool is shared and outlives this transport, so nothing cancels it
            return;
        }
        try {
            SegmentResponse response = execute(request, attempt);
            Optional<Duration> retryIn = RetryPolicy.isRetryable(response.status())
                    ? policy.nextDelay(attempt, hint.of(response, clock.instant()), elapsedSince(start))
                    : Optional.empty();
            if (retryIn.isEmpty()) {
                result.complete(response);
                return;
            }
            LOG.debug("Segment {} answered {} on attempt {}; retrying in {} ms", request.description(), response.status(),
                    attempt, retryIn.get().toMillis());
            schedule(request, attempt + 1, start, retryIn.get(), result);
        } catch (IOException e) {
            Optional<Duration> retryIn = policy.nextDelay(attempt, Optional.empty(), elapsedSince(start));
            if (retryIn.isEmpty()) {
                result.completeExceptionally(new SegmentHttpException(
                        "Segment " + request.description() + " got no answer after " + attempt + " attempt(s): "
                                                                      + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        0, List.of(), true, attempt, e));
                return;
            }
            LOG.debug("Segment {} failed on attempt {} ({}); retrying in {} ms", request.description(), attempt,
                    e.getClass().getSimpleName(), retryIn.get().toMillis());
            schedule(request, attempt + 1, start, retryIn.get(), result);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private SegmentResponse execute(SegmentRequest request, int attempt) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(request.uri());
        request.headers().forEach(builder::addHeader);
        if (attempt > 1) {
            builder.addHeader(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
        }
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        ClassicHttpRequest httpRequest = builder.build();
        return client.execute(httpRequest, response -> read(response, attempt));
    }

    private static SegmentResponse read(ClassicHttpResponse response, int attempt) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new SegmentResponse(response.getCode(), headers, body, attempt);
    }

    private Duration elapsedSince(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
