package io.camelsegment.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.camelsegment.segment.OptionUse.Need;
import io.camelsegment.segment.publicapi.DeliveryMetricsWindow;
import io.camelsegment.segment.publicapi.PublicApiCall;
import io.camelsegment.segment.tracking.MessageType;
import io.camelsegment.segment.tracking.TrackingCall;

import static io.camelsegment.segment.publicapi.PublicApiParameter.END_TIME;
import static io.camelsegment.segment.publicapi.PublicApiParameter.GRANULARITY;
import static io.camelsegment.segment.publicapi.PublicApiParameter.PERIOD;
import static io.camelsegment.segment.publicapi.PublicApiParameter.SOURCE_ID;
import static io.camelsegment.segment.publicapi.PublicApiParameter.START_TIME;
import static io.camelsegment.segment.publicapi.RequestBody.LABELS;
import static io.camelsegment.segment.publicapi.RequestBody.SOURCE_UPDATE;

/**
 * The 17 operations of the Segment component, each described once as data: a Tracking API call or a Public API call.
 * Adding an operation is adding a row here (and a test).
 */
public enum SegmentOperation {

    IDENTIFY("identify", TrackingCall.single(MessageType.IDENTIFY)),
    TRACK("track", TrackingCall.single(MessageType.TRACK)),
    PAGE("page", TrackingCall.single(MessageType.PAGE)),
    SCREEN("screen", TrackingCall.single(MessageType.SCREEN)),
    GROUP("group", TrackingCall.single(MessageType.GROUP)),
    ALIAS("alias", TrackingCall.single(MessageType.ALIAS)),
    BATCH("batch", TrackingCall.batch("/batch")),
    IMPORT("import", TrackingCall.historicalImport("/import")),

    ADD_LABELS_TO_SOURCE("addLabelsToSource", PublicApiCall.post("/sources/{sourceId}/labels", LABELS)),
    DELETE_SOURCE("deleteSource", PublicApiCall.delete("/sources/{sourceId}")),
    GET_DAILY_PER_SOURCE_API_CALLS_USAGE("getDailyPerSourceApiCallsUsage",
            PublicApiCall.get("/usage/api-calls/sources/daily").required(PERIOD).paginated("dailyPerSourceAPICallsUsage")),
    GET_DESTINATION("getDestination", PublicApiCall.get("/destinations/{destinationId}")),
    LIST_CONNECTED_WAREHOUSES_FROM_SOURCE("listConnectedWarehousesFromSource",
            PublicApiCall.get("/sources/{sourceId}/connected-warehouses").paginated("warehouses")),
    LIST_DELIVERY_METRICS_SUMMARY_FROM_DESTINATION("listDeliveryMetricsSummaryFromDestination",
            PublicApiCall.get("/destinations/{destinationId}/delivery-metrics").accept(PublicApiCall.BETA)
                    .required(SOURCE_ID).optional(START_TIME).optional(END_TIME).optional(GRANULARITY)
                    .checked(DeliveryMetricsWindow.RULE)),
    LIST_SCHEMA_SETTINGS_IN_SOURCE("listSchemaSettingsInSource", PublicApiCall.get("/sources/{sourceId}/settings")),
    REMOVE_WRITE_KEY_FROM_SOURCE("removeWriteKeyFromSource",
            PublicApiCall.delete("/sources/{sourceId}/writekey/{writeKey}").accept(PublicApiCall.ALPHA)),
    UPDATE_SOURCE("updateSource", PublicApiCall.patch("/sources/{sourceId}", SOURCE_UPDATE));

    private final String operationName;
    private final TrackingCall trackingCall;
    private final PublicApiCall publicApiCall;

    SegmentOperation(String operationName, TrackingCall trackingCall) {
        this.operationName = operationName;
        this.trackingCall = trackingCall;
        this.publicApiCall = null;
    }

    SegmentOperation(String operationName, PublicApiCall publicApiCall) {
        this.operationName = operationName;
        this.trackingCall = null;
        this.publicApiCall = publicApiCall;
    }

    /** The Tracking API call, for the eight tracking operations. */
    public Optional<TrackingCall> trackingCall() {
        return Optional.ofNullable(trackingCall);
    }

    /** The Public API call, for the nine Public API operations. */
    public Optional<PublicApiCall> publicApiCall() {
        return Optional.ofNullable(publicApiCall);
    }

    /**
     * The options (and so the headers) this operation reads, in the order a form should show them, each with how much the
     * operation needs it; derived from the operation's row. Options every operation shares (region, base URLs, retries,
     * HTTP settings) are not listed.
     */
    public List<OptionUse> optionUses() {
        List<OptionUse> uses = new ArrayList<>();
        if (trackingCall != null) {
            uses.add(new OptionUse("writeKey", Need.REQUIRED));
            trackingCall.single().ifPresent(type -> {
                for (String field : type.optionFields()) {
                    uses.add(new OptionUse(field, need(type, field)));
                }
                uses.add(new OptionUse("timestamp", Need.OPTIONAL, OptionUse.From.HEADER));
                type.payloadField().ifPresent(payload -> uses.add(new OptionUse("bodyMode", Need.OPTIONAL, OptionUse.From.OPTION)));
            });
            return uses;
        }
        uses.add(new OptionUse("token", Need.REQUIRED));
        publicApiCall.pathParameters().forEach(parameter -> uses.add(new OptionUse(parameter.option(), Need.REQUIRED)));
        for (PublicApiCall.QueryParameter query : publicApiCall.query()) {
            uses.add(new OptionUse(query.parameter().option(), query.required() ? Need.REQUIRED : Need.OPTIONAL));
        }
        publicApiCall.body().options().forEach(option -> uses.add(new OptionUse(option,
                publicApiCall.body().optionsRequiredUnlessInBody() ? Need.REQUIRED_UNLESS_IN_BODY : Need.OPTIONAL)));
        if (publicApiCall.isPaginated()) {
            uses.add(new OptionUse("followPages", Need.OPTIONAL, OptionUse.From.OPTION));
            uses.add(new OptionUse("maxPages", Need.OPTIONAL, OptionUse.From.OPTION));
        }
        return uses;
    }

    /** How much a message of this type needs a field that an option or header can fill in. */
    private static Need need(MessageType type, String field) {
        if (type.requiredFields().contains(field)) {
            return Need.REQUIRED_UNLESS_IN_BODY;
        }
        boolean userIdentity = field.equals("userId") || field.equals("anonymousId");
        // alias requires userId itself; every other type needs one of the two
        return userIdentity && !type.requiredFields().contains("userId") ? Need.USER_OR_ANONYMOUS_ID : Need.OPTIONAL;
    }

    /** The operation by its URI name, e.g. {@code updateSource}; an unknown name is a validation error. */
    public static SegmentOperation fromName(String name) {
        return Arrays.stream(values())
                .filter(op -> op.operationName.equals(name) || op.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> unknown(name));
    }

    private static SegmentValidationException unknown(String name) {
        String known = Arrays.stream(values()).map(SegmentOperation::toString).collect(Collectors.joining(", "));
        return new SegmentValidationException("call", List.of("unknown operation '" + name + "': use one of " + known));
    }

    /** The name used in URIs and the catalog, e.g. {@code updateSource}. */
    @Override
    public String toString() {
        return operationName;
    }
}
