package io.camelsegment.segment.publicapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A check on the values of several parameters together, which no single parameter's {@link ParameterKind} can make. */
@FunctionalInterface
public interface ValuesRule {

    /** No check. */
    ValuesRule NONE = (values, now) -> List.of();

    /**
     * What is wrong with the values together, in words that name the parameters; empty when nothing is.
     *
     * @param values the values given, by parameter, each already valid on its own
     * @param now    the current time
     */
    List<String> problems(Map<PublicApiParameter, String> values, Instant now);
}
