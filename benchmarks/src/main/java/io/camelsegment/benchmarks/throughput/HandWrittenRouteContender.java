package io.camelsegment.benchmarks.throughput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.benchmarks.Events;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What a user without this component writes: a route that stamps type, messageId and timestamp on the map,
 * serializes it with Jackson and POSTs it to /v1/track with camel-http, one request per event, called by
 * {@code callers} threads.
 */
public final class HandWrittenRouteContender implements Contender {

    private final int callers;
    private final ObjectMapper json = new ObjectMapper();
    private CamelContext context;
    private ProducerTemplate template;
    private Callers pool;

    public HandWrittenRouteContender(int callers) {
        this.callers = callers;
    }

    @Override
    public String name() {
        return "camel-http route x" + callers;
    }

    @Override
    public String description() {
        return "route: Jackson writeValueAsBytes + camel-http POST /v1/track per event (camel-http defaults); "
                + callers + " calling threads";
    }

    @Override
    public void open(String sinkUrl) throws Exception {
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString("bench-key:".getBytes(StandardCharsets.UTF_8));
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:segment-track")
                        .process(exchange -> {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> message = exchange.getIn().getBody(Map.class);
                            message.put("type", "track");
                            message.put("messageId", UUID.randomUUID().toString());
                            message.put("timestamp", Instant.now().toString());
                            exchange.getIn().setBody(json.writeValueAsBytes(message));
                        })
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader("Authorization", constant(authorization))
                        .to(sinkUrl + "/v1/track");
            }
        });
        context.start();
        template = context.createProducerTemplate();
        pool = new Callers("camel-http", callers);
    }

    @Override
    public void send(int events, Latencies latencies) throws Exception {
        pool.run(events, 1, latencies, (from, to) -> template.sendBody("direct:segment-track", Events.orderCompleted(from)));
    }

    @Override
    public long failures() {
        return pool.failures();
    }

    @Override
    public Map<String, Long> failureTypes() {
        return pool.failureTypes();
    }

    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
