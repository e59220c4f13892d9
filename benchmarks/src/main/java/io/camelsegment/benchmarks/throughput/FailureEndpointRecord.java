package io.camelsegment.benchmarks.throughput;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.camelsegment.segment.SegmentConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The route behind a background endpoint's {@code failureUri}: records the messageId of every event handed to it (the
 * events a stop gave up on, or Segment refused), each event's failure by type, and any messageId handed over twice.
 */
final class FailureEndpointRecord extends RouteBuilder {

    static final String URI = "direct:segment-failed";

    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong handedTwice = new AtomicLong();
    private final Map<String, AtomicLong> causes = new ConcurrentHashMap<>();

    @Override
    public void configure() {
        from(URI).routeId("segment-failed").process(this::record);
    }

    private void record(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(SegmentConstants.MESSAGE_ID, String.class);
        if (!messageIds.add(String.valueOf(messageId))) {
            handedTwice.incrementAndGet();
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        causes.computeIfAbsent(cause == null ? "no cause" : FailureTypes.of(cause), type -> new AtomicLong())
                .incrementAndGet();
    }

    /** Distinct events handed over. */
    long events() {
        return messageIds.size();
    }

    /** Events handed over more than once (a defect): each repeat counted. */
    long handedTwice() {
        return handedTwice.get();
    }

    /** Events handed over by the simple name of the failure they carried. */
    Map<String, Long> causes() {
        Map<String, Long> byType = new TreeMap<>();
        causes.forEach((type, count) -> byType.put(type, count.get()));
        return byType;
    }
}
