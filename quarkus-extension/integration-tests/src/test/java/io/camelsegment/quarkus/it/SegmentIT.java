package io.camelsegment.quarkus.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The behaviours of {@link SegmentApplicationTest} on the packaged application (JVM mode here; the native executable
 * under -Pnative).
 */
@QuarkusIntegrationTest
class SegmentIT extends SegmentApplicationTest {
}
