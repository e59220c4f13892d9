package io.camelsegment.segment.publicapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value a Public API call takes from the exchange: its endpoint option (and header) name, its name on the wire and
 * its shape.
 */
public enum PublicApiParameter {

    SOURCE_ID("sourceId", "sourceId", ParameterKind.ID, false),
    DESTINATION_ID("destinationId", "destinationId", ParameterKind.ID, false),
    WRITE_KEY_TO_REMOVE("writeKeyToRemove", "writeKey", ParameterKind.ID, true),
    PERIOD("period", "period", ParameterKind.DATE, false),
    START_TIME("startTime", "startTime", ParameterKind.DATE_TIME, false),
    END_TIME("endTime", "endTime", ParameterKind.DATE_TIME, false),
    GRANULARITY("granularity", "granularity", ParameterKind.GRANULARITY, false),
    PAGE_SIZE("pageSize", "pagination.count", ParameterKind.PAGE_SIZE, false),
    CURSOR("cursor", "pagination.cursor", ParameterKind.CURSOR, false);

    private final String option;
    private final String wireName;
    private final ParameterKind kind;
    private final boolean secret;

    PublicApiParameter(String option, String wireName, ParameterKind kind, boolean secret) {
        this.option = option;
        this.wireName = wireName;
        this.kind = kind;
        this.secret = secret;
    }

    /** The endpoint option that supplies the value (its header is {@code CamelSegment} + the option, capitalized). */
    public String option() {
        return option;
    }

    /** The name in a path template or query string. */
    public String wireName() {
        return wireName;
    }

    public ParameterKind kind() {
        return kind;
    }

    /** Whether the value is a credential that must never appear in a message. */
    public boolean secret() {
        return secret;
    }

    static Optional<PublicApiParameter> byWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
