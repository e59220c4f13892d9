package io.camelsegment.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the emulator received, in arrival order: Tracking API events, raw Tracking API requests
 * and Public API requests, each capped (see {@link RecordLog}). Also remembers accepted messageIds,
 * because Segment deduplicates on them.
 */
final class Recording {

    private final RecordLog<TrackedEvent> events;
    private final RecordLog<TrackingRequest> trackingRequests;
    private final RecordLog<PublicApiRequest> publicApiRequests;
    private final Set<String> acceptedMessageIds = new HashSet<>();
    /** Changes on every clear, so a poller holding sequence numbers knows they no longer mean anything. */
    private long epoch = 1;

    /** @param capacity how many items each list keeps; 0 keeps everything */
    Recording(int capacity) {
        events = new RecordLog<>(capacity, TrackedEvent::sequence);
        trackingRequests = new RecordLog<>(capacity, TrackingRequest::sequence);
        publicApiRequests = new RecordLog<>(capacity, PublicApiRequest::sequence);
    }

    /**
     * Records an event; an event that would be accepted but repeats an accepted messageId is recorded as
     * dropped instead. Check and record happen under one lock so two concurrent copies cannot both pass.
     */
    synchronized TrackedEvent record(TrackedEvent event) {
        return events.add(sequence -> {
            TrackedEvent recorded = event.withSequence(sequence);
            if (recorded.accepted() && recorded.messageId() != null && !acceptedMessageIds.add(recorded.messageId())) {
                return recorded.droppedAs(DropReason.DUPLICATE_MESSAGE_ID);
            }
            return recorded;
        });
    }

    synchronized void record(TrackingRequest request) {
        trackingRequests.add(request::withSequence);
    }

    synchronized void record(PublicApiRequest request) {
        publicApiRequests.add(request::withSequence);
    }

    synchronized List<TrackedEvent> events(Predicate<TrackedEvent> filter) {
        return events.matching(filter);
    }

    synchronized RecordLog.Page<TrackedEvent> events(Predicate<TrackedEvent> filter, long after, long before, int limit) {
        return events.page(filter, after, before, limit);
    }

    synchronized long evictedEvents() {
        return events.evicted();
    }

    synchronized List<TrackingRequest> trackingRequests() {
        return trackingRequests.matching(request -> true);
    }

    synchronized RecordLog.Page<TrackingRequest> trackingRequests(long after, long before, int limit) {
        return trackingRequests.page(request -> true, after, before, limit);
    }

    synchronized List<PublicApiRequest> publicApiRequests() {
        return publicApiRequests.matching(request -> true);
    }

    synchronized RecordLog.Page<PublicApiRequest> publicApiRequests(long after, long before, int limit) {
        return publicApiRequests.page(request -> true, after, before, limit);
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
