package io.camelsegment.segment.springboot;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Actuator's configprops and env endpoints, exposed and told to show values, show the component's secrets as
 * {@code ******} and its other options as they are.
 */
@SpringBootTest(properties = {
        "management.endpoints.web.exposure.include=configprops,env",
        "management.endpoint.configprops.show-values=always",
        "management.endpoint.env.show-values=always",
        "camel.component.segment.write-key=wk-secret-value-1",
        "camel.component.segment.token=token-secret-value-2",
        "camel.component.segment.write-key-to-remove=wk-secret-value-3",
        "camel.component.segment.region=eu" })
@AutoConfigureMockMvc
class SegmentActuatorSecretsTest {

    private static final List<String> SECRETS = List.of("wk-secret-value-1", "token-secret-value-2", "wk-secret-value-3");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @Autowired
    private MockMvc mvc;

    @Test
    void configpropsMasksEverySecret() throws Exception {
        String body = read("/actuator/configprops");
        JsonNode bean = new ObjectMapper().readTree(body).get("contexts").elements().next().get("beans")
                .get("camel.component.segment-" + SegmentComponentConfiguration.class.getName());
        JsonNode properties = bean.get("properties");

        assertThat(properties.get("writeKey").asText()).isEqualTo("******");
        assertThat(properties.get("token").asText()).isEqualTo("******");
        assertThat(properties.get("writeKeyToRemove").asText()).isEqualTo("******");
        assertThat(properties.get("region").asText()).as("other values are shown").isEqualTo("EU");
        assertThat(body).doesNotContain(SECRETS);
    }

    @Test
    void envMasksEverySecret() throws Exception {
        String body = read("/actuator/env");
        JsonNode sources = new ObjectMapper().readTree(body).get("propertySources");
        JsonNode inlined = null;
        for (JsonNode source : sources) {
            if (source.get("properties").has("camel.component.segment.write-key")) {
                inlined = source.get("properties");
            }
        }

        assertThat(inlined).isNotNull();
        assertThat(inlined.get("camel.component.segment.write-key").get("value").asText()).isEqualTo("******");
        assertThat(inlined.get("camel.component.segment.token").get("value").asText()).isEqualTo("******");
        assertThat(inlined.get("camel.component.segment.write-key-to-remove").get("value").asText()).isEqualTo("******");
        assertThat(inlined.get("camel.component.segment.region").get("value").asText()).as("other values are shown")
                .isEqualTo("eu");
        assertThat(body).doesNotContain(SECRETS);
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }
}
