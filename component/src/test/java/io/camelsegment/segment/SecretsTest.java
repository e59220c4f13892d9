package io.camelsegment.segment;

import java.io.StringWriter;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** The write key and the token never show up where people read: logs, exception messages, toString, logged URIs. */
class SecretsTest extends SegmentTestSupport {

    private static final String KEY_TO_REMOVE = "wk_SECRET_old_key_789";
    /**
     * Ours at TRACE, Camel's at DEBUG: Camel core's own TRACE lines about endpoint resolution print raw URIs for every
     * component, which no component can change.
     */
    private static final Map<String, Level> LOGGERS = Map.of("io.camelsegment", Level.TRACE, "org.apache.camel", Level.DEBUG);

    private final StringWriter captured = new StringWriter();
    private WriterAppender appender;

    @BeforeEach
    void captureDebugLogs() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        appender = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern("%level %logger - %msg %throwable%n")
                .build(), null, captured, "captured", false, true);
        appender.start();
        LOGGERS.forEach((name, level) -> {
            LoggerConfig logger = new LoggerConfig(name, level, true);
            logger.addAppender(appender, level, null);
            configuration.addLogger(name, logger);
        });
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LOGGERS.keySet().forEach(name -> logging.getConfiguration().removeLogger(name));
        logging.updateLoggers();
        appender.stop();
    }

    private void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(WRITE_KEY).doesNotContain(TOKEN).doesNotContain(KEY_TO_REMOVE)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes()));
    }

    @Test
    void endpointUrisAsCamelLogsThemMaskTheWriteKeyAndToken() {
        Endpoint tracking = context.getEndpoint(tracking("track", "event=E"));
        Endpoint publicApi = context.getEndpoint(publicApi("getDestination", "destinationId=d"));

        assertNoSecretIn(tracking.toString());
        assertNoSecretIn(publicApi.toString());
        assertThat(tracking.toString()).contains("writeKey=xxxxxx");
        assertThat(publicApi.toString()).contains("token=xxxxxx");
    }

    @Test
    void aFailingRouteLogsNoSecret() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"type\":\"Unauthorized\",\"message\":\"bad token\"}]}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:failing").routeId("failing")
                        .to(tracking("track", "userId=u&event=E&maxRetries=1&retryInitialDelay=1"))
                        .to(publicApi("removeWriteKeyFromSource", "sourceId=s&maxRetries=1&retryInitialDelay=1"));
            }
        });
        wireMock.stubFor(any(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/.*"))
                .willReturn(aResponse().withStatus(200)));

        Exchange exchange = template.request("direct:failing",
                e -> e.getIn().setHeader(SegmentConstants.WRITE_KEY_TO_REMOVE, KEY_TO_REMOVE));

        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        assertThat(captured.toString()).contains("failing").contains("removeWriteKeyFromSource");
        assertNoSecretIn(captured.toString());
        assertNoSecretIn(exchange.getException().getMessage());
        assertNoSecretIn(exchange.getException().toString());
    }

    @Test
    void aFailureToConnectDoesNotRevealTheKeyInThePath() {
        Exchange exchange = send("segment:removeWriteKeyFromSource?sourceId=s&maxRetries=0&apiUrl=http://127.0.0.1:1&token=RAW("
                                 + TOKEN + ")", null, Map.of(SegmentConstants.WRITE_KEY_TO_REMOVE, KEY_TO_REMOVE));

        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        assertThat(exchange.getException().getMessage())
                .startsWith("Segment removeWriteKeyFromSource (DELETE /sources/{sourceId}/writekey/{writeKey}) got no answer");
        assertNoSecretIn(exchange.getException().getMessage());
        assertNoSecretIn(captured.toString());
    }

    @Test
    void theConfigurationsToStringHoldsNoSecret() {
        SegmentEndpoint endpoint = context.getEndpoint(tracking("track", "token=RAW(" + TOKEN + ")"), SegmentEndpoint.class);

        assertThat(endpoint.getConfiguration().toString()).isEqualTo("SegmentConfiguration[operation=track, region=us]");
    }
}
