package io.camelsegment.segment;

import java.util.List;

/**
 * The exchange could not become a valid Segment call, so no request was sent.
 *
 * <p>
 * Segment itself answers 200 to many invalid events and drops them; this exception is raised instead, so nothing is
 * lost silently.
 */
public class SegmentValidationException extends SegmentException {

    private final transient List<String> problems;

    public SegmentValidationException(String operation, List<String> problems) {
        this(operation, problems, null);
    }

    /** With the failure that made the input unusable, e.g. the IOException of a body stream that could not be read. */
    public SegmentValidationException(String operation, List<String> problems, Throwable cause) {
        super("Segment " + operation + " was not sent: " + String.join("; ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, in the words used in the message. */
    public List<String> getProblems() {
        return problems;
    }
}
