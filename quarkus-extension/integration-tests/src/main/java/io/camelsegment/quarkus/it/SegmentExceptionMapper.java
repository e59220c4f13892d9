package io.camelsegment.quarkus.it;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsegment.segment.SegmentException;
import io.camelsegment.segment.SegmentHttpException;
import io.camelsegment.segment.SegmentValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Input the component refused before sending anything is the caller's fault (400, with the problems found); Segment's
 * own refusal is a bad gateway (502, with Segment's status). The messages never carry a secret, so they can be shown.
 */
@Provider
public class SegmentExceptionMapper implements ExceptionMapper<SegmentException> {

    @Override
    public Response toResponse(SegmentException failure) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", failure.getClass().getSimpleName());
        body.put("message", failure.getMessage());
        Response.Status status = Response.Status.INTERNAL_SERVER_ERROR;
        if (failure instanceof SegmentValidationException invalid) {
            status = Response.Status.BAD_REQUEST;
            body.put("problems", invalid.getProblems());
        } else if (failure instanceof SegmentHttpException http) {
            status = Response.Status.BAD_GATEWAY;
            body.put("segmentStatus", http.getStatusCode());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
