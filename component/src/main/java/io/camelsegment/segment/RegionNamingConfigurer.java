package io.camelsegment.segment;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.EndpointHelper;

/**
 * The component's generated configurer with one change: a region name is read by {@link SegmentRegion#fromName}, whose
 * message names us and eu, before Camel's enum conversion would refuse an unknown one with "Error binding property" and
 * no allowed values (for {@code camel.component.segment.region} in {@code application.properties}, for instance).
 */
final class RegionNamingConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private final PropertyConfigurer generated;
    private final PropertyConfigurerGetter getter;

    private RegionNamingConfigurer(PropertyConfigurer generated, PropertyConfigurerGetter getter) {
        this.generated = generated;
        this.getter = getter;
    }

    /** The generated configurer, wrapped when it is one this class can stand in for. */
    static PropertyConfigurer around(PropertyConfigurer generated) {
        return generated instanceof PropertyConfigurerGetter getter && !(generated instanceof RegionNamingConfigurer)
                ? new RegionNamingConfigurer(generated, getter) : generated;
    }

    /** A region name as the region; anything else (a region already, a {@code #bean} reference) as it is. */
    static Object region(Object value) {
        return value instanceof String name && !EndpointHelper.isReferenceParameter(name) ? SegmentRegion.fromName(name) : value;
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        return generated.configure(camelContext, target, name, "region".equalsIgnoreCase(name) ? region(value) : value,
                ignoreCase);
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return getter.getOptionType(name, ignoreCase);
    }

    @Override
    public String[] getAutowiredNames() {
        return getter.getAutowiredNames();
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return getter.getCollectionValueType(target, name, ignoreCase);
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return getter.getOptionValue(target, name, ignoreCase);
    }
}
