package io.camelsegment.segment;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelsegment.segment.tracking.MaskedWriteKey;
import io.camelsegment.segment.tracking.WriteKeyAnswers;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * A component's health checks, one per write key Segment has answered for, in Camel's {@code producers} health-check
 * repository (as camel-kafka registers its producers' checks), enabled by the component's
 * {@code healthCheckProducerEnabled} and shown once the context enables producer checks
 * ({@code camel.health.producersEnabled=true}).
 *
 * <p>
 * A check appears with the first answer that says something about its key (2xx, 401, 403) and stays until the
 * component stops: a key a header brought in is known only once it was used.
 */
final class WriteKeyHealthChecks implements WriteKeyAnswers {

    private static final String REPOSITORY = "producers";

    private final SegmentComponent component;
    private final Clock clock;
    private final Map<String, WriteKeyHealthCheck> checks = new ConcurrentHashMap<>();
    private final Set<String> ids = new HashSet<>();

    WriteKeyHealthChecks(SegmentComponent component, Clock clock) {
        this.component = component;
        this.clock = clock;
    }

    @Override
    public void answered(String writeKey, int status) {
        if (writeKey == null || !WriteKeyHealthCheck.concernsTheKey(status)) {
            return;
        }
        checks.computeIfAbsent(writeKey, this::open).answered(status, clock.instant());
    }

    private WriteKeyHealthCheck open(String writeKey) {
        MaskedWriteKey masked = MaskedWriteKey.of(writeKey);
        WriteKeyHealthCheck check = new WriteKeyHealthCheck(uniqueId("producer:segment-" + masked.shown()), masked);
        check.setEnabled(component.isHealthCheckProducerEnabled());
        WritableHealthCheckRepository repository = repository();
        if (repository != null) {
            repository.addHealthCheck(check);
        }
        return check;
    }

    /** Two keys may end alike: the second one's check gets a number, so neither hides the other. */
    private synchronized String uniqueId(String wanted) {
        String id = wanted;
        for (int n = 2; !ids.add(id); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    /** Takes every check out of Camel's registry: the component is stopping. */
    void removeAll() {
        WritableHealthCheckRepository repository = repository();
        if (repository != null) {
            checks.values().forEach(repository::removeHealthCheck);
        }
        checks.clear();
        synchronized (this) {
            ids.clear();
        }
    }

    /** Camel's producers repository, or null when camel-health is not on the classpath. */
    private WritableHealthCheckRepository repository() {
        CamelContext context = component.getCamelContext();
        return context == null ? null
                : HealthCheckHelper.getHealthCheckRepository(context, REPOSITORY, WritableHealthCheckRepository.class);
    }
}
