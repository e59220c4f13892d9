package io.camelsegment.quarkus.deployment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services: in dev and test mode, with nothing configured to reach Segment, the Segment emulator runs in-process and
 * the component is pointed at it, so an application works and shows its events with no account at all.
 */
class SegmentDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(SegmentDevServicesProcessor.class);

    /**
     * Component options that say the user reaches a Segment of their own; their names compared without case or
     * separators, so {@code writeKey}, {@code write-key} and {@code CAMEL_COMPONENT_SEGMENT_WRITE_KEY} are one.
     */
    static final List<String> USER_SETTINGS = List.of("camelcomponentsegmentwritekey", "camelcomponentsegmenttoken",
            "camelcomponentsegmenttrackingurl", "camelcomponentsegmentapiurl");

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    DevServicesResultBuildItem emulator(SegmentBuildTimeConfig config) {
        if (!config.devservices().enabled()) {
            return null;
        }
        Optional<String> configured = userSetting(ConfigProvider.getConfig());
        if (configured.isPresent()) {
            LOG.debugf("Dev Services for Camel Segment stay off: %s is configured", configured.get());
            return null;
        }
        int port = config.devservices().port().orElse(0);
        return DevServicesResultBuildItem.<EmulatorService> owned()
                .feature(SegmentProcessor.FEATURE)
                .serviceName("segment-emulator")
                .description("Segment emulator (Tracking API, Public API and Debugger)")
                .serviceConfig(port)
                .startable(() -> new EmulatorService(port, RunningEmulator.DEV_SERVICES))
                .configProvider(EmulatorService.CONFIG)
                // above application.properties: a blank ${SEGMENT_WRITE_KEY:} there must not hide the emulator's key
                .highPriorityConfig(EmulatorService.CONFIG.keySet())
                .build();
    }

    /** The first option the user set that reaches Segment, if any: a blank value counts as not set. */
    static Optional<String> userSetting(Config config) {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> USER_SETTINGS.contains(normalised(name)))
                .filter(name -> config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).isPresent())
                .findFirst();
    }

    private static String normalised(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
