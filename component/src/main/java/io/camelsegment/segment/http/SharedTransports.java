package io.camelsegment.segment.http;

import java.util.HashMap;
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

    private record Entry(SharedTransport transport, int users) {
    }

    private final Object owner;
    private final Map<TransportSettings, Entry> entries = new HashMap<>();

    /** @param owner names the threads, as Camel's executor service manager does */
    public SharedTransports(Object owner) {
        this.owner = owner;
    }

    /** The transport for {@code settings}, opened on first use; give it back with {@link #release}, never close it. */
    public synchronized SharedTransport acquire(CamelContext context, TransportSettings settings) throws Exception {
        Entry entry = entries.get(settings);
        SharedTransport transport = entry != null ? entry.transport() : SharedTransport.open(context, owner, settings);
        entries.put(settings, new Entry(transport, entry != null ? entry.users() + 1 : 1));
        return transport;
    }

    /** One user fewer; the last one closes the transport. */
    public synchronized void release(CamelContext context, TransportSettings settings) {
        Entry entry = entries.get(settings);
        if (entry == null) {
            return; // already closed with the component
        }
        if (entry.users() > 1) {
            entries.put(settings, new Entry(entry.transport(), entry.users() - 1));
            return;
        }
        entries.remove(settings);
        entry.transport().close(context.getExecutorServiceManager());
    }

    /** Closes every transport, whoever still holds it: the component is stopping. */
    public synchronized void closeAll(CamelContext context) {
        entries.values().forEach(entry -> entry.transport().close(context.getExecutorServiceManager()));
        entries.clear();
    }

    /** The open transports. */
    public synchronized List<SharedTransport> open() {
        return entries.values().stream().map(Entry::transport).toList();
    }

    /** How many producers hold each open transport, by its settings. */
    public synchronized Map<TransportSettings, Integer> users() {
        Map<TransportSettings, Integer> users = new HashMap<>();
        entries.forEach((settings, entry) -> users.put(settings, entry.users()));
        return users;
    }
}
