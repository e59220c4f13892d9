package io.camelsegment.segment.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns a bean reference in {@code camel.component.segment.*} into the bean, for the component's object options
 * ({@link SegmentComponentConfiguration#BEAN_TYPES}): {@code #bean:name}, {@code #name} or just the bean's name.
 */
public class SegmentComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    /**
     * @param applicationContext where the referenced beans live
     */
    public SegmentComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return SegmentComponentConfiguration.BEAN_TYPES.stream()
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        if (reference.startsWith("#bean:")) {
            reference = reference.substring("#bean:".length());
        } else if (reference.startsWith("#")) {
            reference = reference.substring(1);
        }
        return applicationContext.getBean(reference, targetType.getType());
    }
}
