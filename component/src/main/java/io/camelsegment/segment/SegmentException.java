package io.camelsegment.segment;

import org.apache.camel.RuntimeCamelException;

/** The root of the Segment component's exceptions, so one {@code onException} clause can catch them all. */
public class SegmentException extends RuntimeCamelException {

    public SegmentException(String message) {
        super(message);
    }

    public SegmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
