package io.camelsegment.quarkus.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsegment.segment.SegmentConstants;
import io.camelsegment.segment.SegmentHttpException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;

/**
 * The background events Segment finally did not accept, as the failure route received them: what a real application
 * would write to a dead-letter store, kept here for the REST endpoint to show.
 */
@ApplicationScoped
public class FailedEvents {

    /**
     * One failed event: its messageId, its JSON text, the failure the component reported and Segment's status when
     * Segment answered.
     */
    public record FailedEvent(String messageId, String json, String failure, Integer segmentStatus) {
    }

    private final List<FailedEvent> received = new CopyOnWriteArrayList<>();

    /** Called by the failure route for each event the component hands to {@code failureUri}. */
    public void record(Exchange failed) {
        Exception cause = failed.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        received.add(new FailedEvent(failed.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class),
                failed.getMessage().getBody(String.class), cause == null ? null : cause.getClass().getSimpleName(),
                cause instanceof SegmentHttpException http ? http.getStatusCode() : null));
    }

    /** The failed events whose JSON holds {@code userId}, in the order they arrived. */
    public List<FailedEvent> ofUser(String userId) {
        return received.stream().filter(event -> event.json().contains("\"" + userId + "\"")).toList();
    }
}
