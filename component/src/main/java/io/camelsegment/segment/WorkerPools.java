package io.camelsegment.segment;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;

/**
 * The component's worker threads, shared by all its producers: one pool per {@code workerPoolSize} in use, shut down
 * when its last producer stops.
 *
 * <p>
 * Producers come and go with endpoints: a {@code toD} with a write key per tenant makes one endpoint per tenant, and a
 * pool each would mean {@code workerPoolSize} threads per tenant.
 */
final class WorkerPools {

    private record Pool(ScheduledExecutorService executor, int users) {
    }

    private final Object owner;
    private final Map<Integer, Pool> pools = new HashMap<>();

    WorkerPools(Object owner) {
        this.owner = owner;
    }

    /** The pool of {@code size} threads, made on first use; give it back with {@link #release}, never shut it down. */
    synchronized ScheduledExecutorService acquire(CamelContext context, int size) {
        Pool pool = pools.get(size);
        if (pool == null) {
            pool = new Pool(context.getExecutorServiceManager().newScheduledThreadPool(owner, "Segment", size), 0);
        }
        pools.put(size, new Pool(pool.executor(), pool.users() + 1));
        return pool.executor();
    }

    /** One user fewer; the last one shuts the pool down. */
    synchronized void release(CamelContext context, int size) {
        Pool pool = pools.get(size);
        if (pool == null) {
            return;
        }
        if (pool.users() > 1) {
            pools.put(size, new Pool(pool.executor(), pool.users() - 1));
            return;
        }
        pools.remove(size);
        context.getExecutorServiceManager().shutdownNow(pool.executor());
    }

    /** How many pools are in use, for tests and the note on thread counts. */
    synchronized int size() {
        return pools.size();
    }
}
