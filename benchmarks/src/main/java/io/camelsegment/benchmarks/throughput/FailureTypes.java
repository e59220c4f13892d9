package io.camelsegment.benchmarks.throughput;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.camel.CamelExecutionException;

/** What a failed call is reported as: its exception's simple class name, past Camel's wrapper. */
public final class FailureTypes {

    private FailureTypes() {
    }

    /** The simple name of the exception a caller meets, or of its cause when Camel wrapped it. */
    public static String of(Throwable failure) {
        Throwable cause = failure instanceof CamelExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }

    /** Two tallies added up, sorted by type. */
    public static Map<String, Long> sum(Map<String, Long> one, Map<String, Long> other) {
        Map<String, Long> total = new TreeMap<>(one);
        other.forEach((type, count) -> total.merge(type, count, Long::sum));
        return total;
    }

    /** {@code "SegmentQueueFullException 12, SocketTimeoutException 3"}, or "none". */
    public static String line(Map<String, ? extends Number> byType) {
        if (byType.isEmpty()) {
            return "none";
        }
        return byType.entrySet().stream().map(entry -> String.format(Locale.ROOT, "%s %,d", entry.getKey(),
                entry.getValue().longValue())).collect(Collectors.joining(", "));
    }
}
