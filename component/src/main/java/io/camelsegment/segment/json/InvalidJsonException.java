package io.camelsegment.segment.json;

/**
 * A body that cannot be read as one JSON value; the message says why, worded for a route author.
 */
public final class InvalidJsonException extends Exception {

    InvalidJsonException(String problem) {
        super(problem);
    }
}
