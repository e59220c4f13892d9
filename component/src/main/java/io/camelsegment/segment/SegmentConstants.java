package io.camelsegment.segment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.Metadata;

/**
 * The Camel message headers the Segment component reads and writes.
 *
 * <p>
 * Every input header overrides the endpoint option of the same name: {@code CamelSegmentUserId} overrides
 * {@code userId}, and so on.
 */
public final class SegmentConstants {

    private static final String PREFIX = "CamelSegment";

    @Metadata(label = "producer", description = "The operation to perform, overriding the endpoint's operation for this message.",
              javaType = "String")
    public static final String OPERATION = PREFIX + "Operation";

    // Tracking API input

    @Metadata(label = "producer", description = "The Segment userId of the person the message is about.", javaType = "String")
    public static final String USER_ID = PREFIX + "UserId";
    @Metadata(label = "producer", description = "The Segment anonymousId, for people not yet identified.", javaType = "String")
    public static final String ANONYMOUS_ID = PREFIX + "AnonymousId";
    @Metadata(label = "producer", description = "The event name of a track call, e.g. Order Completed.", javaType = "String")
    public static final String EVENT = PREFIX + "Event";
    @Metadata(label = "producer", description = "The page or screen name; for updateSource, the source's new display name.",
              javaType = "String")
    public static final String NAME = PREFIX + "Name";
    @Metadata(label = "producer", description = "The groupId of a group call.", javaType = "String")
    public static final String GROUP_ID = PREFIX + "GroupId";
    @Metadata(label = "producer", description = "The previousId of an alias call.", javaType = "String")
    public static final String PREVIOUS_ID = PREFIX + "PreviousId";
    @Metadata(label = "producer", description = "The ISO-8601 time the event happened, used when the body has no timestamp.",
              javaType = "String")
    public static final String TIMESTAMP = PREFIX + "Timestamp";
    @Metadata(label = "producer",
              description = "The write key that authenticates this message's Tracking API call. It is a secret.",
              javaType = "String", secret = true)
    public static final String WRITE_KEY = PREFIX + "WriteKey";
    @Metadata(label = "producer", description = "The Public API token for this message. It is a secret.", javaType = "String",
              secret = true)
    public static final String TOKEN = PREFIX + "Token";

    // Public API input

    @Metadata(label = "producer", description = "The id of the Segment source.", javaType = "String")
    public static final String SOURCE_ID = PREFIX + "SourceId";
    @Metadata(label = "producer", description = "The id of the Segment destination.", javaType = "String")
    public static final String DESTINATION_ID = PREFIX + "DestinationId";
    @Metadata(label = "producer", description = "For removeWriteKeyFromSource: the write key to remove. It is a secret.",
              javaType = "String", secret = true)
    public static final String WRITE_KEY_TO_REMOVE = PREFIX + "WriteKeyToRemove";
    @Metadata(label = "producer", description = "The usage month of getDailyPerSourceApiCallsUsage, as YYYY-MM-DD.",
              javaType = "String")
    public static final String PERIOD = PREFIX + "Period";
    @Metadata(label = "producer", description = "The granularity of delivery metrics: DAY, HOUR or MINUTE.", javaType = "String")
    public static final String GRANULARITY = PREFIX + "Granularity";
    @Metadata(label = "producer", description = "The ISO-8601 start of the delivery metrics window.", javaType = "String")
    public static final String START_TIME = PREFIX + "StartTime";
    @Metadata(label = "producer", description = "The ISO-8601 end of the delivery metrics window.", javaType = "String")
    public static final String END_TIME = PREFIX + "EndTime";
    @Metadata(label = "producer", description = "Labels for addLabelsToSource as key:value pairs separated by commas.",
              javaType = "String")
    public static final String LABELS = PREFIX + "Labels";
    @Metadata(label = "producer", description = "For updateSource: true to enable the source, false to disable it.",
              javaType = "Boolean")
    public static final String ENABLED = PREFIX + "Enabled";
    @Metadata(label = "producer", description = "For updateSource, the source's new slug.", javaType = "String")
    public static final String SLUG = PREFIX + "Slug";
    @Metadata(label = "producer", description = "The number of items per page of a paginated Public API call (1 to 1000).",
              javaType = "Integer")
    public static final String PAGE_SIZE = PREFIX + "PageSize";
    @Metadata(label = "producer", description = "The cursor of the page to read, as returned in CamelSegmentNextCursor.",
              javaType = "String")
    public static final String CURSOR = PREFIX + "Cursor";

    // Output

    @Metadata(label = "producer", description = "The messageId Segment received (a single Tracking API call).", javaType = "String")
    public static final String MESSAGE_ID = PREFIX + "MessageId";
    @Metadata(label = "producer", description = "The messageIds Segment received, in order (batch and import).",
              javaType = "java.util.List<String>")
    public static final String MESSAGE_IDS = PREFIX + "MessageIds";
    @Metadata(label = "producer", description = "The HTTP status of Segment's last answer.", javaType = "Integer")
    public static final String HTTP_STATUS = PREFIX + "HttpStatus";
    @Metadata(label = "producer", description = "How many HTTP attempts the call took, retries included.", javaType = "Integer")
    public static final String ATTEMPTS = PREFIX + "Attempts";
    @Metadata(label = "producer", description = "How many HTTP requests the call took: a batch or import split to respect Segment's limits, or the pages read with followPages.",
              javaType = "Integer")
    public static final String REQUEST_COUNT = PREFIX + "RequestCount";
    @Metadata(label = "producer", description = "With deliveryMode=batched: how many events the batch that carried this message held.",
              javaType = "Integer")
    public static final String BATCH_SIZE = PREFIX + "BatchSize";
    @Metadata(label = "producer", description = "The cursor of the next page, absent on the last page.", javaType = "String")
    public static final String NEXT_CURSOR = PREFIX + "NextCursor";
    @Metadata(label = "producer", description = "The total number of items of a paginated call, when Segment reports it.",
              javaType = "Long")
    public static final String TOTAL_ENTRIES = PREFIX + "TotalEntries";
    @Metadata(label = "producer", description = "Public API rate limit points left (X-RateLimit-Remaining).", javaType = "String")
    public static final String RATE_LIMIT_REMAINING = PREFIX + "RateLimitRemaining";
    @Metadata(label = "producer", description = "Public API rate limit points consumed (X-RateLimit-Consumed).", javaType = "String")
    public static final String RATE_LIMIT_CONSUMED = PREFIX + "RateLimitConsumed";
    @Metadata(label = "producer", description = "When the Public API rate limit window resets (X-RateLimit-Reset).",
              javaType = "String")
    public static final String RATE_LIMIT_RESET = PREFIX + "RateLimitReset";

    /** By option name: the producer asks for several on every exchange, and the options are a fixed few. */
    private static final Map<String, String> HEADER_NAMES = new ConcurrentHashMap<>();

    private SegmentConstants() {
    }

    /** The header that overrides the endpoint option {@code option}: {@code userId} is read from {@code CamelSegmentUserId}. */
    public static String headerFor(String option) {
        return HEADER_NAMES.computeIfAbsent(option,
                name -> PREFIX + Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
}
