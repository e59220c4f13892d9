package io.camelsegment.example.kafka;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * One instance of the app: a Camel Main with the forwarding routes, a member of the consumer group. Production runs
 * one per process; the demo and the tests run several in one JVM, each with its own CamelContext.
 */
public final class Forwarder implements AutoCloseable {

    private final Main main;

    private Forwarder(Main main) {
        this.main = main;
    }

    /**
     * Starts an instance on application.properties, overridden by {@code properties} (the brokers, Segment's
     * settings, the instance's name).
     */
    public static Forwarder start(Map<String, String> properties) {
        Main main = new Main();
        properties.forEach(main::addOverrideProperty);
        main.configure().addRoutesBuilder(new CustomerEventRoutes());
        main.start();
        return new Forwarder(main);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
