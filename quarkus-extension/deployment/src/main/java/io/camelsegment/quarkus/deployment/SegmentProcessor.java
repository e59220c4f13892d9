package io.camelsegment.quarkus.deployment;

import java.util.List;

import io.camelsegment.quarkus.QuarkusObjectMapper;
import io.camelsegment.segment.OperationCatalog;
import io.camelsegment.segment.SegmentComponent;
import io.camelsegment.segment.SegmentComponentConfigurer;
import io.camelsegment.segment.SegmentConfiguration;
import io.camelsegment.segment.SegmentConfigurationConfigurer;
import io.camelsegment.segment.SegmentEndpoint;
import io.camelsegment.segment.SegmentEndpointConfigurer;
import io.camelsegment.segment.SegmentEndpointUriFactory;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;

/** What the Segment component needs from Quarkus, in JVM mode and in a native image. */
class SegmentProcessor {

    static final String FEATURE = "camel-segment";

    /** Where the component's catalog lives in its jar; Camel reads it at run time to explain and validate options. */
    static final String CATALOG = "META-INF/io/camelsegment/segment/segment.json";

    /**
     * Classes Camel creates by name from the component's {@code META-INF/services/org/apache/camel} files: the
     * component, its generated configurers and URI factory. The endpoint and configuration classes are there for
     * Camel's reflection fallbacks (explaining an endpoint, property binding of a nested configuration).
     */
    static final List<String> CREATED_BY_NAME = List.of(SegmentComponent.class.getName(),
            SegmentComponentConfigurer.class.getName(), SegmentEndpointConfigurer.class.getName(),
            SegmentConfigurationConfigurer.class.getName(), SegmentEndpointUriFactory.class.getName(),
            SegmentEndpoint.class.getName(), SegmentConfiguration.class.getName());

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * The component jar has no Jandex index of its own; Camel Quarkus finds components, configurers and URI factories
     * only in indexed archives.
     */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.camelsegment", "camel-segment");
    }

    /** Segment is reached over HTTPS only: the native image needs the JDK's TLS providers and the CA certificates. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    @BuildStep
    ReflectiveClassBuildItem createdByName() {
        return ReflectiveClassBuildItem.builder(CREATED_BY_NAME.toArray(String[]::new)).constructors().methods().build();
    }

    @BuildStep
    NativeImageResourceBuildItem catalog() {
        return new NativeImageResourceBuildItem(CATALOG);
    }

    /**
     * The build-time tool that writes operation lists into the catalog creates an ObjectMapper in its static
     * initialiser; it is never used by an application, and must not be initialised into the image heap if a
     * reachability analysis pulls it in.
     */
    @BuildStep
    RuntimeInitializedClassBuildItem catalogToolAtRunTime() {
        return new RuntimeInitializedClassBuildItem(OperationCatalog.class.getName());
    }

    /** Camel finds ComponentCustomizer beans in the registry by type, which no injection point would reveal to ArC. */
    @BuildStep
    AdditionalBeanBuildItem quarkusObjectMapper() {
        return AdditionalBeanBuildItem.unremovableOf(QuarkusObjectMapper.class);
    }
}
