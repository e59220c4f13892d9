package io.camelsegment.quarkus.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsegment.segment.SegmentConstants;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/** REST endpoints that hand their input to the {@code segment:} routes and answer what the component reported. */
@Path("/segment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final ProducerTemplate template;
    private final FailedEvents failedEvents;

    @Inject
    public SegmentResource(ProducerTemplate template, FailedEvents failedEvents) {
        this.template = template;
        this.failedEvents = failedEvents;
    }

    /** Any tracking operation (identify, track, page, screen, group, alias, batch, import) with a Segment message. */
    @POST
    @Path("/tracking/{operation}")
    public Map<String, Object> tracking(@PathParam("operation") String operation, Object message) throws Exception {
        Exchange exchange = template.send("direct:tracking", e -> {
            e.getMessage().setHeader(SegmentConstants.OPERATION, operation);
            e.getMessage().setBody(message);
        });
        return trackingResult(completed(exchange));
    }

    /** Each message through the batched route at once; answers when Segment accepted the batches holding them. */
    @POST
    @Path("/batched")
    public List<Map<String, Object>> batched(List<Map<String, Object>> messages) throws Exception {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (Map<String, Object> message : messages) {
            sends.add(template.asyncSend("direct:batched", e -> e.getMessage().setBody(message)));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (CompletableFuture<Exchange> send : sends) {
            Map<String, Object> result = trackingResult(completed(send.get(30, TimeUnit.SECONDS)));
            result.put("batchSize", send.get().getMessage().getHeader(SegmentConstants.BATCH_SIZE));
            results.add(result);
        }
        return results;
    }

    /**
     * A track message in background mode: answered once it is queued, with its messageId. {@code refused} sends it
     * where Segment refuses every batch.
     */
    @POST
    @Path("/background")
    public Map<String, Object> background(@QueryParam("refused") boolean refused, Map<String, Object> message)
            throws Exception {
        Message answer = completed(template.send(refused ? "direct:background-refused" : "direct:background",
                e -> e.getMessage().setBody(message)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messageId", answer.getHeader(SegmentConstants.MESSAGE_ID));
        result.put("status", answer.getHeader(SegmentConstants.HTTP_STATUS));
        return result;
    }

    /** The background events of one user that the failure route received. */
    @GET
    @Path("/background/failed")
    public List<FailedEvents.FailedEvent> failed(@QueryParam("userId") String userId) {
        return failedEvents.ofUser(userId);
    }

    @POST
    @Path("/sources/{sourceId}/labels")
    public Object addLabels(@PathParam("sourceId") String sourceId, Map<String, Object> labels) throws Exception {
        return completed(template.send("direct:labels", e -> {
            e.getMessage().setHeader(SegmentConstants.SOURCE_ID, sourceId);
            e.getMessage().setBody(labels);
        })).getBody();
    }

    @GET
    @Path("/sources/{sourceId}/settings")
    public Object settings(@PathParam("sourceId") String sourceId) throws Exception {
        return completed(template.send("direct:settings",
                e -> e.getMessage().setHeader(SegmentConstants.SOURCE_ID, sourceId))).getBody();
    }

    /** One page of the daily API-call usage, and the cursor of the next page when there is one. */
    @GET
    @Path("/usage")
    public Map<String, Object> usage(@QueryParam("period") String period, @QueryParam("pageSize") Integer pageSize,
            @QueryParam("cursor") String cursor) throws Exception {
        Message answer = completed(template.send("direct:usage", e -> {
            e.getMessage().setHeader(SegmentConstants.PERIOD, period);
            e.getMessage().setHeader(SegmentConstants.PAGE_SIZE, pageSize);
            e.getMessage().setHeader(SegmentConstants.CURSOR, cursor);
        }));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", answer.getBody());
        page.put("nextCursor", answer.getHeader(SegmentConstants.NEXT_CURSOR));
        page.put("totalEntries", answer.getHeader(SegmentConstants.TOTAL_ENTRIES));
        return page;
    }

    /** The exchange's answer, or its failure thrown for {@link SegmentExceptionMapper} to turn into a status. */
    private static Message completed(Exchange exchange) throws Exception {
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage();
    }

    private static Map<String, Object> trackingResult(Message answer) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messageId", answer.getHeader(SegmentConstants.MESSAGE_ID));
        result.put("messageIds", answer.getHeader(SegmentConstants.MESSAGE_IDS));
        result.put("status", answer.getHeader(SegmentConstants.HTTP_STATUS));
        result.put("attempts", answer.getHeader(SegmentConstants.ATTEMPTS));
        return result;
    }
}
