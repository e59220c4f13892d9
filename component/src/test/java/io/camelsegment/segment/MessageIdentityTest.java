package io.camelsegment.segment;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segment keeps the first event of a messageId and drops the others: every new send goes out with a new id, and only a
 * redelivery of a failed send repeats the id of that send.
 */
class MessageIdentityTest extends SegmentTestSupport {

    private static final String TRACK = tracking("track", "userId=u-1&event=E");

    @BeforeEach
    void segmentAccepts() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    /** Segment answers each status once, in turn, and the last one from then on. */
    private static void answersInTurn(int... statuses) {
        wireMock.resetAll();
        String state = STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = i == statuses.length - 1 ? state : "answer " + (i + 1);
            wireMock.stubFor(any(anyUrl()).inScenario("answers").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i]).withBody("{\"success\":true}")).willSetStateTo(next));
            state = next;
        }
    }

    private static List<Object> messageIdsOnTheWire() {
        return requests().stream().map(SegmentTestSupport::json).map(body -> body.get("messageId")).toList();
    }

    private void route(RouteBuilder routes) throws Exception {
        context.addRoutes(routes);
    }

    @Test
    void eachPassOfALoopIsANewSend() throws Exception {
        route(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:loop").loop(3).to(TRACK).end();
            }
        });

        template.sendBody("direct:loop", null);

        assertThat(messageIdsOnTheWire()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void splitChildrenOfASentExchangeAreNewSends() throws Exception {
        route(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").to(TRACK).split(simple("${body[items]}")).to(TRACK);
            }
        });

        template.sendBody("direct:split", Map.of("items", List.of(Map.of("userId", "u-2"), Map.of("userId", "u-3"))));

        assertThat(messageIdsOnTheWire()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void anOperationSwitchOnOneEndpointIsANewSend() throws Exception {
        String identify = tracking("identify", "userId=u-1");
        route(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:switch").to(identify)
                        .setHeader(SegmentConstants.OPERATION, constant("track"))
                        .setHeader(SegmentConstants.EVENT, constant("Signed Up"))
                        .to(identify);
            }
        });

        template.sendBody("direct:switch", null);

        List<LoggedRequest> requests = requests();
        assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly("/v1/identify", "/v1/track");
        assertThat(messageIdsOnTheWire()).doesNotHaveDuplicates();
    }

    @Test
    void multicastCopiesOfASentExchangeAreNewSends() throws Exception {
        route(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:multicast").to(TRACK).multicast().to(TRACK, TRACK);
            }
        });

        template.sendBody("direct:multicast", null);

        assertThat(messageIdsOnTheWire()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void theSameExchangeSentTwiceIsTwoSends() {
        Exchange exchange = new DefaultExchange(context);

        template.send(TRACK, exchange);
        template.send(TRACK, exchange);

        assertThat(exchange.getException()).isNull();
        assertThat(messageIdsOnTheWire()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aRedeliveryAfterA503RepeatsTheIdOfTheFailedSend() throws Exception {
        answersInTurn(503, 503, 200);
        route(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redelivered").errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .to(TRACK);
            }
        });

        Exchange exchange = template.send("direct:redelivered", e -> e.getIn().setBody(null));

        assertThat(exchange.getException()).isNull();
        List<Object> ids = messageIdsOnTheWire();
        assertThat(ids).hasSize(3);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID)).isEqualTo(ids.get(0));
    }

    @Test
    void aSendAfterAFailedAndHandledOneIsANewSend() throws Exception {
        answersInTurn(503, 200);
        route(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:caught").loop(2).doTry().to(TRACK).doCatch(SegmentHttpException.class).end().end();
            }
        });

        template.sendBody("direct:caught", null);

        assertThat(messageIdsOnTheWire()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aCallersOwnMessageIdIsKeptOnEverySend() throws Exception {
        route(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:own").loop(2).to(TRACK).end();
            }
        });

        template.sendBody("direct:own", Map.of("messageId", "order-1-completed"));

        assertThat(messageIdsOnTheWire()).containsExactly("order-1-completed", "order-1-completed");
    }
}
