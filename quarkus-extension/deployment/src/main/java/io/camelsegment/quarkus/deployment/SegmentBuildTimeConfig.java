package io.camelsegment.quarkus.deployment;

import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time settings of the Camel Segment extension. */
@ConfigMapping(prefix = "quarkus.camel.segment")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface SegmentBuildTimeConfig {

    /** Dev Services: the Segment emulator in dev and test mode. */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether to start the Segment emulator in dev and test mode when no write key, token, tracking URL or API
         * URL is configured for the component.
         */
        @WithDefault("true")
        boolean enabled();

        /** The emulator's port; a free one when not set. */
        OptionalInt port();
    }
}
