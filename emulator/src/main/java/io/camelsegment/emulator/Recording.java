package io.camelsegment.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything the emulator received, in arrival order: Tracking API events, raw Tracking API requests
 * and Public API requests, each capped (see {@link RecordLog}). Also remembers accepted messageIds,
 * because Segment deduplicates on them: the newest {@value #IDS_PER_RECORDED_ITEM} times as many as it keeps
 * events, so a long-running test JVM does not grow without end.
 */
final class Recording {

    private final RecordLog<TrackedEvent> events;
    private final RecordLog<TrackingRequest> trackingRequests;
    private final RecordLog<PublicApiRequest> publicApiRequests;
    /** How many accepted messageIds are remembered for each event kept: duplicates arrive close together. */
    static final int IDS_PER_RECORDED_ITEM = 10;

    private final Map<String, Boolean> acceptedMessageIds;
    /** Changes on every clear, so a poller holding sequence numbers knows they no longer mean anything. */
    private long epoch = 1;

    /** @param capacity how many items each list keeps; 0 keeps everything */
    Recording(int capacity) {
        events = new RecordLog<>(capacity, TrackedEvent::sequence);
        trackingRequests = new RecordLog<>(capacity, TrackingRequest::sequence);
        publicApiRequests = new RecordLog<>(capacity, PublicApiRequest::sequence);
        acceptedMessageIds = newestIds(capacity == 0 ? 0 : (long) capacity * IDS_PER_RECORDED_ITEM);
    }

    /** An insertion-ordered map that forgets its oldest id past {@code limit}; 0 remembers every id. */
    private static Map<String, Boolean> newestIds(long limit) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return limit > 0 && size() > limit;
            }
        };
    }

    /**
     * Records an event; an event that would be accepted but repeats an accepted messageId is recorded as
     * dropped instead. Check and record happen under one lock so two concurrent copies cannot both pass.
     */
    synchronized TrackedEvent record(TrackedEvent event) {
        return events.add(sequence -> {
            TrackedEvent recorded = event.withSequence(sequence);
            if (recorded.accepted() && recorded.messageId() != null && acceptedMessageIds.put(recorded.messageId(), Boolean.TRUE) != null) {
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
