package io.camelsegment.segment.tracking;

import java.util.List;

/**
 * What Segment accepted of a Tracking API call.
 *
 * @param messageIds the messageIds delivered, in order
 * @param status     the HTTP status of the last answer
 * @param attempts   HTTP attempts made over all requests, retries included
 * @param requests   how many HTTP requests the call took (a batch over Segment's limits is split)
 */
public record TrackingResult(List<String> messageIds, int status, int attempts, int requests) {
}
