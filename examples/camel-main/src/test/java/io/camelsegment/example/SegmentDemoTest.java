package io.camelsegment.example;

import java.util.List;
import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.TrackedEvent;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentDemoTest {

    private final SegmentTarget target = SegmentTarget.from(Map.of());

    @AfterEach
    void stopEmulator() {
        target.emulator().close();
    }

    @Test
    void withoutCredentialsTheDemoRunsOnTheEmbeddedEmulator() {
        assertThat(target.usesEmulator()).isTrue();
        assertThat(target.properties()).containsEntry("camel.component.segment.trackingUrl", target.emulator().trackingUrl())
                .containsEntry("camel.component.segment.apiUrl", target.emulator().apiUrl());
    }

    @Test
    void theDemoDeliversEveryValidSampleRecordAndRefusesTheInvalidOne() throws Exception {
        DemoSummary summary = SegmentDemo.run(target);

        assertThat(summary.completed()).isTrue();
        List<TrackedEvent> accepted = target.emulator().acceptedEvents();
        assertThat(accepted).filteredOn(e -> "identify".equals(e.type())).extracting(TrackedEvent::userId)
                .containsExactlyInAnyOrder("cus-1001", "cus-1002", "cus-1003", "cus-1004");
        assertThat(accepted).filteredOn(e -> "track".equals(e.type())).hasSize(12)
                .allSatisfy(e -> assertThat(e.event()).isEqualTo("Order Completed"));
        assertThat(target.emulator().droppedEvents()).isEmpty();
        assertThat(target.emulator().trackingRequests()).filteredOn(r -> r.path().startsWith("/v1/batch")).hasSize(3);
        assertThat(summary.render(target)).contains("Customers identified: 4", "Orders tracked: 12 in 3 batch request(s)",
                "Refused before sending: 1", "team:growth");
    }

    @Test
    void theYamlRouteRunsOnItsOwnAsCamelJBangWouldRunIt() throws Exception {
        Main main = new Main();
        target.properties().forEach(main::addOverrideProperty);
        main.addOverrideProperty("segment.label", "region:eu");
        main.addOverrideProperty("camel.main.routesIncludePattern",
                "classpath:routes/source-admin.camel.yaml,file:jbang/run-source-admin.camel.yaml");
        main.addOverrideProperty("camel.main.durationMaxMessages", "1");

        main.run();

        assertThat(target.emulator().source(SegmentEmulator.DEMO_SERVER_SOURCE_ID).orElseThrow().labels())
                .anySatisfy(label -> assertThat(label.key() + ":" + label.value()).isEqualTo("region:eu"));
        assertThat(target.emulator().publicApiRequests()).extracting(r -> r.method() + " " + r.rawPath()).containsExactly(
                "POST /sources/" + SegmentEmulator.DEMO_SERVER_SOURCE_ID + "/labels",
                "GET /sources/" + SegmentEmulator.DEMO_SERVER_SOURCE_ID + "/settings",
                // 90 usage entries (3 sources, 30 days) at pageSize 50: followPages reads two pages
                "GET /usage/api-calls/sources/daily", "GET /usage/api-calls/sources/daily");
    }
}
