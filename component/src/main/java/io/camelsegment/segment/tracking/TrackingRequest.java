package io.camelsegment.segment.tracking;

import java.util.List;

/**
 * One HTTP request body for the Tracking API, ready to send (and to resend unchanged on retry, so Segment deduplicates).
 *
 * @param path       the path below the tracking base URL
 * @param body       the JSON body
 * @param messageIds the messageIds the body carries, in order
 */
public record TrackingRequest(String path, byte[] body, List<String> messageIds) {
}
