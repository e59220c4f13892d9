package io.camelsegment.quarkus.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The "real-segment" configuration profile with credentials in the environment variables it reads. */
public class RealSegmentProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "real-segment";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("SEGMENT_WRITE_KEY", "a-real-write-key", "SEGMENT_TOKEN", "sgp_a_real_token");
    }
}
