package io.camelsegment.segment;

import java.io.InputStream;
import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.camelsegment.segment.http.HttpSettings;
import io.camelsegment.segment.http.RetryPolicy;
import io.camelsegment.segment.http.RouteThreads;
import io.camelsegment.segment.http.SegmentTransport;
import io.camelsegment.segment.http.SegmentTransport.FirstAttempt;
import io.camelsegment.segment.http.SharedTransport;
import io.camelsegment.segment.http.TransportSettings;
import io.camelsegment.segment.publicapi.PublicApiCall;
import io.camelsegment.segment.publicapi.PublicApiClient;
import io.camelsegment.segment.publicapi.PublicApiRequests;
import io.camelsegment.segment.publicapi.PublicApiResult;
import io.camelsegment.segment.tracking.BatchQueue;
import io.camelsegment.segment.tracking.BatchQueues;
import io.camelsegment.segment.tracking.BatchReceipt;
import io.camelsegment.segment.tracking.BatchSettings;
import io.camelsegment.segment.tracking.DeliveryMode;
import io.camelsegment.segment.tracking.FailedEvents;
import io.camelsegment.segment.tracking.MessageBuilder;
import io.camelsegment.segment.tracking.MessageEncoder;
import io.camelsegment.segment.tracking.TrackingCall;
import io.camelsegment.segment.tracking.TrackingClient;
import io.camelsegment.segment.tracking.TrackingRequest;
import io.camelsegment.segment.tracking.TrackingRequests;
import io.camelsegment.segment.tracking.TrackingResult;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Turns each exchange into the Segment call its operation describes, without blocking the route: checks the input,
 * sends through the retrying transport, and writes the outcome back to the exchange.
 *
 * <p>
 * Every exchange ends exactly once: synchronously when the input is invalid (nothing was sent), otherwise when the
 * transport's future completes, successfully or not.
 */
public class SegmentProducer extends DefaultAsyncProducer {

    private final SegmentConfiguration configuration;
    private TransportSettings transportSettings;
    private SharedTransport shared;
    /** Kept after stop: a late completion still ends its exchange, inline once the pool is gone. */
    private RouteThreads routeThreads;
    private SegmentTransport transport;
    private PropertyConfigurerGetter options;
    private TrackingRequests trackingRequests;
    private TrackingClient trackingClient;
    private PublicApiClient publicApiClient;
    private BatchSettings batchSettings;
    private RetryPolicy retryPolicy;
    /** Where this producer's background events go when they fail. */
    private FailedEvents failures;
    /** The delivery queues this producer holds, by write key: a header may give each exchange its own. */
    private final Map<String, BatchQueue> queues = new ConcurrentHashMap<>();

    public SegmentProducer(SegmentEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public SegmentEndpoint getEndpoint() {
        return (SegmentEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        options = (PropertyConfigurerGetter) getEndpoint().getComponent().getEndpointPropertyConfigurer();
        ObjectMapper mapper = configuration.getObjectMapper() != null ? configuration.getObjectMapper() : defaultMapper();
        transportSettings = transportSettings();
        shared = getEndpoint().getComponent().transports().acquire(getEndpoint().getCamelContext(), transportSettings);
        routeThreads = shared.routeThreads();
        // checked at start, so a wrong value fails the route's start rather than its first message
        batchSettings = new BatchSettings(configuration.getFlushCount(), configuration.getFlushBytes(),
                Duration.ofMillis(configuration.getFlushInterval()), configuration.getQueueCapacity(),
                configuration.getQueueCapacityBytes(), configuration.getQueueFullPolicy(),
                Duration.ofMillis(configuration.getQueueFullTimeout()), Duration.ofMillis(configuration.getShutdownTimeout()));
        failures = failedEvents();
        retryPolicy = new RetryPolicy(configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryInitialDelay()), Duration.ofMillis(configuration.getRetryMaxDelay()),
                Duration.ofMillis(configuration.getRetryBudget()));
        // this producer's own view of the shared client: its pending requests are its own to end at stop; its callers
        // wait for Segment's answer, so their own thread sends the first attempt
        transport = new SegmentTransport(shared.client(), shared.workers(), FirstAttempt.CALLING_THREAD, retryPolicy,
                Duration.ofMillis(configuration.getResponseTimeout()), mapper, Clock.systemUTC());
        trackingRequests = new TrackingRequests(new MessageBuilder(mapper, SegmentLibrary.NAME, SegmentLibrary.VERSION),
                configuration.getObjectMapper() != null ? new MessageEncoder(mapper) : MessageEncoder.withDefaultMapper(mapper),
                Clock.systemUTC());
        trackingClient = new TrackingClient(transport, mapper, getEndpoint().getComponent().writeKeyHealthChecks());
        publicApiClient = new PublicApiClient(new PublicApiRequests(mapper, Clock.systemUTC()), transport, mapper,
                configuration.getMaxPages());
    }

    /** A wrong failureUri fails the start, not the first failure, when nobody would notice any more. */
    private FailedEvents failedEvents() throws Exception {
        String uri = configuration.getFailureUri();
        if (configuration.getDeliveryMode() != DeliveryMode.BACKGROUND || uri == null || uri.isBlank()) {
            return FailedEvents.LOGGED_ONLY;
        }
        SegmentComponent component = getEndpoint().getComponent();
        return new FailureEndpoint(component.failureProducer(uri), component.failureThread());
    }

    private TransportSettings transportSettings() {
        return TransportSettings.of(new HttpSettings(configuration.getConnectTimeout(), configuration.getResponseTimeout(),
                configuration.getProxyHost(), configuration.getProxyPort(), configuration.getSslContextParameters(),
                configuration.getHttpClientConfigurer(), SegmentLibrary.NAME + "/" + SegmentLibrary.VERSION,
                configuration.getMaxConnections(), configuration.getMaxConnectionsPerRoute()),
                getEndpoint().getServiceUrl(), configuration.getWorkerPoolSize());
    }

    @Override
    protected void doStop() throws Exception {
        // queued events are sent, and waited for up to shutdownTimeout, when the last producer of their queue lets go;
        // queues released together share that timeout
        getEndpoint().getComponent().batchQueues().release(getEndpoint().getCamelContext(),
                queues.keySet().stream().map(this::queueKey).toList());
        queues.clear();
        // Camel stops a producer once its routes have no exchange in flight; whatever still waits (a retry scheduled
        // for later, a request of a producer used outside routes) is ended with an exception, never left hanging.
        if (transport != null) {
            transport.abandonPending();
            transport = null;
        }
        if (shared != null) {
            getEndpoint().getComponent().transports().release(getEndpoint().getCamelContext(), transportSettings);
            shared = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (isStoppingOrStopped()) {
            // a caller outside routes may still hold this producer: its queues are closed, and reopening one now
            // would take events that nothing drains or hands over any more
            exchange.setException(new SegmentNotDeliveredException(
                    "Segment " + configuration.getOperation() + " was not sent: the producer has stopped"));
            callback.done(true);
            return true;
        }
        CompletableFuture<Void> call;
        try {
            call = start(exchange);
        } catch (Throwable failedBeforeSending) {
            // invalid input above all, but an Error too (a clashing library, a body too deep for the stack): nothing
            // was sent, and the exchange ends here, in the caller's thread, rather than the Error escaping the route
            exchange.setException(failedBeforeSending);
            callback.done(true);
            return true;
        }
        if (call.isDone()) {
            // answered on the caller's own thread (direct mode's first attempt), or queued in background mode:
            // nothing is left to wait for, and the route goes on in the caller's thread
            end(exchange, call.handle((ignored, failure) -> failure).join(), callback, true);
            return true;
        }
        // answered later, on a worker (a retry, a batch): the route goes on on a route thread, so the worker is free
        // for the next send
        call.whenCompleteAsync((ignored, failure) -> end(exchange, failure, callback, false), routeThreads);
        return false;
    }

    private static void end(Exchange exchange, Throwable failure, AsyncCallback callback, boolean doneSync) {
        if (failure != null) {
            exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure);
        }
        callback.done(doneSync);
    }

    private CompletableFuture<Void> start(Exchange exchange) {
        SegmentOperation operation = operation(exchange);
        Function<String, Object> values = option -> value(exchange, option);
        Object body = body(operation, exchange.getIn());
        return operation.trackingCall()
                .map(call -> track(exchange, operation, call, body, values))
                .orElseGet(() -> callPublicApi(exchange, operation, operation.publicApiCall().orElseThrow(), body, values));
    }

    private CompletableFuture<Void> track(Exchange exchange, SegmentOperation operation, TrackingCall call, Object body,
                                          Function<String, Object> values) {
        String writeKey = Objects.toString(values.apply("writeKey"), null);
        if (writeKey == null || writeKey.isBlank()) {
            throw new SegmentValidationException(operation.toString(), List.of("writeKey is required for the Tracking API"));
        }
        MessageIdentity identity = getEndpoint().messageIdentity();
        List<TrackingRequest> requests = trackingRequests.prepare(operation.toString(), call, body,
                configuration.getBodyMode(), values, identity.forSend(exchange));
        if (configuration.getDeliveryMode() == DeliveryMode.BATCHED && !call.isBatch()) {
            return enqueue(exchange, identity, writeKey, requests.get(0));
        }
        if (configuration.getDeliveryMode() == DeliveryMode.BACKGROUND && !call.isBatch()) {
            return enqueueInBackground(exchange, identity, writeKey, requests.get(0));
        }
        return trackingClient.send(operation.toString(), requests, configuration.effectiveTrackingUrl(), writeKey)
                .thenAccept(result -> {
                    identity.accepted(exchange);
                    tracked(exchange.getMessage(), call, result);
                });
    }

    /** A single message, already checked and encoded: a queue full or stopping refuses it here, in the caller's thread. */
    private CompletableFuture<Void> enqueue(Exchange exchange, MessageIdentity identity, String writeKey,
                                            TrackingRequest single) {
        String messageId = single.messageIds().get(0);
        return queue(writeKey).offer(new MessageEncoder.Encoded(messageId, single.body()), null)
                .thenAccept(receipt -> {
                    identity.accepted(exchange);
                    delivered(exchange.getMessage(), messageId, receipt);
                });
    }

    /** Queued is done: what happens to the event from here on is the queue's, and the failure endpoint's. */
    private CompletableFuture<Void> enqueueInBackground(Exchange exchange, MessageIdentity identity, String writeKey,
                                                        TrackingRequest single) {
        String messageId = single.messageIds().get(0);
        queue(writeKey).offer(new MessageEncoder.Encoded(messageId, single.body()), failures);
        identity.accepted(exchange);
        Message message = exchange.getMessage();
        message.setHeader(SegmentConstants.MESSAGE_ID, messageId);
        // an earlier call's answer must not pass for this one's: there is no answer yet
        message.removeHeader(SegmentConstants.HTTP_STATUS);
        message.removeHeader(SegmentConstants.ATTEMPTS);
        message.removeHeader(SegmentConstants.REQUEST_COUNT);
        message.removeHeader(SegmentConstants.BATCH_SIZE);
        return CompletableFuture.completedFuture(null);
    }

    private BatchQueue queue(String writeKey) {
        return queues.computeIfAbsent(writeKey, key -> {
            try {
                return getEndpoint().getComponent().batchQueues().acquire(getEndpoint().getCamelContext(), queueKey(key));
            } catch (SegmentException refused) {
                throw refused;
            } catch (Exception e) {
                throw new SegmentException("The Segment delivery queue could not be opened: " + e.getMessage(), e);
            }
        });
    }

    private BatchQueues.Key queueKey(String writeKey) {
        return new BatchQueues.Key(transportSettings, configuration.effectiveTrackingUrl(), writeKey, batchSettings,
                retryPolicy);
    }

    private static void delivered(Message message, String messageId, BatchReceipt receipt) {
        message.setHeader(SegmentConstants.MESSAGE_ID, messageId);
        message.setHeader(SegmentConstants.HTTP_STATUS, receipt.status());
        message.setHeader(SegmentConstants.ATTEMPTS, receipt.attempts());
        message.setHeader(SegmentConstants.REQUEST_COUNT, 1);
        message.setHeader(SegmentConstants.BATCH_SIZE, receipt.batchSize());
    }

    private static void tracked(Message message, TrackingCall call, TrackingResult result) {
        if (call.isBatch()) {
            message.setHeader(SegmentConstants.MESSAGE_IDS, result.messageIds());
        } else {
            message.setHeader(SegmentConstants.MESSAGE_ID, result.messageIds().get(0));
        }
        message.setHeader(SegmentConstants.HTTP_STATUS, result.status());
        message.setHeader(SegmentConstants.ATTEMPTS, result.attempts());
        message.setHeader(SegmentConstants.REQUEST_COUNT, result.requests());
        message.removeHeader(SegmentConstants.BATCH_SIZE); // an earlier batched send's, not this call's
    }

    private CompletableFuture<Void> callPublicApi(Exchange exchange, SegmentOperation operation, PublicApiCall call,
                                                  Object body, Function<String, Object> values) {
        String token = Objects.toString(values.apply("token"), null);
        return publicApiClient.call(operation.toString(), call, configuration.effectiveApiUrl(), token,
                body, values, configuration.isFollowPages())
                .thenAccept(result -> answered(exchange.getMessage(), result));
    }

    private static void answered(Message message, PublicApiResult result) {
        message.setBody(result.data());
        message.setHeader(SegmentConstants.HTTP_STATUS, result.status());
        message.setHeader(SegmentConstants.ATTEMPTS, result.attempts());
        message.setHeader(SegmentConstants.REQUEST_COUNT, result.pages());
        setOrRemove(message, SegmentConstants.NEXT_CURSOR, result.nextCursor());
        setOrRemove(message, SegmentConstants.TOTAL_ENTRIES, result.totalEntries());
        setOrRemove(message, SegmentConstants.RATE_LIMIT_REMAINING, result.rateLimit().get("x-ratelimit-remaining"));
        setOrRemove(message, SegmentConstants.RATE_LIMIT_CONSUMED, result.rateLimit().get("x-ratelimit-consumed"));
        setOrRemove(message, SegmentConstants.RATE_LIMIT_RESET, result.rateLimit().get("x-ratelimit-reset"));
    }

    /** A header left from an earlier call must not pass for this call's answer. */
    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }

    private SegmentOperation operation(Exchange exchange) {
        Object override = exchange.getIn().getHeader(SegmentConstants.OPERATION);
        if (override instanceof SegmentOperation operation) {
            return operation;
        }
        return override == null ? configuration.getOperation() : SegmentOperation.fromName(override.toString());
    }

    /** The header named after the option wins over the option itself. */
    private Object value(Exchange exchange, String option) {
        Object header = exchange.getIn().getHeader(SegmentConstants.headerFor(option));
        return header != null ? header : options.getOptionValue(getEndpoint(), option, false);
    }

    /** Streams are read once and kept as bytes, so the body is still there for the rest of the route. */
    private static Object body(SegmentOperation operation, Message message) {
        Object body = message.getBody();
        if (!(body instanceof InputStream || body instanceof Reader)) {
            return body;
        }
        byte[] bytes;
        try {
            bytes = message.getMandatoryBody(byte[].class);
        } catch (InvalidPayloadException | TypeConversionException unreadable) {
            Throwable cause = unreadable;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new SegmentValidationException(operation.toString(), List.of("the body stream could not be read ("
                                                                               + cause.getClass().getSimpleName() + ")"),
                    cause);
        }
        message.setBody(bytes);
        return bytes;
    }

    private static ObjectMapper defaultMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
