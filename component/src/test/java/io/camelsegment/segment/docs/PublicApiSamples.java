package io.camelsegment.segment.docs;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** The Public API and HTTP samples of docs/guide.md; the fragments are shown inside a route of their own here. */
final class PublicApiSamples {

    private PublicApiSamples() {
    }

    /** The guide, "The Public API": labels and delivery metrics. */
    static final class LabelsAndMetrics extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:source-admin")
                // tag::labels-and-metrics[]
                .to("segment:addLabelsToSource?sourceId={{segment.sourceId}}&labels=team:growth&token=RAW({{segment.token}})")

                .to("segment:listDeliveryMetricsSummaryFromDestination?destinationId={{segment.destinationId}}"
                    + "&sourceId={{segment.sourceId}}&granularity=HOUR&token=RAW({{segment.token}})")
                // end::labels-and-metrics[]
                ;
        }
    }

    /** The guide, "The Public API": removing a write key. */
    static final class RemoveWriteKey extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:retire-key")
                // tag::remove-write-key[]
                .setHeader("CamelSegmentWriteKeyToRemove", simple("${body[retiredKey]}"))
                .to("segment:removeWriteKeyFromSource?sourceId={{segment.sourceId}}&token=RAW({{segment.token}})")
                // end::remove-write-key[]
                ;
        }
    }

    /** The guide, "Pagination": one page, then the next. */
    static final class NextPage extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:two-pages")
                .to("segment:getDailyPerSourceApiCallsUsage?period=2026-05-01&pageSize=50&token=RAW({{segment.token}})")
                .setVariable("firstPage", body())
                // tag::next-page[]
                .setHeader("CamelSegmentCursor", header("CamelSegmentNextCursor"))
                // end::next-page[]
                .to("segment:getDailyPerSourceApiCallsUsage?period=2026-05-01&pageSize=50&token=RAW({{segment.token}})");
        }
    }

    /** The guide, "Pagination": every page at once. */
    static final class FollowPages extends RouteBuilder {
        @Override
        public void configure() {
            // tag::follow-pages[]
            from("timer:usage?repeatCount=1")
                .to("segment:getDailyPerSourceApiCallsUsage?period=2026-05-01&pageSize=1000&followPages=true"
                    + "&token=RAW({{segment.token}})")
                .split(simple("${body[dailyPerSourceAPICallsUsage]}"))
                    .log("${body[sourceId]} ${body[timestamp]} ${body[apiCalls]}");
            // end::follow-pages[]
        }
    }

    /** The guide, "HTTP: TLS, proxies, customization". */
    static void bindHttpBeans(CamelContext context) {
        // tag::http-beans[]
        KeyStoreParameters trustStore = new KeyStoreParameters();          // a corporate trust store
        trustStore.setResource("file:/etc/pki/corporate-truststore.p12");
        trustStore.setPassword(System.getenv("TRUSTSTORE_PASSWORD"));
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        context.getRegistry().bind("segmentTls", tls);
        context.getRegistry().bind("myConfigurer", (HttpClientConfigurer) builder -> builder.addRequestInterceptorFirst(
                (request, entity, httpContext) -> request.addHeader("X-Request-Source", "orders-service")));
        // end::http-beans[]
    }
}
