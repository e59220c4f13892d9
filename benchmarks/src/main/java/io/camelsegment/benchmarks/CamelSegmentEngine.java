package io.camelsegment.benchmarks;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.camelsegment.segment.SegmentLibrary;
import io.camelsegment.segment.tracking.BodyMode;
import io.camelsegment.segment.tracking.MessageBuilder;
import io.camelsegment.segment.tracking.MessageEncoder;
import io.camelsegment.segment.tracking.MessageIds;
import io.camelsegment.segment.tracking.TrackingRequests;

/**
 * The component's per-event path as its producer runs it, without HTTP: a new messageId, then build, check and
 * encode ({@link TrackingRequests#prepare}), with the producer's default ObjectMapper.
 */
public final class CamelSegmentEngine implements Engine {

    private final TrackingRequests requests;
    private final MessageIds ids = new MessageIds();

    public CamelSegmentEngine() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        requests = new TrackingRequests(new MessageBuilder(mapper, SegmentLibrary.NAME, SegmentLibrary.VERSION),
                MessageEncoder.withDefaultMapper(mapper), Clock.systemUTC());
    }

    @Override
    public Object prepare(Scenario scenario, Object body) {
        return requests.prepare(scenario.name(), scenario.call(), body, BodyMode.MESSAGE, option -> null,
                ids.next());
    }
}
