package io.camelsegment.segment.publicapi;

import java.util.Map;

/**
 * A Public API call's outcome, unwrapped from Segment's {@code {"data": ...}} envelope.
 *
 * @param data         the {@code data} object; with every page followed, its list holds the items of all pages
 * @param status       the HTTP status of the last answer
 * @param attempts     HTTP attempts made over all pages, retries included
 * @param pages        how many pages were read
 * @param nextCursor   the cursor of the next page, or {@code null} on the last page
 * @param totalEntries the total item count, when Segment reports it
 * @param rateLimit    the {@code X-RateLimit-*} headers of the last answer, by lower-case name
 */
public record PublicApiResult(Map<String, Object> data, int status, int attempts, int pages, String nextCursor,
                              Long totalEntries, Map<String, String> rateLimit) {
}
