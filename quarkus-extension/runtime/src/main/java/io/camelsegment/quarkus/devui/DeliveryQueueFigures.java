package io.camelsegment.quarkus.devui;

import java.util.function.ToLongFunction;

import io.camelsegment.segment.SegmentComponent;
import io.camelsegment.segment.tracking.BatchQueue;
import io.camelsegment.segment.tracking.DeliveryStatistics;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;

/**
 * The Dev UI card's delivery figures, read from the running application: its delivery queues' counters
 * ({@link DeliveryStatistics}), summed over every open queue of every Segment component. The Dev UI calls these
 * methods over JSON-RPC in dev mode only; a queue closed with its last producer takes its counts with it.
 */
public class DeliveryQueueFigures {

    private final CamelContext context;

    @Inject
    public DeliveryQueueFigures(CamelContext context) {
        this.context = context;
    }

    /** Events queued or being sent now, in batched and background mode. */
    public String eventsQueued() {
        return sum(DeliveryStatistics::getQueuedEvents);
    }

    /** Events that finally failed, or that a stop gave up on. */
    public String eventsFailed() {
        return sum(DeliveryStatistics::getEventsFailed);
    }

    /** The background events among the failed ones: handed to failureUri, or logged when there is none. */
    public String backgroundEventsFailed() {
        return sum(DeliveryStatistics::getBackgroundEventsFailed);
    }

    private String sum(ToLongFunction<DeliveryStatistics> figure) {
        // hasComponent, not getComponent: reading the figures must not create a component the routes never used
        long sum = context.getComponentNames().stream()
                .map(context::hasComponent)
                .filter(SegmentComponent.class::isInstance)
                .map(SegmentComponent.class::cast)
                .flatMap(component -> component.batchQueues().open().stream())
                .map(BatchQueue::statistics)
                .mapToLong(figure)
                .sum();
        return String.valueOf(sum);
    }
}
