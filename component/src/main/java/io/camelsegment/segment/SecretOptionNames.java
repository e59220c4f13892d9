package io.camelsegment.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Makes a CamelContext treat this component's secret option names as sensitive, so it masks their values wherever it
 * prints configuration: Camel Main's start-up summaries and endpoint URIs.
 *
 * <p>
 * Camel knows {@code token} already, not {@code writeKey}. The names are added to the context's own additional sensitive
 * keywords, next to any the user set there, rather than to process-wide state.
 */
final class SecretOptionNames {

    /** Lower case, as Camel compares them; {@code writekeytoremove} on its own, as Camel matches whole names. */
    private static final List<String> KEYWORDS = List.of("writekey", "writekeytoremove");

    private SecretOptionNames() {
    }

    /** Adds the names the context lacks, keeping the user's; cheap and idempotent, so it can run at every entry point. */
    static void registerWith(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String current = extension.getAdditionalSensitiveKeywords();
        List<String> known = current == null ? List.of()
                : Arrays.stream(current.split(",")).map(word -> word.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = KEYWORDS.stream().filter(keyword -> !known.contains(keyword)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String added = String.join(",", missing);
        extension.setAdditionalSensitiveKeywords(current == null || current.isBlank() ? added : current + "," + added);
    }
}
