package io.camelsegment.segment;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever goes wrong before a request is sent, Exception or Error, ends the exchange once, with the cause. */
class FailureBeforeSendingTest extends SegmentTestSupport {

    /** A stream whose every read fails, as a broken upload or a closed socket does. */
    private static final class BrokenStream extends InputStream {
        @Override
        public int read() throws IOException {
            throw new IOException("connection closed by the upstream system");
        }
    }

    /** A body Jackson reads through its getter, which fails the way a clashing library on the class path does. */
    public static final class ClashingBody {
        public String getUserId() {
            throw new NoClassDefFoundError("com/example/Missing");
        }
    }

    private Exchange sendToProducer(String uri, Object body, AtomicInteger callbacks) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(body);
        CountDownLatch done = new CountDownLatch(1);
        producer.process(exchange, doneSync -> {
            callbacks.incrementAndGet();
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        producer.stop();
        return exchange;
    }

    @Test
    void aBodyStreamThatFailsToReadIsAValidationErrorNamingTheOperation() {
        Exchange exchange = send(tracking("track", "userId=u&event=E"), new BrokenStream());

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class)
                .hasMessage("Segment track was not sent: the body stream could not be read (IOException)")
                .hasRootCauseMessage("connection closed by the upstream system");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aPublicApiBodyStreamThatFailsToReadNamesItsOperation() {
        Exchange exchange = send(publicApi("updateSource", "sourceId=src-1"), new BrokenStream());

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class)
                .hasMessageStartingWith("Segment updateSource was not sent: the body stream could not be read");
        assertThat(requests()).isEmpty();
    }

    @Test
    void anErrorWhileBuildingTheMessageEndsTheExchangeOnceWithThatError() throws Exception {
        AtomicInteger callbacks = new AtomicInteger();

        Exchange exchange = sendToProducer(tracking("identify", ""), new ClashingBody(), callbacks);

        // Camel keeps a Throwable that is not an Exception as the cause of a CamelExecutionException
        assertThat(exchange.getException()).hasCauseInstanceOf(NoClassDefFoundError.class)
                .hasRootCauseMessage("com/example/Missing");
        assertThat(callbacks).hasValue(1);
        assertThat(requests()).isEmpty();
    }

    @Test
    void anErrorInARouteReachesItsErrorHandlerInsteadOfEscaping() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:clash").onException(Throwable.class).handled(true).setBody(constant("handled")).end()
                        .to(tracking("identify", ""));
            }
        });

        Object answer = template.requestBody("direct:clash", new ClashingBody());

        assertThat(answer).isEqualTo("handled");
        assertThat(requests()).isEmpty();
    }
}
