package io.camelsegment.segment.http;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;

/**
 * A component's transports, one per {@link TransportSettings} in use, each closed when its last producer stops or
 * when the component stops.
 *
 * <p>
 * Producers come and go with endpoints: a {@code toD} with a write key per tenant makes one endpoint per tenant, and a
 * client, a connection pool and threads each would multiply all three by the number of tenants.
 */
public final class SharedTransports {

    private final Object owner;
    private final ReferenceCounts<TransportSettings, SharedTransport> transports = new ReferenceCounts<>();

    /** @param owner names the threads, as Camel's executor service manager does */
    public SharedTransports(Object owner) {
        this.owner = owner;
    }

    /** The transport for {@code settings}, opened on first use; give it back with {@link #release}, never close it. */
    public SharedTransport acquire(CamelContext context, TransportSettings settings) throws Exception {
        return transports.acquire(settings, key -> SharedTransport.open(context, owner, key));
    }

    /** One user fewer; the last one closes the transport. */
    public void release(CamelContext context, TransportSettings settings) {
        transports.release(settings).ifPresent(last -> last.close(context.getExecutorServiceManager()));
    }

    /** Closes every transport, whoever still holds it: the component is stopping. */
    public void closeAll(CamelContext context) {
        transports.removeAll().values().forEach(transport -> transport.close(context.getExecutorServiceManager()));
    }

    /** The open transports. */
    public List<SharedTransport> open() {
        return transports.open();
    }

    /** How many producers hold each open transport, by its settings. */
    public Map<TransportSettings, Integer> users() {
        return transports.users();
    }
}
