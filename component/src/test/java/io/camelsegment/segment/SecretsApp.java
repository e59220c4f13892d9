package io.camelsegment.segment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * A Camel Main application, run in its own JVM by {@link SecretsAtStartupTest}: configured from
 * {@code secrets-app/application.properties} and the {@code SEGMENT_TOKEN} environment variable, it sends a track, an
 * identify and a removeWriteKeyFromSource call to a local stand-in for Segment, and exits 0 only when each carried the
 * credential it was configured with.
 */
public final class SecretsApp {

    private SecretsApp() {
    }

    public static void main(String[] args) throws Exception {
        WireMockServer segment = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        segment.start();
        segment.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true,\"data\":{\"status\":\"SUCCESS\"}}")));
        try {
            run("http://127.0.0.1:" + segment.port());
            List<LoggedRequest> requests = segment.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
            System.exit(carriedTheirCredentials(requests) ? 0 : 1);
        } finally {
            segment.stop();
        }
    }

    private static void run(String url) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:secrets-app/application.properties");
        main.addInitialProperty("segment.url", url);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:track").to("segment:track?event=Signed Up&userId=u-1&trackingUrl={{segment.url}}/v1");
                from("direct:identify")
                        .to("segment:identify?userId=u-1&writeKey={{segment.writeKey}}&trackingUrl={{segment.url}}/v1");
                from("direct:remove").to("segment:removeWriteKeyFromSource?sourceId=src-1"
                                         + "&writeKeyToRemove={{segment.keyToRemove}}&apiUrl={{segment.url}}");
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                ProducerTemplate template = started.getCamelContext().createProducerTemplate();
                for (String route : List.of("direct:track", "direct:identify", "direct:remove")) {
                    template.sendBody(route, Map.of());
                }
                main.completed();
            }
        });
        main.run();
    }

    private static boolean carriedTheirCredentials(List<LoggedRequest> requests) {
        return requests.size() == 3
               && requests.stream().anyMatch(r -> r.getUrl().equals("/v1/track") && basic(r, "wk_COMPONENT_secret_1"))
               && requests.stream().anyMatch(r -> r.getUrl().equals("/v1/identify") && basic(r, "wk_PLACEHOLDER_secret_2"))
               && requests.stream().anyMatch(r -> r.getUrl().equals("/sources/src-1/writekey/wk_REMOVE_secret_3")
                                                  && ("Bearer " + System.getenv("SEGMENT_TOKEN"))
                                                          .equals(r.getHeader("Authorization")));
    }

    private static boolean basic(LoggedRequest request, String writeKey) {
        return ("Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)))
                .equals(request.getHeader("Authorization"));
    }
}
