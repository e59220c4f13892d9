package io.camelsegment.segment.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.ObjectName;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentNotDeliveredException;
import io.camelsegment.segment.http.RateLimitGate;
import io.camelsegment.segment.http.ReferenceCounts;
import io.camelsegment.segment.http.RetryPolicy;
import io.camelsegment.segment.http.SegmentTransport;
import io.camelsegment.segment.http.SegmentTransport.FirstAttempt;
import io.camelsegment.segment.http.SharedTransport;
import io.camelsegment.segment.http.SharedTransports;
import io.camelsegment.segment.http.TransportSettings;
import org.apache.camel.CamelContext;

/**
 * A component's delivery queues, one per {@link Key}, shared by every producer that sends with the same write key and
 * settings, each closed (drained within its shutdown timeout) with its last producer or with the component.
 *
 * <p>
 * A queue per producer would split one source's events into as many small batches as there are endpoints, and a
 * {@code toD} per tenant would multiply timers and buffers by the number of tenants.
 */
public final class BatchQueues {

    /**
     * What makes two producers' queues interchangeable.
     *
     * @param writeKey a secret: never in {@link #toString()}
     */
    public record Key(TransportSettings transport, String trackingUrl, String writeKey, BatchSettings batch,
                      RetryPolicy retry) {

        @Override
        public String toString() {
            return "BatchQueues.Key[" + trackingUrl + ", writeKey=xxxxxx, " + batch + "]";
        }
    }

    private final SharedTransports transports;
    /** Reads Segment's answers only: the events arrive already written with the producers' own mappers. */
    private final ObjectMapper answers = new ObjectMapper();
    private final ReferenceCounts<Key, BatchQueue> queues = new ReferenceCounts<>();
    private final WriteKeyAnswers writeKeyAnswers;
    /** The JMX names of the queues' statistics, to unregister them when their queue closes. */
    private final Map<BatchQueue, ObjectName> managed = new ConcurrentHashMap<>();
    private volatile boolean contextStopping;

    /** @param writeKeyAnswers told of Segment's final answer to each batch, for the write keys' health checks */
    public BatchQueues(SharedTransports transports, WriteKeyAnswers writeKeyAnswers) {
        this.transports = transports;
        this.writeKeyAnswers = writeKeyAnswers;
    }

    /**
     * The queue for {@code key}, opened on first use; give it back with {@link #release}, never close it. Once the
     * CamelContext is stopping, an open queue still takes the events of exchanges in flight, but no new queue opens:
     * it would take events after the drain, which nothing would deliver or hand over any more.
     */
    public BatchQueue acquire(CamelContext context, Key key) throws Exception {
        return queues.acquire(key, opened -> {
            if (contextStopping) {
                throw new SegmentNotDeliveredException(
                        "The event was not queued: the CamelContext is stopping, and no new Segment delivery queue opens");
            }
            return open(context, opened);
        });
    }

    /** The CamelContext (re)started: queues open again. */
    public void start() {
        contextStopping = false;
    }

    private BatchQueue open(CamelContext context, Key key) throws Exception {
        SharedTransport shared = transports.acquire(context, key.transport());
        // one gate per queue: a 429 pauses every batch of this write key, and no other key's
        RateLimitGate gate = RateLimitGate.of(Clock.systemUTC());
        DeliveryStatistics statistics = new DeliveryStatistics(key.trackingUrl(), MaskedWriteKey.of(key.writeKey()), gate);
        SegmentTransport transport = new SegmentTransport(shared.client(), shared.workers(), FirstAttempt.WORKER, key.retry(),
                Duration.ofMillis(key.transport().http().responseTimeout()), answers, Clock.systemUTC(), gate, statistics);
        BatchSender sender = new BatchSender(new TrackingClient(transport, answers, writeKeyAnswers), transport,
                key.trackingUrl(), key.writeKey(), Clock.systemUTC(), statistics, shared.routeThreads());
        BatchQueue queue = new BatchQueue(key.batch(), sender, shared.workers());
        DeliveryStatisticsMBeans.register(context, statistics).ifPresent(name -> managed.put(queue, name));
        return queue;
    }

    /**
     * One user fewer for each key; the last user of a queue drains and closes it, which may take up to its shutdown
     * timeout: outside the registry's lock, so other producers open and release their queues meanwhile. The queues
     * closed together share one deadline rather than each waiting its timeout after the other.
     */
    public void release(CamelContext context, Collection<Key> keys) {
        Map<Key, BatchQueue> last = new LinkedHashMap<>();
        keys.forEach(key -> queues.release(key).ifPresent(queue -> last.put(key, queue)));
        close(context, last);
    }

    /**
     * The CamelContext is stopping, its routes still run: every queue sends what it holds and waits, until one deadline
     * a shutdown timeout away, for Segment's answers; background events still unanswered then reach their failure
     * endpoints while the routes consuming them still run.
     */
    public void prepareStop() {
        contextStopping = true;
        List<BatchQueue> open = queues.open();
        Map<BatchQueue, Long> deadlines = new LinkedHashMap<>();
        open.forEach(queue -> deadlines.put(queue, queue.stopDeadline()));
        open.forEach(BatchQueue::flush);
        deadlines.forEach(BatchQueue::prepareStop);
    }

    /** Drains and closes every queue, whoever still holds it: the component is stopping. */
    public void closeAll(CamelContext context) {
        close(context, queues.removeAll());
    }

    private void close(CamelContext context, Map<Key, BatchQueue> closing) {
        // every deadline is set and every queue flushed first, so they all use the timeout together
        Map<Key, Long> deadlines = new LinkedHashMap<>();
        closing.forEach((key, queue) -> deadlines.put(key, queue.stopDeadline()));
        closing.values().forEach(BatchQueue::flush);
        closing.forEach((key, queue) -> {
            try {
                queue.close(deadlines.get(key));
            } finally {
                transports.release(context, key.transport());
                ObjectName name = managed.remove(queue);
                if (name != null) {
                    DeliveryStatisticsMBeans.unregister(context, name);
                }
            }
        });
    }

    /** The open queues. */
    public List<BatchQueue> open() {
        return queues.open();
    }

    /** How many producers hold each open queue. */
    public Map<Key, Integer> users() {
        return queues.users();
    }
}
