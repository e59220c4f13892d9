package io.camelsegment.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the emulator received, in arrival order: Tracking API events, raw Tracking API requests
 * and Public API requests. Also remembers accepted messageIds, because Segment deduplicates on them.
 */
final class Recording {

    private final List<TrackedEvent> events = new ArrayList<>();
    private final List<TrackingRequest> trackingRequests = new ArrayList<>();
    private final List<PublicApiRequest> publicApiRequests = new ArrayList<>();
    private final Set<String> acceptedMessageIds = new HashSet<>();
    /** Changes on every clear, so a poller holding sequence numbers knows they no longer mean anything. */
    private long epoch = 1;

    /**
     * Records an event; an event that would be accepted but repeats an accepted messageId is recorded as
     * dropped instead. Check and record happen under one lock so two concurrent copies cannot both pass.
     */
    synchronized TrackedEvent record(TrackedEvent event) {
        TrackedEvent recorded = event.withSequence(events.size() + 1L);
        if (recorded.accepted() && recorded.messageId() != null && !acceptedMessageIds.add(recorded.messageId())) {
            recorded = recorded.droppedAs(DropReason.DUPLICATE_MESSAGE_ID);
        }
        events.add(recorded);
        return recorded;
    }

    synchronized void record(TrackingRequest request) {
        trackingRequests.add(request.withSequence(trackingRequests.size() + 1L));
    }

    synchronized void record(PublicApiRequest request) {
        publicApiRequests.add(request.withSequence(publicApiRequests.size() + 1L));
    }

    synchronized List<TrackedEvent> events(Predicate<TrackedEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    synchronized List<TrackingRequest> trackingRequests() {
        return List.copyOf(trackingRequests);
    }

    synchronized List<PublicApiRequest> publicApiRequests() {
        return List.copyOf(publicApiRequests);
    }

    synchronized long epoch() {
        return epoch;
    }

    synchronized void clear() {
        events.clear();
        trackingRequests.clear();
        publicApiRequests.clear();
        acceptedMessageIds.clear();
        epoch++;
    }
}
