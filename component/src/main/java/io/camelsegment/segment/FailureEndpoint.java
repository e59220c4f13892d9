package io.camelsegment.segment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsegment.segment.tracking.FailedEvents;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the background events Segment did not accept to the endpoint {@code failureUri} names, the way a dead letter
 * channel hands on a failed exchange: one exchange per event, its body the message's JSON as it would have been sent,
 * its messageId in {@link SegmentConstants#MESSAGE_ID}, the failure in the {@link Exchange#EXCEPTION_CAUGHT} property.
 *
 * <p>
 * The events are handed over on a thread of their own, never on the threads that do the I/O or continue routes, so a
 * slow or stuck failure route holds up nothing else; an event the endpoint refuses is logged at ERROR with its
 * messageId, so even then none vanishes without a trace.
 */
final class FailureEndpoint implements FailedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(FailureEndpoint.class);

    private final AsyncProducer producer;
    private final Executor threads;
    /** The URI as logs may show it: a password in its query is masked. */
    private final String shownUri;

    FailureEndpoint(AsyncProducer producer, Executor threads) {
        this.producer = producer;
        this.threads = threads;
        this.shownUri = URISupport.sanitizeUri(producer.getEndpoint().getEndpointUri());
    }

    @Override
    public CompletableFuture<Void> take(List<FailedEvent> events) {
        CompletableFuture<Void> taken = new CompletableFuture<>();
        try {
            threads.execute(new HandOver(this, events, taken));
        } catch (Throwable refused) {
            events.forEach(failed -> refused(failed, refused));
            taken.complete(null);
        }
        return taken;
    }

    /**
     * Logs, one by one at ERROR, the events of hand-overs a stop cut before they ran (what the failure thread's
     * {@code shutdownNow} returned), so that none vanishes without its messageId in the log.
     */
    static void cutByStop(List<Runnable> notRun) {
        for (Runnable task : notRun) {
            if (task instanceof HandOver handOver) {
                handOver.events().forEach(failed -> handOver.endpoint().refused(failed,
                        new SegmentNotDeliveredException("the CamelContext stopped before it was handed over")));
                handOver.taken().complete(null);
            }
        }
    }

    /** One batch's events waiting for the failure thread. */
    private record HandOver(FailureEndpoint endpoint, List<FailedEvent> events, CompletableFuture<Void> taken)
            implements Runnable {

        @Override
        public void run() {
            endpoint.handOver(events, taken);
        }
    }

    private void handOver(List<FailedEvent> events, CompletableFuture<Void> taken) {
        AtomicInteger left = new AtomicInteger(events.size());
        for (FailedEvent failed : events) {
            Exchange exchange = exchange(failed);
            Runnable done = () -> {
                if (exchange.getException() != null) {
                    refused(failed, exchange.getException());
                }
                if (left.decrementAndGet() == 0) {
                    taken.complete(null);
                }
            };
            try {
                producer.process(exchange, doneSync -> done.run());
            } catch (Throwable e) {
                exchange.setException(e);
                done.run();
            }
        }
    }

    private Exchange exchange(FailedEvent failed) {
        Exchange exchange = producer.getEndpoint().createExchange();
        exchange.getIn().setBody(new String(failed.event().json(), StandardCharsets.UTF_8));
        exchange.getIn().setHeader(SegmentConstants.MESSAGE_ID, failed.event().messageId());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failed.cause());
        return exchange;
    }

    private void refused(FailedEvent failed, Throwable why) {
        LOG.error("The failure endpoint {} did not take the background event {} that Segment did not accept ({}): {}",
                shownUri, failed.event().messageId(), failed.cause().getMessage(), why.toString());
    }

    @Override
    public boolean keepsEvents() {
        return true;
    }

    @Override
    public String destination() {
        return "handed to " + shownUri;
    }
}
