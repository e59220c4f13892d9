package io.camelsegment.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_METADATA_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_MOBILE_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_MOBILE_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SECOND_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SERVER_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SERVER_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SERVER_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WAREHOUSE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WORKSPACE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;

/**
 * The demo workspace every emulator starts with (unless built unseeded): three sources, three
 * destinations, three warehouses and five labels, with ids fixed as constants on {@link SegmentEmulator}
 * so examples and tests can name them.
 */
final class DemoWorkspace {

    private static final Label ENV_PROD = new Label("environment", "prod", "Production data");
    private static final Label ENV_DEV = new Label("environment", "dev", "Development and testing data");
    private static final Label TEAM_GROWTH = new Label("team", "growth", "Owned by the growth team");
    private static final Label TEAM_PLATFORM = new Label("team", "platform", "Owned by the platform team");
    private static final Label REGION_EU = new Label("region", "eu", null);

    private DemoWorkspace() {
    }

    static void fill(Workspace workspace) {
        List.of(ENV_PROD, ENV_DEV, TEAM_GROWTH, TEAM_PLATFORM, REGION_EU).forEach(workspace::add);

        workspace.add(new Source(DEMO_SOURCE_ID, "demo-website", "Demo Website",
                        sourceMetadata("IqDTy1TpoU", "Javascript", "javascript", "Website"),
                        DEMO_WORKSPACE_ID, true, List.of(DEMO_WRITE_KEY, DEMO_SECOND_WRITE_KEY),
                        ordered("website", "https://www.example.com"), List.of(ENV_PROD)),
                schemaSettings("ALLOW", null));
        workspace.add(new Source(DEMO_SERVER_SOURCE_ID, "demo-java-backend", "Demo Java Backend",
                        sourceMetadata("sk2dpNX4Yf", "Java", "java", "Server"),
                        DEMO_WORKSPACE_ID, true, List.of(DEMO_SERVER_WRITE_KEY),
                        ordered(), List.of(ENV_PROD, TEAM_PLATFORM)),
                schemaSettings("BLOCK", DEMO_SOURCE_ID));
        workspace.add(new Source(DEMO_MOBILE_SOURCE_ID, "demo-ios-app", "Demo iOS App",
                        sourceMetadata("wpc2bB1MBD", "iOS", "ios", "Mobile"),
                        DEMO_WORKSPACE_ID, false, List.of(DEMO_MOBILE_WRITE_KEY),
                        ordered(), List.of(ENV_DEV)),
                schemaSettings("ALLOW", null));

        workspace.add(new Destination(DEMO_DESTINATION_ID, "Amplitude (website)", true,
                        destinationMetadata(DEMO_DESTINATION_METADATA_ID, "Amplitude", "actions-amplitude", "Analytics"),
                        DEMO_SOURCE_ID, ordered("apiKey", "emulated-amplitude-key", "trackAllPages", false)),
                metrics(1200, 40, 3, 12));
        workspace.add(new Destination(DEMO_SERVER_DESTINATION_ID, "Webhooks (backend)", true,
                        destinationMetadata("metaWebhooks0000000002", "Webhooks", "webhooks", "Raw Data"),
                        DEMO_SERVER_SOURCE_ID, ordered("webhookUrl", "https://hooks.example.com/segment")),
                metrics(540, 0, 9, 31));
        workspace.add(new Destination("dstDemoMixpanel0000003", "Mixpanel (website)", false,
                        destinationMetadata("metaMixpanel0000000003", "Mixpanel", "actions-mixpanel", "Analytics"),
                        DEMO_SOURCE_ID, ordered("projectToken", "emulated-mixpanel-token")),
                metrics(0, 0, 0, 0));

        workspace.add(warehouse(DEMO_WAREHOUSE_ID, "metaPostgres0000000001", "postgres", "Postgres"),
                List.of(DEMO_SOURCE_ID, DEMO_SERVER_SOURCE_ID));
        workspace.add(warehouse("whDemoRedshift00000002", "metaRedshift0000000002", "redshift", "Redshift"),
                List.of(DEMO_SOURCE_ID));
        workspace.add(warehouse("whDemoBigQuery00000003", "metaBigQuery0000000003", "bigquery", "BigQuery"),
                List.of(DEMO_SOURCE_ID));
    }

    private static Map<String, Object> sourceMetadata(String id, String name, String slug, String category) {
        return ordered("id", id, "name", name, "slug", slug,
                "description", name + " source (emulated catalog entry)",
                "logos", logos(),
                "options", List.of(),
                "categories", List.of(category),
                "isCloudEventSource", false);
    }

    private static Map<String, Object> destinationMetadata(String id, String name, String slug, String category) {
        return ordered("id", id, "name", name, "slug", slug,
                "description", name + " destination (emulated catalog entry)",
                "logos", logos(),
                "options", List.of(ordered("name", "apiKey", "type", "string", "required", true,
                        "description", "The key the destination authenticates with")),
                "status", "PUBLIC",
                "previousNames", List.of(name),
                "categories", List.of(category),
                "website", "https://www.example.com/" + slug,
                "components", List.of(),
                "supportedFeatures", ordered(),
                "supportedMethods", ordered("track", true, "identify", true, "page", true, "group", true,
                        "alias", true, "screen", true),
                "supportedPlatforms", ordered("browser", true, "server", true, "mobile", true),
                "actions", List.of(),
                "presets", List.of(),
                "contacts", List.of(),
                "partnerOwned", false);
    }

    private static Warehouse warehouse(String id, String metadataId, String slug, String name) {
        return new Warehouse(id,
                ordered("id", metadataId, "slug", slug, "name", name,
                        "description", name + " warehouse (emulated catalog entry)",
                        "logos", logos(),
                        "options", List.of(
                                ordered("name", "hostname", "required", true, "type", "string"),
                                ordered("name", "port", "required", true, "type", "string"),
                                ordered("name", "database", "required", true, "type", "string"))),
                DEMO_WORKSPACE_ID, true,
                ordered("name", "Demo " + name, "hostname", slug + ".example.internal", "database", "segment"));
    }

    /** Protocols schema settings; {@code onViolations} is ALLOW or BLOCK for all three call kinds. */
    private static Map<String, Object> schemaSettings(String onViolations, String forwardingViolationsTo) {
        boolean allow = "ALLOW".equals(onViolations);
        Map<String, Object> settings = ordered(
                "track", ordered("allowUnplannedEvents", allow, "allowUnplannedEventProperties", allow,
                        "allowEventOnViolations", allow, "allowPropertiesOnViolations", allow,
                        "commonEventOnViolations", onViolations),
                "identify", ordered("allowUnplannedTraits", allow, "allowTraitsOnViolations", allow,
                        "commonEventOnViolations", onViolations),
                "group", ordered("allowUnplannedTraits", allow, "allowTraitsOnViolations", allow,
                        "commonEventOnViolations", onViolations));
        if (forwardingViolationsTo != null) {
            settings.put("forwardingViolationsTo", forwardingViolationsTo);
        }
        return settings;
    }

    /** Delivery metrics in Segment's shape: successes split by attempt, then discards, retries and timings. */
    private static List<Map<String, Object>> metrics(int successes, int retried, int discarded, int secondsToSuccess) {
        int afterRetry = Math.min(retried, successes);
        return List.of(
                ordered("metricName", "successes", "total", successes, "breakdown", List.of(
                        ordered("metricName", "successes_on_first_attempt", "value", successes - afterRetry),
                        ordered("metricName", "successes_after_retry", "value", afterRetry))),
                ordered("metricName", "expired", "total", 0),
                ordered("metricName", "discarded", "total", discarded),
                ordered("metricName", "retried", "total", retried),
                ordered("metricName", "time_to_success", "total", secondsToSuccess, "breakdown", List.of(
                        ordered("metricName", "time_to_success_average", "value", secondsToSuccess),
                        ordered("metricName", "time_to_success_p95", "value", secondsToSuccess * 3))),
                ordered("metricName", "time_to_first_attempt", "total", 1, "breakdown", List.of(
                        ordered("metricName", "time_to_first_attempt_average", "value", 1),
                        ordered("metricName", "time_to_first_attempt_p95", "value", 2))));
    }

    private static Map<String, Object> logos() {
        return ordered("default", "", "mark", "", "alt", "");
    }

    /** A map keeping the order its keys are given in, so answers read like Segment's examples. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
