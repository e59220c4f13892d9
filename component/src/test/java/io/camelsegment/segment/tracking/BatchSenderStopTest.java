package io.camelsegment.segment.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentNotDeliveredException;
import io.camelsegment.segment.http.RateLimitGate;
import io.camelsegment.segment.http.RetryPolicy;
import io.camelsegment.segment.http.RouteThreads;
import io.camelsegment.segment.http.SegmentTransport;
import io.camelsegment.segment.http.SegmentTransport.FirstAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stop that gives up on a queue's batches, whenever it comes, ends their events as not delivered. */
class BatchSenderStopTest {

    private static final String URL = "http://127.0.0.1:1/v1";

    /** Runs the given step at the moment a request is handed over for sending, instead of ever sending it. */
    private static final class StopWhileSending extends ScheduledThreadPoolExecutor {

        private Runnable onSchedule = () -> {
        };

        StopWhileSending() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            onSchedule.run();
            return super.schedule(() -> {
            }, 1, TimeUnit.DAYS);
        }
    }

    private final StopWhileSending workers = new StopWhileSending();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void aStopThatComesWhileTheBatchIsLeavingEndsItsEventsAsNotDelivered() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SegmentTransport transport = new SegmentTransport(null, workers, FirstAttempt.WORKER,
                new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)),
                Duration.ofSeconds(1), mapper, Clock.systemUTC());
        BatchSender sender = new BatchSender(new TrackingClient(transport, mapper), transport, URL, "a-write-key",
                Clock.systemUTC(), new DeliveryStatistics(URL, MaskedWriteKey.of("a-write-key"), RateLimitGate.never()),
                new RouteThreads(workers, 1));
        workers.onSchedule = () -> sender.giveUp("the route stopped");
        PendingEvent event = new PendingEvent(new MessageEncoder.Encoded("m-1",
                "{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\",\"messageId\":\"m-1\"}"
                        .getBytes(StandardCharsets.UTF_8)),
                new CompletableFuture<>(), null);

        sender.send(List.of(event));

        assertThatThrownBy(() -> event.receipt().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SegmentNotDeliveredException.class)
                .hasMessage("The event m-1 was not delivered: the route stopped");
        assertThat(sender.allAnswered()).succeedsWithin(Duration.ofSeconds(5));
    }
}
