package io.camelsegment.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelsegment.segment.OptionUse.From;
import io.camelsegment.segment.OptionUse.Need;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each operation's row says it reads: the source of the catalog's option descriptions and the reference's table. */
class OperationOptionsTest {

    @Test
    void deleteSourceReadsOnlyTheTokenAndTheSourceId() {
        assertThat(SegmentOperation.DELETE_SOURCE.optionUses()).containsExactly(
                new OptionUse("token", Need.REQUIRED), new OptionUse("sourceId", Need.REQUIRED));
    }

    @Test
    void trackNeedsTheWriteKeyAUserAndAnEventFromAnOptionAHeaderOrTheBody() {
        assertThat(SegmentOperation.TRACK.optionUses()).containsExactly(
                new OptionUse("writeKey", Need.REQUIRED),
                new OptionUse("userId", Need.USER_OR_ANONYMOUS_ID),
                new OptionUse("anonymousId", Need.USER_OR_ANONYMOUS_ID),
                new OptionUse("event", Need.REQUIRED_UNLESS_IN_BODY),
                new OptionUse("timestamp", Need.OPTIONAL, From.HEADER),
                new OptionUse("bodyMode", Need.OPTIONAL, From.OPTION));
    }

    @Test
    void aliasNeedsAUserIdWhereAnAnonymousIdIsOptional() {
        assertThat(SegmentOperation.ALIAS.optionUses()).contains(new OptionUse("userId", Need.REQUIRED_UNLESS_IN_BODY),
                new OptionUse("anonymousId", Need.OPTIONAL), new OptionUse("previousId", Need.REQUIRED_UNLESS_IN_BODY));
    }

    @Test
    void batchReadsOnlyTheWriteKeyBesidesItsBody() {
        assertThat(SegmentOperation.BATCH.optionUses()).containsExactly(new OptionUse("writeKey", Need.REQUIRED));
    }

    @Test
    void aPaginatedCallReadsItsRequiredQueryAndThePagingOptions() {
        assertThat(SegmentOperation.GET_DAILY_PER_SOURCE_API_CALLS_USAGE.optionUses()).containsExactly(
                new OptionUse("token", Need.REQUIRED), new OptionUse("period", Need.REQUIRED),
                new OptionUse("pageSize", Need.OPTIONAL), new OptionUse("cursor", Need.OPTIONAL),
                new OptionUse("followPages", Need.OPTIONAL, From.OPTION), new OptionUse("maxPages", Need.OPTIONAL, From.OPTION));
    }

    @Test
    void addLabelsToSourceNeedsLabelsUnlessTheBodyHasThem() {
        assertThat(SegmentOperation.ADD_LABELS_TO_SOURCE.optionUses()).contains(new OptionUse("labels", Need.REQUIRED_UNLESS_IN_BODY));
    }

    @Test
    void everyOptionAndHeaderARowNamesIsInTheCatalog() throws Exception {
        JsonNode catalog = CatalogTest.catalog();
        for (SegmentOperation operation : SegmentOperation.values()) {
            for (OptionUse use : operation.optionUses()) {
                if (use.from() != From.HEADER) {
                    assertThat(catalog.path("properties").has(use.option())).as(operation + " option " + use.option()).isTrue();
                }
                use.header().ifPresent(header -> assertThat(catalog.path("headers").has(header))
                        .as(operation + " header " + header).isTrue());
            }
        }
    }
}
