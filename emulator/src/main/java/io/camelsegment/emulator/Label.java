package io.camelsegment.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A workspace label (Segment's {@code LabelV1}), e.g. {@code environment:prod}. Sources can only carry
 * labels that exist in the workspace.
 *
 * @param key         the label's name
 * @param value       its value
 * @param description what it is for, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Label(String key, String value, String description) {

    /** Same key and value: the description does not tell two labels apart. */
    boolean sameAs(String otherKey, String otherValue) {
        return key.equals(otherKey) && value.equals(otherValue);
    }
}
