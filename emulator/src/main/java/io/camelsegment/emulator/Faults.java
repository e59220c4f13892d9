package io.camelsegment.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Scripted failures for tests. Each call starts a rule that is then shaped fluently:
 * <pre>{@code
 * emulator.faults().next(3).status(429).retryAfterSeconds(1);   // the next 3 requests
 * emulator.faults().ratio(0.3).onTracking().status(503);          // about 30 % of tracking requests
 * emulator.faults().next(1).onPublicApi().connectionReset();      // drop one Public API connection
 * emulator.faults().next(2).delay(Duration.ofSeconds(2));         // answer 2 requests late
 * }</pre>
 * Rules apply to the Tracking API and the Public API, never to the Debugger page or {@code /emulator/*}.
 * A request takes the first rule, in the order they were made, that matches its path and still has
 * requests left. The share of a {@code ratio} rule is drawn from a {@link Random} with a fixed seed, so
 * a test sees the same sequence on every run.
 */
public final class Faults {

    private final long seed;
    private final List<FaultRule> rules = new ArrayList<>();
    private Random random;

    Faults(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A rule for the next {@code requests} matching requests. */
    public synchronized FaultRule next(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, got " + requests);
        }
        return add(new FaultRule(requests, 1.0));
    }

    /** A rule for a share (0 to 1) of the matching requests, for as long as the rule stands. */
    public synchronized FaultRule ratio(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be between 0 and 1, got " + share);
        }
        return add(new FaultRule(Integer.MAX_VALUE, share));
    }

    /** A rule for every matching request until {@link #clear()} or a reset. */
    public synchronized FaultRule always() {
        return add(new FaultRule(Integer.MAX_VALUE, 1.0));
    }

    /** Removes every rule and restarts the random sequence from the seed. */
    public synchronized void clear() {
        rules.clear();
        random = new Random(seed);
    }

    private FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    /** The fault for a request on this path, if a rule takes it; taking it uses up one of the rule's requests. */
    synchronized Optional<Fault> claim(String path) {
        for (FaultRule rule : rules) {
            if (rule.applies(path) && rule.draw(random)) {
                return Optional.of(rule.use());
            }
        }
        return Optional.empty();
    }
}
