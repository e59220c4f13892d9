package io.camelsegment.segment.publicapi;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.camelsegment.segment.publicapi.PublicApiParameter.END_TIME;
import static io.camelsegment.segment.publicapi.PublicApiParameter.GRANULARITY;
import static io.camelsegment.segment.publicapi.PublicApiParameter.START_TIME;

/**
 * The delivery metrics windows Segment serves, by granularity: how long a window may be and how far back it may start.
 * Without an explicit startTime Segment picks the start itself (1 hour, 7 days or 30 days back), so only explicit
 * windows are checked; endTime defaults to now, granularity to MINUTE.
 */
public enum DeliveryMetricsWindow {

    MINUTE(Duration.ofHours(4), Duration.ofHours(48)),
    HOUR(Duration.ofDays(7), Duration.ofDays(7)),
    DAY(Duration.ofDays(14), Duration.ofDays(14));

    /** Segment's window limits as a check of listDeliveryMetricsSummaryFromDestination's values. */
    public static final ValuesRule RULE = DeliveryMetricsWindow::problems;

    private final Duration longest;
    private final Duration oldest;

    DeliveryMetricsWindow(Duration longest, Duration oldest) {
        this.longest = longest;
        this.oldest = oldest;
    }

    private static List<String> problems(Map<PublicApiParameter, String> values, Instant now) {
        if (!values.containsKey(START_TIME)) {
            return List.of();
        }
        Instant start = OffsetDateTime.parse(values.get(START_TIME)).toInstant();
        boolean endGiven = values.containsKey(END_TIME);
        Instant end = endGiven ? OffsetDateTime.parse(values.get(END_TIME)).toInstant() : now;
        return valueOf(values.getOrDefault(GRANULARITY, MINUTE.name())).problems(start, end, endGiven, now);
    }

    private List<String> problems(Instant start, Instant end, boolean endGiven, Instant now) {
        List<String> problems = new ArrayList<>();
        if (end.isBefore(start)) {
            problems.add(endGiven ? "endTime must not be before startTime" : "startTime must not be in the future");
        } else if (Duration.between(start, end).compareTo(longest) > 0) {
            problems.add(name() + " windows span at most " + words(longest) + ", but startTime to "
                         + (endGiven ? "endTime" : "now") + " is longer");
        }
        if (start.isBefore(now.minus(oldest))) {
            problems.add(name() + " windows start at most " + words(oldest) + " ago, but startTime is earlier");
        }
        return problems;
    }

    private static String words(Duration duration) {
        long hours = duration.toHours();
        return hours > 48 && hours % 24 == 0 ? hours / 24 + " days" : hours + " hours";
    }
}
