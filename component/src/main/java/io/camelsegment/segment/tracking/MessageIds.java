package io.camelsegment.segment.tracking;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New messageIds, in the shape of a random (version 4) UUID, at the cost of a counter increment rather than a
 * {@link SecureRandom} draw per event.
 *
 * <p>
 * Segment keeps the first event of each messageId, so ids must never repeat, across threads, JVMs and restarts. Each
 * source draws 122 random bits from SecureRandom once: its first 60 are fixed in every id it gives, the last 62 are the
 * start of a counter. Its own ids differ in the counter (for 2^62 ids). Two sources (two JVMs, a restart, two
 * endpoints) can only give the same id if they drew the same 60 bits, a chance of 1 in 2^60 per pair, and counters
 * that run into each other besides; a random UUID per event is no safer, being 122 random bits too.
 *
 * <p>
 * The randomness is drawn when a source is made, at run time: never baked into an image built ahead of time.
 */
public final class MessageIds {

    private static final long VERSION_MASK = 0xF000L;
    private static final long VERSION_4 = 0x4000L;
    private static final long COUNTER_BITS = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long IETF_VARIANT = 0x8000_0000_0000_0000L;

    private final long fixed;
    private final AtomicLong counter;

    public MessageIds() {
        SecureRandom random = new SecureRandom();
        this.fixed = random.nextLong() & ~VERSION_MASK | VERSION_4;
        this.counter = new AtomicLong(random.nextLong());
    }

    /** A messageId no source has given before: 36 characters, well under Segment's limit of 100. */
    public String next() {
        return new UUID(fixed, counter.getAndIncrement() & COUNTER_BITS | IETF_VARIANT).toString();
    }
}
