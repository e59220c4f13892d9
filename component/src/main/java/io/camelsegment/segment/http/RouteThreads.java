package io.camelsegment.segment.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a route continues once Segment answered: never on the thread that did the I/O, which would otherwise wait for
 * the rest of the route (a slow step, a second endpoint) before it could send anything else.
 *
 * <p>
 * The pool's queue is unbounded, yet holds at most one task per exchange in flight, which the caller already bounds.
 */
public final class RouteThreads implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(RouteThreads.class);

    private final ExecutorService pool;
    private final int threads;
    /** The continuations handed over while this thread completes a whole batch's exchanges. */
    private final ThreadLocal<List<Runnable>> gathering = new ThreadLocal<>();

    /** @param threads how many threads the pool has: a batch's continuations are spread over as many tasks */
    public RouteThreads(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = Math.max(1, threads);
    }

    @Override
    public void execute(Runnable continuation) {
        List<Runnable> gathered = gathering.get();
        if (gathered != null) {
            gathered.add(continuation);
            return;
        }
        submit(continuation);
    }

    /**
     * Runs {@code completions}, which end many exchanges at once (a batch's answer); the continuations they hand over
     * meanwhile go to the pool in at most one task per thread instead of one task each. A batch of 250 costs 10
     * hand-offs rather than 250, and its exchanges still go on in parallel, on as many threads as before.
     */
    public void gathering(Runnable completions) {
        if (gathering.get() != null) {
            completions.run();
            return;
        }
        List<Runnable> gathered = new ArrayList<>();
        gathering.set(gathered);
        try {
            completions.run();
        } finally {
            gathering.remove();
            submitInShares(gathered);
        }
    }

    private void submitInShares(List<Runnable> gathered) {
        int tasks = Math.min(gathered.size(), threads);
        for (int task = 0; task < tasks; task++) {
            List<Runnable> share = gathered.subList(task * gathered.size() / tasks, (task + 1) * gathered.size() / tasks);
            submit(() -> share.forEach(RouteThreads::runAlone));
        }
    }

    /** Each continuation ends an exchange: one that throws must not keep the others of its task from running. */
    private static void runAlone(Runnable continuation) {
        try {
            continuation.run();
        } catch (Throwable e) {
            LOG.error("A route continuing after Segment's answer threw {}", e.toString(), e);
        }
    }

    private void submit(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the pool only refuses once it is shut down: the exchange must still end, here if nowhere else
            task.run();
        }
    }

    ExecutorService pool() {
        return pool;
    }
}
