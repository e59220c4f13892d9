package io.camelsegment.benchmarks;

/**
 * One way of turning a route's body into what goes on the wire, measured on every {@link Scenario}. Today the
 * component's own per-event path; a Segment client library or a hand-written camel-http route are further engines.
 */
public interface Engine {

    /** Prepares the body of one scenario for sending and returns what would be sent, so no work is optimised away. */
    Object prepare(Scenario scenario, Object body);
}
