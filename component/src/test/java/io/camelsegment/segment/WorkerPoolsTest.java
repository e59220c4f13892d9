package io.camelsegment.segment;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** Producers share the component's worker threads, so an endpoint per tenant does not mean a pool per tenant. */
class WorkerPoolsTest extends SegmentTestSupport {

    @BeforeEach
    void segmentAccepts() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    private static long segmentThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains("Segment")).count();
    }

    @Test
    void fiftyTenantEndpointsShareOnePoolOfWorkerPoolSizeThreads() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tenant").toD("segment:track?event=E&userId=u&workerPoolSize=4&writeKey=${header.tenantKey}"
                                          + "&trackingUrl=" + trackingUrl());
            }
        });
        long before = segmentThreads();

        List<Exchange> sent = IntStream.range(0, 50).boxed().flatMap(tenant -> IntStream.range(0, 3)
                .mapToObj(i -> template.request("direct:tenant",
                        e -> e.getIn().setHeaders(new java.util.HashMap<>(Map.of("tenantKey", "wk-tenant-" + tenant))))))
                .toList();

        assertThat(sent).allMatch(exchange -> exchange.getException() == null);
        assertThat(requests()).hasSize(150);
        assertThat(context.getComponent("segment", SegmentComponent.class).workerPools().size()).isEqualTo(1);
        assertThat(segmentThreads() - before).isLessThanOrEqualTo(4);
    }

    @Test
    void stoppingOneRouteLeavesTheSharedPoolToTheOthers() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").routeId("a").to(tracking("track", "userId=u&event=A"));
                from("direct:b").routeId("b").to(tracking("track", "userId=u&event=B"));
            }
        });
        template.sendBody("direct:a", null);

        context.getRouteController().stopRoute("a");
        context.removeRoute("a");
        Exchange afterwards = template.request("direct:b", e -> e.getIn().setBody(null));

        assertThat(afterwards.getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void theLastProducerToStopShutsThePoolDown() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:only").routeId("only").to(tracking("track", "userId=u&event=E"));
            }
        });
        template.sendBody("direct:only", null);
        WorkerPools pools = context.getComponent("segment", SegmentComponent.class).workerPools();
        assertThat(pools.size()).isEqualTo(1);

        context.getRouteController().stopRoute("only");
        context.removeRoute("only");

        assertThat(pools.size()).isZero();
    }
}
