package io.camelsegment.segment.springboot;

import java.util.Map;

import io.camelsegment.segment.SegmentComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code segment} component from {@code camel.component.segment.*}, as every Camel Spring Boot starter
 * does: {@code camel.component.segment.enabled=false} (or {@code camel.component.enabled=false}) turns it off, and
 * {@code camel.component.segment.customizer.enabled=false} keeps the component as Camel makes it.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, SegmentComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.segment" })
public class SegmentComponentAutoConfiguration {

    /**
     * Binds bean references ({@code #bean:name}, {@code #name} or a bean name) to the component's object options.
     *
     * @param applicationContext where the referenced beans live
     * @return the converter, used by Spring Boot while it binds {@code camel.component.segment.*}
     */
    @Bean
    @ConfigurationPropertiesBinding
    public static SegmentComponentConverter segmentComponentConverter(@Lazy ApplicationContext applicationContext) {
        return new SegmentComponentConverter(applicationContext);
    }

    /**
     * Hands the options the application set to the component when Camel creates it.
     *
     * @param applicationContext the application, for the customizer switches
     * @param configuration      the bound {@code camel.component.segment.*} options
     * @return the customizer
     */
    @Lazy
    @Bean
    public ComponentCustomizer configureSegmentComponent(ApplicationContext applicationContext,
            SegmentComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                apply(configuration.componentOptions(), (SegmentComponent) target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.segment.customizer") && target instanceof SegmentComponent;
            }
        };
    }

    /** Sets each option through the component's generated configurer, failing on one it does not know. */
    static void apply(Map<String, Object> options, SegmentComponent component) {
        CamelContext context = component.getCamelContext();
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        options.forEach((name, value) -> {
            if (!configurer.configure(context, component, name, value, false)) {
                throw new IllegalStateException("The segment component has no option " + name
                                                + ": the starter and camel-segment are of different versions");
            }
        });
    }

    /** Masks the component's secrets in /actuator/configprops and /actuator/env, even when values are shown. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class ActuatorSanitizing {

        @Bean
        SanitizingFunction segmentSecretsSanitizingFunction() {
            return new SegmentSecretsSanitizingFunction();
        }
    }
}
