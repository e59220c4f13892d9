package io.camelsegment.quarkus.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.item.MultiBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.buildtime.BuildTimeActionBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.devui.spi.page.PageBuilder;

/**
 * A build step added to a {@code QuarkusUnitTest} that writes down what the build produced. The build runs in another
 * class loader than the test, so the findings travel as system properties ({@code segment.probe.*}), one comma-separated
 * list each.
 */
final class BuildItemProbe {

    private static final String PREFIX = "segment.probe.";

    private BuildItemProbe() {
    }

    static Consumer<BuildChainBuilder> recordBuildItems() {
        return chain -> chain.addBuildStep(BuildItemProbe::record)
                .consumes(FeatureBuildItem.class)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(NativeImageResourceBuildItem.class)
                .consumes(RuntimeInitializedClassBuildItem.class)
                .consumes(ExtensionSslNativeSupportBuildItem.class)
                .consumes(IndexDependencyBuildItem.class)
                .consumes(DevServicesResultBuildItem.class)
                .consumes(CardPageBuildItem.class)
                .consumes(BuildTimeActionBuildItem.class)
                .consumes(JsonRPCProvidersBuildItem.class)
                .produces(ServiceStartBuildItem.class)
                .build();
    }

    private static void record(BuildContext context) {
        put("features", context, FeatureBuildItem.class, item -> Stream.of(item.getName()));
        put("reflectiveConstructors", context, ReflectiveClassBuildItem.class,
                item -> item.isConstructors() ? item.getClassNames().stream() : Stream.empty());
        put("reflectiveMethods", context, ReflectiveClassBuildItem.class,
                item -> item.isMethods() ? item.getClassNames().stream() : Stream.empty());
        put("resources", context, NativeImageResourceBuildItem.class, item -> item.getResources().stream());
        put("runtimeInitialized", context, RuntimeInitializedClassBuildItem.class, item -> Stream.of(item.getClassName()));
        put("ssl", context, ExtensionSslNativeSupportBuildItem.class, item -> Stream.of(item.getExtension()));
        put("indexed", context, IndexDependencyBuildItem.class,
                item -> Stream.of(item.getGroupId() + ":" + item.getArtifactId()));
        put("devServices", context, DevServicesResultBuildItem.class, item -> Stream.of(item.getName()));
        put("cardPages", context, CardPageBuildItem.class, item -> item.getPages().stream().map(BuildItemProbe::describe));
        put("actions", context, BuildTimeActionBuildItem.class,
                item -> item.getDeploymentActions().stream().map(action -> action.getMethodName()));
        put("jsonRpcProviders", context, JsonRPCProvidersBuildItem.class,
                item -> Stream.of(item.getJsonRPCMethodProviderClass().getName()));
        context.produce(new ServiceStartBuildItem("segment-build-item-probe"));
    }

    private static String describe(PageBuilder<?> builder) {
        Page page = builder.build();
        return page.getTitle() + "|" + page.getDynamicLabel();
    }

    private static <T extends MultiBuildItem> void put(String name, BuildContext context, Class<T> type,
            Function<T, Stream<String>> values) {
        System.setProperty(PREFIX + name,
                context.consumeMulti(type).stream().flatMap(values).collect(Collectors.joining(",")));
    }

    /** What the last build recorded under {@code name}. */
    static List<String> recorded(String name) {
        String value = System.getProperty(PREFIX + name);
        if (value == null) {
            throw new IllegalStateException("the probe did not run: nothing recorded as " + name);
        }
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
