package io.camelsegment.segment;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelsegment.segment.http.RouteThreads;
import io.camelsegment.segment.http.SharedTransports;
import io.camelsegment.segment.tracking.BatchQueues;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The Segment component: {@code segment:operation} endpoints for the Tracking API and the Public API.
 *
 * <p>
 * A {@link HealthCheckComponent}, as Camel's components with producer health checks are: its
 * {@code healthCheckProducerEnabled} turns the write keys' checks on and off.
 */
@Component("segment")
public class SegmentComponent extends HealthCheckComponent {

    @Metadata(description = "Default options shared by every endpoint of this component")
    private SegmentConfiguration configuration = new SegmentConfiguration();

    private final SharedTransports transports = new SharedTransports(this);
    private final WriteKeyHealthChecks writeKeyHealthChecks = new WriteKeyHealthChecks(this, Clock.systemUTC());
    private final BatchQueues batchQueues = new BatchQueues(transports, writeKeyHealthChecks);
    private final DrainOnContextStopping drainOnContextStopping = new DrainOnContextStopping(batchQueues);
    /** The producers of failureUri endpoints, by URI: they outlive a producer whose events are still queued. */
    private final Map<String, AsyncProducer> failureProducers = new HashMap<>();
    /** Hands failed background events over: a failure route that is slow or stuck holds this thread, and no other. */
    private ExecutorService failureThread;

    /**
     * A stopping CamelContext first waits for the exchanges in flight, and batched ones wait for their queue: sending
     * what is queued at once spares that wait its flushInterval. Background events have no exchange in flight: they are
     * drained here, before Camel stops the routes that consume their failure endpoint. A route stopping alone has no
     * such early signal; its exchanges end within a flushInterval, and its producers' stop drains the rest.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        batchQueues.start();
        if (!getCamelContext().getLifecycleStrategies().contains(drainOnContextStopping)) {
            getCamelContext().addLifecycleStrategy(drainOnContextStopping); // once, though a component may restart
        }
    }

    private static final class DrainOnContextStopping extends LifecycleStrategySupport {

        private final BatchQueues queues;

        DrainOnContextStopping(BatchQueues queues) {
            this.queues = queues;
        }

        @Override
        public void onContextStopping(CamelContext context) {
            queues.prepareStop();
        }
    }

    /** Where failed background events are handed to their failure endpoint, in order; inline once stopped. */
    synchronized Executor failureThread() {
        if (failureThread == null) {
            failureThread = getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "SegmentFailure");
        }
        return new RouteThreads(failureThread, 1);
    }

    /** The started producer of the failure endpoint {@code uri}, shared by this component's producers. */
    synchronized AsyncProducer failureProducer(String uri) throws Exception {
        AsyncProducer producer = failureProducers.get(uri);
        if (producer == null) {
            producer = getCamelContext().getEndpoint(uri).createAsyncProducer();
            ServiceHelper.startService(producer);
            failureProducers.put(uri, producer);
        }
        return producer;
    }

    /** Camel Main prints its configuration summary after building components: the secret names must be known by then. */
    @Override
    protected void doBuild() throws Exception {
        super.doBuild();
        SecretOptionNames.registerWith(getCamelContext());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        // again here: a user may have replaced the context's sensitive keywords after this component was built
        SecretOptionNames.registerWith(getCamelContext());
        SegmentConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(SegmentOperation.fromName(remaining));
        SegmentEndpoint endpoint = new SegmentEndpoint(uri, this, endpointConfiguration);
        if (parameters.containsKey("region")) {
            // Camel's own enum conversion would only say "Error binding property", without the allowed values
            parameters.put("region", RegionNamingConfigurer.region(parameters.get("region")));
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The HTTP clients and threads shared by this component's producers. */
    SharedTransports transports() {
        return transports;
    }

    /** Told of Segment's answers by write key, for the write keys' health checks. */
    WriteKeyHealthChecks writeKeyHealthChecks() {
        return writeKeyHealthChecks;
    }

    /** The delivery queues of batched mode, shared by this component's producers per write key and settings. */
    public BatchQueues batchQueues() {
        return batchQueues;
    }

    /**
     * Producers normally give their queues and transports back first; one started outside any route may not have. The
     * queues drain first, since they send over the transports.
     */
    @Override
    protected void doStop() throws Exception {
        batchQueues.closeAll(getCamelContext());
        transports.closeAll(getCamelContext());
        stopFailureProducers();
        writeKeyHealthChecks.removeAll();
        super.doStop();
    }

    /** Last: the queues' stop hands what it gave up on to them, and waits for that, bounded. */
    private synchronized void stopFailureProducers() {
        if (failureThread != null) {
            failureThread.shutdown();
            try {
                failureThread.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // what is still queued is cut, and each of its events logged: none may vanish without a trace
            FailureEndpoint.cutByStop(failureThread.shutdownNow());
            getCamelContext().getExecutorServiceManager().shutdownNow(failureThread);
            failureThread = null;
        }
        failureProducers.values().forEach(ServiceHelper::stopService);
        failureProducers.clear();
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        // camel.component.segment.region: an unknown region is refused naming us and eu, as in endpoint URIs
        return RegionNamingConfigurer.around(super.getComponentPropertyConfigurer());
    }

    public SegmentConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SegmentConfiguration configuration) {
        this.configuration = configuration;
    }
}
