package io.camelsegment.segment;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each CamelContext using the component learns that writeKey and writeKeyToRemove are secrets, next to its own. */
class SecretOptionNamesTest {

    @Test
    void aContextUsingTheComponentTreatsWriteKeysAsSensitive() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getEndpoint("segment:track");

            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.segment.writeKey")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "segment.writeKeyToRemove")).isTrue();
        }
    }

    @Test
    void theUsersOwnSensitiveKeywordsAreKept() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("internalsecret");

            context.getEndpoint("segment:track");

            assertThat(context.getCamelContextExtension().getAdditionalSensitiveKeywords())
                    .isEqualTo("internalsecret,writekey,writekeytoremove");
        }
    }

    @Test
    void keywordsReplacedAfterTheComponentLoadedAreCompletedByTheNextEndpoint() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getEndpoint("segment:track");
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("internalsecret");

            context.getEndpoint("segment:identify");

            assertThat(CamelContextHelper.containsSensitive(context, "segment.writeKey")).isTrue();
            assertThat(CamelContextHelper.containsSensitive(context, "app.internalsecret")).isTrue();
        }
    }

    @Test
    void registeringTwiceAddsNothingTwice() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getEndpoint("segment:track");
            context.getEndpoint("segment:identify");

            assertThat(context.getCamelContextExtension().getAdditionalSensitiveKeywords())
                    .isEqualTo("writekey,writekeytoremove");
        }
    }
}
