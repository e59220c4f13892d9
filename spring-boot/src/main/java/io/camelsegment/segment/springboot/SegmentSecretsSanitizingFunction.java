package io.camelsegment.segment.springboot;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Shows the component's secret options ({@link SegmentComponentConfiguration#SECRET_OPTIONS}) as {@code ******} in
 * Actuator's configprops and env endpoints, whatever their {@code show-values} setting. Spring Boot's own key list
 * masks {@code write-key} and {@code token} but not {@code write-key-to-remove}.
 *
 * <p>
 * A key matches in any of Spring Boot's spellings: {@code camel.component.segment.write-key},
 * {@code camel.component.segment.writeKey} or {@code CAMEL_COMPONENT_SEGMENT_WRITEKEY}.
 */
class SegmentSecretsSanitizingFunction implements SanitizingFunction {

    private static final Set<String> KEYS = SegmentComponentConfiguration.SECRET_OPTIONS.stream()
            .map(option -> normalized("camel.component.segment." + option))
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public SanitizableData apply(SanitizableData data) {
        return data.getKey() != null && KEYS.contains(normalized(data.getKey())) ? data.withSanitizedValue() : data;
    }

    private static String normalized(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
