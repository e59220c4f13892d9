package io.camelsegment.segment.tracking;

import java.util.Optional;

import javax.management.JMException;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.spi.ManagementObjectNameStrategy;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows each delivery queue's {@link DeliveryStatistics} over JMX through Camel's management agent, beside Camel's own
 * services ({@code org.apache.camel:context=...,type=services,name=SegmentDeliveryQueue(0x...)}), when the CamelContext
 * has JMX on (camel-management on the classpath); otherwise does nothing.
 */
final class DeliveryStatisticsMBeans {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatisticsMBeans.class);

    private DeliveryStatisticsMBeans() {
    }

    /** The name the statistics were registered under, or empty when JMX is off or refused them. */
    static Optional<ObjectName> register(CamelContext context, DeliveryStatistics statistics) {
        ManagementStrategy management = context.getManagementStrategy();
        ManagementAgent agent = management == null ? null : management.getManagementAgent();
        ManagementObjectNameStrategy names = management == null ? null : management.getManagementObjectNameStrategy();
        if (agent == null || names == null) {
            return Optional.empty();
        }
        try {
            String contextKey = names.getObjectNameForCamelContext(context).getKeyProperty("context");
            // named as Camel names its services: the class and an identity, since one key may have several queues
            ObjectName name = new ObjectName(agent.getMBeanObjectDomainName() + ":context=" + contextKey
                                             + ",type=services,name=SegmentDeliveryQueue("
                                             + ObjectHelper.getIdentityHashCode(statistics) + ")");
            agent.register(statistics, name);
            return Optional.of(name);
        } catch (JMException | RuntimeException e) {
            LOG.warn("The Segment delivery queue's statistics could not be registered over JMX: {}", e.toString());
            return Optional.empty();
        }
    }

    static void unregister(CamelContext context, ObjectName name) {
        ManagementStrategy management = context.getManagementStrategy();
        ManagementAgent agent = management == null ? null : management.getManagementAgent();
        if (agent == null) {
            return;
        }
        try {
            agent.unregister(name);
        } catch (JMException | RuntimeException e) {
            LOG.debug("The Segment delivery queue's statistics could not be unregistered from JMX: {}", e.toString());
        }
    }
}
