package io.camelsegment.segment.http;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where a route continues once Segment answered: never on the thread that did the I/O, which would otherwise wait for
 * the rest of the route (a slow step, a second endpoint) before it could send anything else.
 *
 * <p>
 * The pool's queue is unbounded, yet holds at most one task per exchange in flight, which the caller already bounds.
 */
public final class RouteThreads implements Executor {

    private final ExecutorService pool;

    public RouteThreads(ExecutorService pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable continuation) {
        try {
            pool.execute(continuation);
        } catch (RejectedExecutionException stopping) {
            // the pool only refuses once it is shut down: the exchange must still end, here if nowhere else
            continuation.run();
        }
    }

    ExecutorService pool() {
        return pool;
    }
}
