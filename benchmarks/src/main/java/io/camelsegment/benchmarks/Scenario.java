package io.camelsegment.benchmarks;

import io.camelsegment.segment.tracking.MessageType;
import io.camelsegment.segment.tracking.TrackingCall;

/**
 * One kind of input an engine is measured on: which call it is, the body the route hands over, and how many events
 * that body holds (to report per event). Adding a scenario is adding a constant; every engine runs every scenario.
 */
public enum Scenario {

    /** A track call whose body is a map the route built. */
    TRACK_MAP(TrackingCall.single(MessageType.TRACK), 1) {
        @Override
        Object body() {
            return Events.orderCompleted(1);
        }
    },
    /** A track call whose body is JSON text. */
    TRACK_JSON(TrackingCall.single(MessageType.TRACK), 1) {
        @Override
        Object body() {
            return Events.orderCompletedJson(1);
        }
    },
    /** A caller-built batch of 100 track events as JSON text. */
    BATCH_JSON_100(TrackingCall.batch("/batch"), 100) {
        @Override
        Object body() {
            return Events.batchJson(100);
        }
    };

    private final TrackingCall call;
    private final int events;

    Scenario(TrackingCall call, int events) {
        this.call = call;
        this.events = events;
    }

    public TrackingCall call() {
        return call;
    }

    /** How many events one body holds. */
    public int events() {
        return events;
    }

    /** The body, built once per trial: engines must leave it as they found it. */
    abstract Object body();
}
