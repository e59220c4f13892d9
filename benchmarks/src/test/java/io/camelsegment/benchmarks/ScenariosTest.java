package io.camelsegment.benchmarks;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.tracking.TrackingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the benchmarks measure is real work: every scenario yields the Segment requests its body describes. */
class ScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyScenarioBecomesRequestsHoldingItsEventsOfTypicalSize(Scenario scenario) throws Exception {
        Object body = scenario.body();
        Object before = JSON.writeValueAsString(body);

        @SuppressWarnings("unchecked")
        List<TrackingRequest> requests = (List<TrackingRequest>) Engines.named("camel-segment").prepare(scenario, body);

        assertThat(requests).hasSize(1);
        TrackingRequest request = requests.get(0);
        assertThat(request.messageIds()).hasSize(scenario.events()).doesNotHaveDuplicates();
        assertThat(request.body().length / scenario.events()).isBetween(300, 600);
        JsonNode sent = JSON.readTree(request.body());
        JsonNode first = scenario.events() == 1 ? sent : sent.path("batch").path(0);
        assertThat(first.path("event").asText()).isEqualTo("Order Completed");
        assertThat(first.path("messageId").asText()).isEqualTo(request.messageIds().get(0));
        assertThat(first.path("context").path("library").path("name").asText()).isEqualTo("camel-segment");
        assertThat(first.path("properties").path("products").size()).isEqualTo(2);
        assertThat(JSON.writeValueAsString(body)).as("the route's body is left as given").isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void twoPreparationsOfOneBodyGetDifferentMessageIds(Scenario scenario) {
        Engine engine = Engines.named("camel-segment");
        Object body = scenario.body();

        List<?> first = (List<?>) engine.prepare(scenario, body);
        List<?> second = (List<?>) engine.prepare(scenario, body);

        assertThat(((TrackingRequest) first.get(0)).messageIds())
                .doesNotContainAnyElementsOf(((TrackingRequest) second.get(0)).messageIds());
    }

    @Test
    void anUnknownEngineIsNamedInTheError() {
        assertThatThrownBy(() -> Engines.named("nope"))
                .hasMessageContaining("No engine named nope").hasMessageContaining("camel-segment");
    }

    @Test
    void theCpuTimeRunReportsTimeAndBytesPerEvent() {
        CpuTimeRun.Figures figures = CpuTimeRun.measure("camel-segment", Scenario.TRACK_MAP, 3, 50);

        assertThat(figures.rounds()).isEqualTo(3);
        assertThat(figures.cpuMicros()).isPositive();
        // a message of about 500 bytes cannot be built, checked and encoded without allocating at least itself
        assertThat(figures.bytes()).isGreaterThan(500);
    }
}
