package io.camelsegment.segment.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentComponent;
import io.camelsegment.segment.SegmentConfiguration;
import io.camelsegment.segment.SegmentRegion;
import io.camelsegment.segment.tracking.BodyMode;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.camelsegment.segment.springboot.SegmentCatalog.componentOptions;
import static io.camelsegment.segment.springboot.SegmentCatalog.property;
import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.segment.* in a Spring Boot application configures the segment component Camel creates. */
class SegmentComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, SegmentComponentAutoConfiguration.class))
            .withPropertyValues("camel.main.name=segment-starter-test");

    @Test
    void propertiesConfigureTheComponent() {
        runner.withPropertyValues(
                "camel.component.segment.write-key=wk-1",
                "camel.component.segment.region=EU",
                "camel.component.segment.body-mode=payload",
                "camel.component.segment.connect-timeout=5s",
                "camel.component.segment.response-timeout=2500",
                "camel.component.segment.max-retries=7",
                "camel.component.segment.tracking-url=http://localhost:8089/v1")
                .run(context -> {
                    SegmentConfiguration configuration = segment(context).getConfiguration();

                    assertThat(configuration.getWriteKey()).isEqualTo("wk-1");
                    assertThat(configuration.getRegion()).isEqualTo(SegmentRegion.EU);
                    assertThat(configuration.getBodyMode()).isEqualTo(BodyMode.PAYLOAD);
                    assertThat(configuration.getConnectTimeout()).isEqualTo(5000L);
                    assertThat(configuration.getResponseTimeout()).as("a bare number is milliseconds").isEqualTo(2500L);
                    assertThat(configuration.getMaxRetries()).isEqualTo(7);
                    assertThat(configuration.getTrackingUrl()).isEqualTo("http://localhost:8089/v1");
                });
    }

    @Test
    void everyStarterPropertyReachesItsComponentOption() {
        Map<String, String> sample = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        componentOptions().forEach((name, option) -> {
            if (!"object".equals(option.get("type").asText())) {
                Object[] value = sampleValue(option);
                sample.put(property(name), value[0].toString());
                expected.put(name, value[1]);
            }
        });
        assertThat(expected).hasSizeGreaterThan(30);

        runner.withPropertyValues(sample.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run(context -> {
                    SegmentComponent component = segment(context);
                    PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
                    List<String> wrong = new ArrayList<>();
                    expected.forEach((name, value) -> {
                        Object actual = getter.getOptionValue(component, name, false);
                        if (!String.valueOf(value).equals(String.valueOf(actual))) {
                            wrong.add(name + ": set " + sample.get(property(name)) + ", component has " + actual);
                        }
                    });
                    assertThat(wrong).isEmpty();
                });
    }

    @Test
    void aBeanReferenceSetsAnObjectOption() {
        ObjectMapper mapper = new ObjectMapper();
        runner.withBean("segmentMapper", ObjectMapper.class, () -> mapper)
                .withPropertyValues("camel.component.segment.object-mapper=#bean:segmentMapper")
                .run(context -> assertThat(segment(context).getConfiguration().getObjectMapper()).isSameAs(mapper));
    }

    @Test
    void optionsLeftUnsetKeepTheValuesOfAConfigurationBean() {
        SegmentConfiguration defaults = new SegmentConfiguration();
        defaults.setMaxRetries(9);
        defaults.setRegion(SegmentRegion.EU);
        runner.withBean("segmentDefaults", SegmentConfiguration.class, () -> defaults)
                .withPropertyValues("camel.component.segment.configuration=#segmentDefaults",
                        "camel.component.segment.write-key=wk-2")
                .run(context -> {
                    SegmentConfiguration configuration = segment(context).getConfiguration();

                    assertThat(configuration.getMaxRetries()).isEqualTo(9);
                    assertThat(configuration.getRegion()).isEqualTo(SegmentRegion.EU);
                    assertThat(configuration.getWriteKey()).isEqualTo("wk-2");
                });
    }

    @Test
    void enabledFalseLeavesTheComponentAsCamelMakesIt() {
        runner.withPropertyValues("camel.component.segment.enabled=false", "camel.component.segment.write-key=wk-3")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SegmentComponentConfiguration.class);
                    assertThat(segment(context).getConfiguration().getWriteKey()).isNull();
                });
    }

    private static SegmentComponent segment(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class).getComponent("segment", SegmentComponent.class);
    }

    /** A value unlike the default, as a property text and as the component reports it. */
    private static Object[] sampleValue(JsonNode option) {
        String type = option.get("type").asText();
        String name = option.get("javaType").asText();
        return switch (type) {
            case "string" -> new Object[] { "sample-" + name.hashCode(), "sample-" + name.hashCode() };
            case "integer" -> new Object[] { 17, 17 };
            case "boolean" -> {
                boolean value = !option.path("defaultValue").asBoolean(false);
                yield new Object[] { value, value };
            }
            case "duration" -> new Object[] { "1234ms", 1234L };
            case "enum" -> {
                JsonNode values = option.get("enum");
                String last = values.get(values.size() - 1).asText();
                yield new Object[] { last, last };
            }
            default -> throw new IllegalStateException("No sample value for an option of type " + type
                                                       + ": extend SegmentComponentAutoConfigurationTest.sampleValue");
        };
    }
}
