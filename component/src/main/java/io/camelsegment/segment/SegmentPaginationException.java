package io.camelsegment.segment;

/**
 * Following the pages of a paginated Public API call ({@code followPages=true}) was stopped before the last page: more
 * pages remained than {@code maxPages} allows, or Segment repeated a cursor, which would never end. The items read are
 * not returned; read the pages one by one with the cursor headers, or raise {@code maxPages}.
 */
public class SegmentPaginationException extends SegmentException {

    private final int pages;

    public SegmentPaginationException(String call, int pages, String reason) {
        super("Segment " + call + " stopped following pages after " + pages + " page(s): " + reason);
        this.pages = pages;
    }

    /** How many pages were read before stopping. */
    public int getPages() {
        return pages;
    }
}
