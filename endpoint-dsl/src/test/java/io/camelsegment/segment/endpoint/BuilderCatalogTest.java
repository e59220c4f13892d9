package io.camelsegment.segment.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentConstants;
import io.camelsegment.segment.endpoint.dsl.SegmentEndpointBuilderFactory.AdvancedSegmentEndpointBuilder;
import io.camelsegment.segment.endpoint.dsl.SegmentEndpointBuilderFactory.SegmentBuilders;
import io.camelsegment.segment.endpoint.dsl.SegmentEndpointBuilderFactory.SegmentEndpointBuilder;
import io.camelsegment.segment.endpoint.dsl.SegmentEndpointBuilderFactory.SegmentHeaderNameBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder is generated from the catalog JSON of the component it is built with: one typed method per endpoint
 * option, on the advanced builder when the option is advanced, and one name per header. A new option without a
 * builder method, or a builder method for an option that is gone, fails here.
 */
class BuilderCatalogTest {

    private static final String CATALOG = "META-INF/io/camelsegment/segment/segment.json";

    @Test
    void everyQueryOptionHasATypedMethodOnTheBuilderOfItsLevel() throws IOException {
        Map<String, String> basic = new TreeMap<>();
        Map<String, String> advanced = new TreeMap<>();
        catalog().get("properties").properties().forEach(option -> {
            JsonNode model = option.getValue();
            if ("path".equals(model.get("kind").asText())) {
                return;
            }
            boolean isAdvanced = model.path("label").asText().contains("advanced");
            (isAdvanced ? advanced : basic).put(option.getKey(), model.get("javaType").asText());
        });

        assertThat(typedOptionMethods(SegmentEndpointBuilder.class)).isEqualTo(basic);
        assertThat(typedOptionMethods(AdvancedSegmentEndpointBuilder.class)).isEqualTo(advanced);
    }

    @Test
    void everyHeaderHasItsNameOnTheHeaderBuilder() throws IOException {
        Set<String> headers = new TreeSet<>();
        catalog().get("headers").fieldNames().forEachRemaining(headers::add);
        Set<String> names = Arrays.stream(SegmentHeaderNameBuilder.class.getDeclaredMethods())
                .filter(method -> method.getReturnType() == String.class && method.getParameterCount() == 0)
                .map(BuilderCatalogTest::invoke).collect(Collectors.toCollection(TreeSet::new));

        assertThat(names).isEqualTo(headers).contains(SegmentConstants.USER_ID);
    }

    /** Each option's method that takes its own type; every option also has a String twin, which Camel converts. */
    private static Map<String, String> typedOptionMethods(Class<?> builder) {
        Map<String, String> methods = new TreeMap<>();
        for (Method method : builder.getDeclaredMethods()) {
            if (method.getParameterCount() != 1) {
                continue;
            }
            Class<?> type = method.getParameterTypes()[0];
            methods.merge(method.getName(), type.getName(), (first, second) -> "java.lang.String".equals(first) ? second : first);
        }
        return methods;
    }

    private static String invoke(Method method) {
        SegmentHeaderNameBuilder headers = new SegmentBuilders() { }.segment();
        try {
            return (String) method.invoke(headers);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(method.getName(), e);
        }
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream json = BuilderCatalogTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertThat(json).as(CATALOG + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(json);
        }
    }
}
