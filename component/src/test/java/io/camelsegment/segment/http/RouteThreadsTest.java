package io.camelsegment.segment.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How exchanges go on once Segment answered: one task each, or a batch's in a few tasks. */
class RouteThreadsTest {

    /** Counts the tasks it is given. */
    private final AtomicInteger tasks = new AtomicInteger();
    private final ExecutorService pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>()) {
        @Override
        public void execute(Runnable command) {
            tasks.incrementAndGet();
            super.execute(command);
        }
    };

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aBatchsContinuationsGoOnInAtMostOneTaskPerThread() throws Exception {
        RouteThreads routeThreads = new RouteThreads(pool, 4);
        CountDownLatch ended = new CountDownLatch(250);
        List<String> threads = new CopyOnWriteArrayList<>();

        routeThreads.gathering(() -> {
            for (int i = 0; i < 250; i++) {
                routeThreads.execute(() -> {
                    threads.add(Thread.currentThread().getName());
                    ended.countDown();
                });
            }
        });

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(tasks).hasValue(4);
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void outsideABatchEachContinuationIsATaskOfItsOwn() throws Exception {
        RouteThreads routeThreads = new RouteThreads(pool, 4);
        CountDownLatch ended = new CountDownLatch(3);

        for (int i = 0; i < 3; i++) {
            routeThreads.execute(ended::countDown);
        }

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(tasks).hasValue(3);
    }

    @Test
    void aContinuationThatThrowsDoesNotKeepTheOthersOfItsTaskFromRunning() throws Exception {
        RouteThreads routeThreads = new RouteThreads(pool, 1);
        CountDownLatch ended = new CountDownLatch(2);

        routeThreads.gathering(() -> {
            routeThreads.execute(ended::countDown);
            routeThreads.execute(() -> {
                throw new StackOverflowError("a route too deep");
            });
            routeThreads.execute(ended::countDown);
        });

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(tasks).hasValue(1);
    }

    @Test
    void continuationsGatheredWhenTheCompletionsThrowStillGoOn() throws Exception {
        RouteThreads routeThreads = new RouteThreads(pool, 2);
        CountDownLatch ended = new CountDownLatch(1);

        try {
            routeThreads.gathering(() -> {
                routeThreads.execute(ended::countDown);
                throw new IllegalStateException("the rest of the batch could not be completed");
            });
        } catch (IllegalStateException expected) {
            // the caller's to handle; the continuation already handed over is not lost
        }

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aPoolThatHasStoppedRunsTheContinuationsInTheCallersThread() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        RouteThreads routeThreads = new RouteThreads(stopped, 2);
        List<String> threads = new CopyOnWriteArrayList<>();

        routeThreads.gathering(() -> {
            routeThreads.execute(() -> threads.add(Thread.currentThread().getName()));
            routeThreads.execute(() -> threads.add(Thread.currentThread().getName()));
        });

        assertThat(threads).containsOnly(Thread.currentThread().getName()).hasSize(2);
    }
}
