package io.camelsegment.segment.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
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
import io.camelsegment.segment.SegmentException;
import io.camelsegment.segment.SegmentHttpException;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Segment over Camel's HTTP client, retrying as the {@link RetryPolicy} allows: the first attempt on
 * the caller's thread or a worker ({@link FirstAttempt}), every retry on a worker, so no thread waits out a backoff.
 *
 * <p>
 * The returned future always completes exactly once: with Segment's last answer, whatever its status, or exceptionally
 * with a {@link SegmentHttpException} when no answer arrived or anything else went wrong, an {@link Error} included (it
 * is the exception's cause). Each attempt has a deadline, so a server that trickles its answer cannot hold a call.
 *
 * <p>
 * One per producer, over the client and threads it shares with others ({@link SharedTransport}): what it tracks are
 * this producer's requests, so stopping the producer ends those and no one else's.
 */
public final class SegmentTransport {

    /** Tells Segment which retry an attempt is, as Segment's own libraries do. */
    public static final String RETRY_COUNT_HEADER = "X-Retry-Count";

    private static final Logger LOG = LoggerFactory.getLogger(SegmentTransport.class);

    /** Where a request's first attempt runs. Retries always wait on the workers, so no thread sleeps out a backoff. */
    public enum FirstAttempt {
        /**
         * On the thread that sends, as camel-http does: its caller waits for the answer anyway, and handing the request
         * to a worker and the answer back would cost two thread switches per call, each waiting for a free core.
         */
        CALLING_THREAD,
        /** On a worker: the sender goes on at once, as a queue filling the next batch must. */
        WORKER
    }

    private final HttpClient client;
    private final ScheduledExecutorService executor;
    private final FirstAttempt firstAttempt;
    private final RetryPolicy policy;
    private final Duration attemptTimeout;
    private final RetryHint hint;
    private final Clock clock;
    private final RateLimitGate gate;
    private final AttemptObserver observer;
    /** Requests whose future is not complete yet, so that stopping can end them instead of leaving them hanging. */
    private final Map<CompletableFuture<SegmentResponse>, SegmentRequest> pending = new ConcurrentHashMap<>();
    /** The attempts being sent, so that stopping can cut them: the client and its threads outlive this producer. */
    private final Map<CompletableFuture<SegmentResponse>, HttpUriRequestBase> sending = new ConcurrentHashMap<>();

    /**
     * @param attemptTimeout the longest one attempt may take, from sending the request to the last byte of the answer
     */
    public SegmentTransport(HttpClient client, ScheduledExecutorService executor, FirstAttempt firstAttempt,
                            RetryPolicy policy, Duration attemptTimeout, ObjectMapper mapper, Clock clock) {
        this(client, executor, firstAttempt, policy, attemptTimeout, mapper, clock, RateLimitGate.never(),
             AttemptObserver.NONE);
    }

    /**
     * @param gate     holds every request of this transport while Segment's rate limit says to wait, and is closed by
     *                 this transport's 429s
     * @param observer told of every attempt, for counters
     */
    public SegmentTransport(HttpClient client, ScheduledExecutorService executor, FirstAttempt firstAttempt,
                            RetryPolicy policy, Duration attemptTimeout, ObjectMapper mapper, Clock clock,
                            RateLimitGate gate, AttemptObserver observer) {
        this.client = client;
        this.executor = executor;
        this.firstAttempt = firstAttempt;
        this.policy = policy;
        this.attemptTimeout = attemptTimeout;
        this.hint = new RetryHint(mapper);
        this.clock = clock;
        this.gate = gate;
        this.observer = observer;
    }

    /**
     * Sends {@code request}; with {@link FirstAttempt#CALLING_THREAD} and the rate-limit gate open, the first attempt
     * runs before this returns, and a call answered at once returns a completed future.
     */
    public CompletableFuture<SegmentResponse> send(SegmentRequest request) {
        CompletableFuture<SegmentResponse> result = new CompletableFuture<>();
        pending.put(result, request);
        result.whenComplete((response, failure) -> pending.remove(result));
        Duration closed = gate.remaining();
        if (firstAttempt == FirstAttempt.CALLING_THREAD && closed.isZero()) {
            attempt(request, 1, null, result, null);
        } else {
            // the budget starts with the first attempt, not with a wait at a closed gate before it
            schedule(request, 1, null, closed, result, null);
        }
        return result;
    }

    /**
     * Ends every request of this transport still waiting for an answer or a retry with a {@link SegmentHttpException},
     * and cuts the attempts under way, so no exchange is left waiting and no shared thread or connection stays held;
     * other producers' requests on the same client go on.
     */
    public void abandonPending() {
        pending.forEach((result, request) -> result.completeExceptionally(abandoned(request)));
        sending.values().forEach(HttpUriRequestBase::cancel);
    }

    /** A request cut off mid-attempt may have been applied: one that cannot be sent twice is reported as such. */
    private static SegmentHttpException abandoned(SegmentRequest request) {
        String message = "Segment " + request.description() + " was abandoned: the producer stopped before Segment accepted it";
        return request.idempotent()
                ? new SegmentHttpException(message, 0, List.of(), true, 0, null)
                : new SegmentHttpException(message + "; " + RetryPolicy.OUTCOME_UNKNOWN, 0, List.of(), false, 0, true, null);
    }

    /**
     * @param start       when the first attempt started, or {@code null} before it
     * @param lastOutcome ends the call with the previous attempt's outcome, should the gate hold this retry past the
     *                    budget; {@code null} for the first attempt
     */
    private void schedule(SegmentRequest request, int attempt, Instant start, Duration delay,
                          CompletableFuture<SegmentResponse> result, Runnable lastOutcome) {
        try {
            // in nanoseconds: a wait rounded down to the millisecond would wake before the gate opens
            executor.schedule(() -> attempt(request, attempt, start, result, lastOutcome), delay.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new SegmentHttpException(
                    "Segment " + request.description() + " was not sent: the producer is stopping", 0, List.of(), true,
                    attempt - 1, e));
        } catch (Throwable e) {
            fail(request, attempt - 1, e, result);
        }
    }

    /** Whatever happens, {@code result} completes or the next attempt is scheduled: nothing escapes to the caller. */
    private void attempt(SegmentRequest request, int attempt, Instant firstStart,
                         CompletableFuture<SegmentResponse> result, Runnable lastOutcome) {
        if (result.isDone()) {
            // abandoned while it waited: the worker pool is shared and outlives this transport, so nothing cancels it
            return;
        }
        if (waitsAtGate(request, attempt, firstStart, result, lastOutcome)) {
            return;
        }
        Instant start = firstStart != null ? firstStart : clock.instant();
        try {
            Duration deadline = policy.attemptDeadline(attemptTimeout, elapsedSince(start));
            SegmentResponse response = execute(request, attempt, deadline, result);
            observer.answered(request, attempt, response);
            Optional<Duration> segmentHint = hint.of(response, clock.instant());
            if (response.status() == 429) {
                segmentHint.ifPresent(gate::rateLimited);
            }
            Optional<Duration> retryIn = RetryPolicy.isRetryable(request, response)
                    ? retryDelay(policy.nextDelay(attempt, segmentHint, elapsedSince(start)), start)
                    : Optional.empty();
            if (retryIn.isEmpty()) {
                result.complete(response);
                return;
            }
            LOG.debug("Segment {} answered {} on attempt {}; retrying in {} ms", request.description(), response.status(),
                    attempt, retryIn.get().toMillis());
            schedule(request, attempt + 1, start, retryIn.get(), result, () -> result.complete(response));
        } catch (IOException e) {
            observer.noAnswer(request, attempt, e);
            noAnswer(request, attempt, start, e, result);
        } catch (Throwable e) {
            fail(request, attempt, e, result);
        }
    }

    /**
     * Holds an attempt while the rate-limit gate is closed, on the scheduler rather than a parked thread; an attempt
     * held so does not count as one. A retry's wait counts against the budget like any other wait before a retry: one
     * that the gate would hold past the budget ends the call with the previous attempt's outcome.
     *
     * @return whether the attempt waits
     */
    private boolean waitsAtGate(SegmentRequest request, int attempt, Instant start,
                                CompletableFuture<SegmentResponse> result, Runnable lastOutcome) {
        Duration closed = gate.remaining();
        if (closed.isZero()) {
            return false;
        }
        if (start != null && lastOutcome != null && elapsedSince(start).plus(closed).compareTo(policy.budget()) > 0) {
            lastOutcome.run();
            return true;
        }
        schedule(request, attempt, start, closed, result, lastOutcome);
        return true;
    }

    /** The policy's wait, lengthened to the gate's reset if the gate stays closed longer; empty past the budget. */
    private Optional<Duration> retryDelay(Optional<Duration> policyDelay, Instant start) {
        Duration closed = gate.remaining();
        if (policyDelay.isEmpty() || policyDelay.get().compareTo(closed) >= 0) {
            return policyDelay;
        }
        return elapsedSince(start).plus(closed).compareTo(policy.budget()) > 0 ? Optional.empty() : Optional.of(closed);
    }

    private void noAnswer(SegmentRequest request, int attempt, Instant start, IOException e,
                          CompletableFuture<SegmentResponse> result) {
        boolean retryable = RetryPolicy.isRetryable(request, e);
        Optional<Duration> retryIn = retryable
                ? retryDelay(policy.nextDelay(attempt, Optional.empty(), elapsedSince(start)), start) : Optional.empty();
        SegmentHttpException noAnswer = new SegmentHttpException(
                "Segment " + request.description() + " got no answer after " + attempt + " attempt(s): "
                                                                 + e.getClass().getSimpleName() + ": " + e.getMessage()
                                                                 + (retryable ? "" : "; " + RetryPolicy.OUTCOME_UNKNOWN),
                0, List.of(), retryable, attempt, !retryable, e);
        if (retryIn.isEmpty()) {
            result.completeExceptionally(noAnswer);
            return;
        }
        LOG.debug("Segment {} failed on attempt {} ({}); retrying in {} ms", request.description(), attempt,
                e.getClass().getSimpleName(), retryIn.get().toMillis());
        schedule(request, attempt + 1, start, retryIn.get(), result, () -> result.completeExceptionally(noAnswer));
    }

    /**
     * Anything but an I/O failure (an Error such as NoClassDefFoundError from a clashing HttpClient, OutOfMemoryError,
     * a bug) ends the call at once: the executor would swallow it, and the exchange would wait forever.
     */
    private static void fail(SegmentRequest request, int attempts, Throwable e, CompletableFuture<SegmentResponse> result) {
        if (e instanceof SegmentException) {
            result.completeExceptionally(e);
            return;
        }
        if (e instanceof Error) {
            LOG.error("Segment {} failed: {}", request.description(), e.toString(), e);
        }
        result.completeExceptionally(new SegmentHttpException("Segment " + request.description() + " failed after "
                                                              + attempts + " attempt(s): " + e,
                0, List.of(), false, attempts, e));
    }

    /**
     * Sends one attempt and reads the whole answer within {@code deadline}: the socket timeout alone would let a server
     * that trickles a byte at a time keep the call alive for ever, so the request is aborted when the deadline passes.
     */
    private SegmentResponse execute(SegmentRequest request, int attempt, Duration deadline,
                                    CompletableFuture<SegmentResponse> result) throws IOException {
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(httpRequest::addHeader);
        if (attempt > 1) {
            httpRequest.addHeader(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
        }
        if (request.body() != null) {
            httpRequest.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        // the JDK's delay scheduler, not our workers: they may all be blocked in reads that the deadline must cut
        CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
        timer.whenComplete((inTime, late) -> {
            if (late != null) {
                httpRequest.cancel();
            }
        });
        sending.put(result, httpRequest);
        if (result.isDone()) {
            httpRequest.cancel(); // abandoned between the check before this attempt and now
        }
        try {
            return client.execute(httpRequest, response -> read(response, attempt));
        } catch (IOException | RuntimeException e) {
            if (timer.isCompletedExceptionally()) {
                IOException late = new SocketTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
                late.initCause(e);
                throw late;
            }
            throw e;
        } finally {
            sending.remove(result);
            timer.complete(null);
        }
    }

    private static SegmentResponse read(ClassicHttpResponse response, int attempt) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        return new SegmentResponse(response.getCode(), headers, body(response.getEntity()), attempt);
    }

    /**
     * Reads an answer sized by its Content-Length when it has one: {@code EntityUtils.toByteArray} starts with 8 KB of
     * buffers, a third of what a direct call allocated in all, for Segment's 16-byte {@code {"success":true}}.
     */
    private static byte[] body(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream content = entity.getContent()) {
            if (content == null) {
                return new byte[0];
            }
            long length = entity.getContentLength();
            return length >= 0 && length <= Integer.MAX_VALUE ? content.readNBytes((int) length) : content.readAllBytes();
        }
    }

    private Duration elapsedSince(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
