package io.camelsegment.segment;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Following pages ends: at maxPages, and when Segment repeats a cursor. */
class PaginationLimitsTest extends SegmentTestSupport {

    private static final String WAREHOUSES = "listConnectedWarehousesFromSource";
    private static final String DESCRIPTION
            = "Segment listConnectedWarehousesFromSource (GET /sources/{sourceId}/connected-warehouses)";

    /** The page read with {@code cursor} (none for the first) lists one warehouse and points to {@code next}. */
    private static void page(String cursor, String next) {
        MappingBuilder request = any(anyUrl()).withQueryParam("pagination.cursor", cursor == null ? absent() : equalTo(cursor));
        wireMock.stubFor(request.willReturn(aResponse().withStatus(200).withBody(
                "{\"data\":{\"warehouses\":[{\"id\":\"wh-" + cursor + "\"}],\"pagination\":{\"next\":\"" + next + "\"}}}")));
    }

    @Test
    void followingPagesStopsAtMaxPages() {
        page(null, "c1");
        page("c1", "c2");
        page("c2", "c3");
        page("c3", "c4");

        Exchange exchange = send(publicApi(WAREHOUSES, "sourceId=s&followPages=true&maxPages=3"), null);

        assertThat(exchange.getException()).isInstanceOf(SegmentPaginationException.class)
                .hasMessage(DESCRIPTION + " stopped following pages after 3 page(s): more pages remain than maxPages (3)"
                            + " allows; raise maxPages, or read the pages one by one with the CamelSegmentCursor header");
        assertThat(((SegmentPaginationException) exchange.getException()).getPages()).isEqualTo(3);
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aRepeatedCursorEndsFollowingPages() {
        page(null, "c1");
        page("c1", "c1");

        Exchange exchange = send(publicApi(WAREHOUSES, "sourceId=s&followPages=true"), null);

        assertThat(exchange.getException()).isInstanceOf(SegmentPaginationException.class)
                .hasMessage(DESCRIPTION + " stopped following pages after 2 page(s): Segment gave the cursor 'c1' again,"
                            + " so following it would never end");
        assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(
                "/sources/s/connected-warehouses", "/sources/s/connected-warehouses?pagination.cursor=c1");
    }

    @Test
    void aCursorRepeatingTheOneAskedForEndsFollowingPages() {
        page("c1", "c1");

        Exchange exchange = send(publicApi(WAREHOUSES, "sourceId=s&followPages=true&cursor=c1"), null);

        assertThat(exchange.getException()).isInstanceOf(SegmentPaginationException.class)
                .hasMessageContaining("after 1 page(s)");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void maxPagesIs100UnlessSet() {
        assertThat(context.getEndpoint(publicApi(WAREHOUSES, "sourceId=s"), SegmentEndpoint.class).getConfiguration()
                .getMaxPages()).isEqualTo(100);
    }
}
