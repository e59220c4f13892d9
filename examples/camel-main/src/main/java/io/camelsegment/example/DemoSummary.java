package io.camelsegment.example;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.segment.SegmentConstants;
import io.camelsegment.segment.SegmentValidationException;
import org.apache.camel.Exchange;

/** What the demo delivered, refused and read back, printed at the end. */
public class DemoSummary {

    private final AtomicInteger identified = new AtomicInteger();
    private final AtomicInteger ordersTracked = new AtomicInteger();
    private final AtomicInteger batchRequests = new AtomicInteger();
    private final List<String> refused = new ArrayList<>();
    private volatile Exchange admin;
    private volatile Throwable failure;

    public void identified(Exchange exchange) {
        identified.incrementAndGet();
    }

    public void batchDelivered(Exchange exchange) {
        ordersTracked.addAndGet(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_IDS, List.class).size());
        batchRequests.addAndGet(exchange.getMessage().getHeader(SegmentConstants.REQUEST_COUNT, Integer.class));
    }

    /** The exchange variable that holds why a record was refused, for the route's log line. */
    static final String REFUSAL = "segmentRefusal";

    /** Records why a record was refused and puts the reason in the {@link #REFUSAL} variable. */
    public synchronized void refused(Exchange exchange) {
        String reason = reason(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, SegmentValidationException.class));
        refused.add(reason);
        exchange.setVariable(REFUSAL, reason);
    }

    /** The exception's message says it all once: "Segment identify was not sent: userId or anonymousId is required". */
    static String reason(SegmentValidationException refusal) {
        return refusal.getMessage();
    }

    public void adminDone(Exchange exchange) {
        admin = exchange;
    }

    public void failed(Throwable failure) {
        this.failure = failure;
    }

    /** Whether every step ran: the events were sent and the Public API answered. */
    public boolean completed() {
        return failure == null && admin != null;
    }

    public Throwable failure() {
        return failure;
    }

    public String render(SegmentTarget target) {
        StringBuilder out = new StringBuilder("\n=== Segment demo summary ===\n");
        out.append(target.usesEmulator()
                ? "Target: the embedded Segment emulator. Debugger: " + target.emulator().debuggerUrl() + "\n"
                : "Target: Segment (" + target.region() + " region)\n");
        out.append("Customers identified: ").append(identified).append('\n');
        out.append("Orders tracked: ").append(ordersTracked).append(" in ").append(batchRequests)
                .append(" batch request(s)\n");
        synchronized (this) {
            out.append("Refused before sending: ").append(refused.size()).append('\n');
            refused.forEach(reason -> out.append("  - ").append(reason).append('\n'));
        }
        if (admin != null) {
            out.append("Source ").append(target.sourceId()).append(" labels: ").append(labels()).append('\n');
            Map<?, ?> settings = admin.getVariable("schemaSettings", Map.class);
            out.append("Schema settings (track): ").append(settings == null ? "none" : settings.get("track")).append('\n');
            List<?> usage = admin.getVariable("usage", List.class);
            out.append("Daily API-call usage entries this month: ").append(usage == null ? 0 : usage.size()).append('\n');
        }
        if (target.usesEmulator()) {
            appendEmulator(out, target.emulator());
        }
        return out.toString();
    }

    private String labels() {
        List<?> labels = admin.getVariable("labels", List.class);
        if (labels == null) {
            return "none";
        }
        return labels.stream().map(l -> ((Map<?, ?>) l).get("key") + ":" + ((Map<?, ?>) l).get("value")).toList().toString();
    }

    private static void appendEmulator(StringBuilder out, SegmentEmulator emulator) {
        List<TrackedEvent> accepted = emulator.acceptedEvents();
        out.append("Emulator recorded: ").append(accepted.size()).append(" accepted event(s) (")
                .append(accepted.stream().filter(e -> "identify".equals(e.type())).count()).append(" identify, ")
                .append(accepted.stream().filter(e -> "track".equals(e.type())).count()).append(" track), ")
                .append(emulator.droppedEvents().size()).append(" dropped, ")
                .append(emulator.publicApiRequests().size()).append(" Public API request(s)\n");
    }
}
