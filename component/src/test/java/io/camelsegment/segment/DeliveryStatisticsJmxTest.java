package io.camelsegment.segment;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each delivery queue's counters are JMX attributes of a Camel-managed MBean beside Camel's services, read here
 * through the platform MBeanServer as a JMX console would.
 */
class DeliveryStatisticsJmxTest extends SegmentTestSupport {

    private static final long WAIT_SECONDS = 10;

    @Override
    public void configureTest(TestExecutionConfiguration testConfiguration) {
        super.configureTest(testConfiguration);
        testConfiguration.withEnableJMX();
    }

    private static Set<ObjectName> queueMBeans(MBeanServer server) throws Exception {
        return server.queryNames(new ObjectName("org.apache.camel:type=services,name=SegmentDeliveryQueue*,*"), null);
    }

    private List<Exchange> trackAll(String uri, String... userIds) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (String userId : userIds) {
            sent.add(template.asyncSend(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, userId)));
        }
        List<Exchange> ended = new ArrayList<>();
        for (CompletableFuture<Exchange> exchange : sent) {
            ended.add(exchange.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        return ended;
    }

    @Test
    void aQueuesAttributesShowWhatItDeliveredRetriedAndFailed() throws Exception {
        wireMock.stubFor(any(anyUrl()).atPriority(1).withRequestBody(containing("u-refused"))
                .willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(any(anyUrl()).atPriority(5).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        String uri = tracking("track", "event=E&deliveryMode=batched&flushCount=3&flushInterval=60000&maxRetries=1"
                                       + "&retryInitialDelay=5&retryMaxDelay=10");

        assertThat(trackAll(uri, "u-1", "u-2", "u-3", "u-4", "u-5", "u-6"))
                .allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(trackAll(uri, "u-refused-1", "u-refused-2", "u-refused-3"))
                .allSatisfy(exchange -> assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class));

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = queueMBeans(server);
        assertThat(names).hasSize(1);
        ObjectName queue = names.iterator().next();
        assertThat(queue.getKeyProperty("context")).isEqualTo(context.getManagementName());
        assertThat(server.getAttribute(queue, "BatchesSent")).isEqualTo(3L);
        assertThat(server.getAttribute(queue, "EventsDelivered")).isEqualTo(6L);
        assertThat(server.getAttribute(queue, "EventsFailed")).isEqualTo(3L);
        assertThat(server.getAttribute(queue, "Retries")).isEqualTo(1L);
        assertThat(server.getAttribute(queue, "LastHttpStatus")).isEqualTo(500);
        assertThat(server.getAttribute(queue, "QueuedEvents")).isEqualTo(0L);
        assertThat(server.getAttribute(queue, "QueuedBytes")).isEqualTo(0L);
        assertThat(server.getAttribute(queue, "RateLimitPauses")).isEqualTo(0L);
        assertThat(server.getAttribute(queue, "TrackingUrl")).isEqualTo(trackingUrl());
        assertThat(server.getAttribute(queue, "WriteKey")).isEqualTo("xxxxxx_123");
        assertThat(server.getMBeanInfo(queue).getDescription()).contains("Segment delivery queue");
    }

    @Test
    void eventsAndBytesQueuedShowWhileABatchFills() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        String uri = tracking("track", "event=E&deliveryMode=batched&flushCount=100&flushInterval=60000");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String userId = "u-" + i;
            sent.add(template.asyncSend(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, userId)));
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while ((queueMBeans(server).isEmpty()
                || !Long.valueOf(4).equals(server.getAttribute(queueMBeans(server).iterator().next(), "QueuedEvents")))
               && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        ObjectName queue = queueMBeans(server).iterator().next();
        assertThat(server.getAttribute(queue, "QueuedEvents")).isEqualTo(4L);
        assertThat((Long) server.getAttribute(queue, "QueuedBytes")).isBetween(4L * 100, 4L * 1000);
        assertThat(server.getAttribute(queue, "BatchesSent")).isEqualTo(0L);
        assertThat(requests()).isEmpty();

        context.stop();

        assertThat(sent).allSatisfy(exchange -> assertThat(exchange.get().getException()).isNull());
        assertThat(queueMBeans(server)).as("unregistered with its queue").isEmpty();
    }
}
