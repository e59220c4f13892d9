package io.camelsegment.example.boot;

import java.util.List;
import java.util.Map;

import io.camelsegment.emulator.PublicApiRequest;
import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The app's HTTP calls end up in Segment, here the emulator. */
// tag::boot-test[]
@CamelSpringBootTest
@SpringBootTest(properties = { "spring.main.banner-mode=off", "logging.level.root=WARN" })
@AutoConfigureMockMvc
class SegmentBootApplicationTest {

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension();

    @DynamicPropertySource
    static void segment(DynamicPropertyRegistry registry) {
        registry.add("camel.component.segment.tracking-url", SEGMENT::trackingUrl);
        registry.add("camel.component.segment.api-url", SEGMENT::apiUrl);
        registry.add("camel.component.segment.write-key", () -> SegmentEmulator.DEMO_SERVER_WRITE_KEY);
        registry.add("camel.component.segment.token", SEGMENT::token);
        registry.add("segment.source-id", () -> SegmentEmulator.DEMO_SERVER_SOURCE_ID);
    }
    // end::boot-test[]

    @Autowired
    private MockMvc mvc;

    @Test
    void aSignupIsIdentifiedAndTrackedInSegment() throws Exception {
        mvc.perform(post("/signups").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"cust-42\",\"email\":\"ada@example.com\",\"plan\":\"pro\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("cust-42"));

        List<TrackedEvent> events = SEGMENT.emulator().acceptedEvents();
        assertThat(events).extracting(TrackedEvent::type, TrackedEvent::userId, TrackedEvent::event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("identify", "cust-42", null),
                        org.assertj.core.groups.Tuple.tuple("track", "cust-42", "Signed Up"));
        assertThat(events.get(0).json().get("traits")).isEqualTo(Map.of("email", "ada@example.com", "plan", "pro"));
        assertThat(events.get(1).json().get("properties")).isEqualTo(Map.of("plan", "pro"));
    }

    @Test
    void theAnswerNamesTheMessageIdsSegmentRecorded() throws Exception {
        String body = mvc.perform(post("/signups").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"cust-7\",\"email\":\"bo@example.com\",\"plan\":\"free\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        List<String> recorded = SEGMENT.emulator().acceptedEvents().stream().map(TrackedEvent::messageId).toList();
        assertThat(recorded).hasSize(2);
        assertThat(body).contains("\"identifyMessageId\":\"" + recorded.get(0) + "\"")
                .contains("\"trackMessageId\":\"" + recorded.get(1) + "\"");
    }

    @Test
    void aSignupSegmentWouldDropIsRefusedBeforeSending() throws Exception {
        mvc.perform(post("/signups").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"  \",\"email\":\"nobody@example.com\",\"plan\":\"pro\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("userId")));

        assertThat(SEGMENT.emulator().trackingRequests()).isEmpty();
    }

    @Test
    void schemaSettingsAreReadFromTheConfiguredSource() throws Exception {
        mvc.perform(get("/source/schema-settings"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings").isMap());

        assertThat(SEGMENT.emulator().publicApiRequests()).extracting(PublicApiRequest::rawPath)
                .containsExactly("/sources/" + SegmentEmulator.DEMO_SERVER_SOURCE_ID + "/settings");
    }
}
