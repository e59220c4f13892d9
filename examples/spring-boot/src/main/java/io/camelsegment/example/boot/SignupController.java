package io.camelsegment.example.boot;

import java.util.Map;

import io.camelsegment.segment.SegmentValidationException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The HTTP face of the routes in {@link SignupRoutes}. */
@RestController
public class SignupController {

    private final ProducerTemplate producer;

    SignupController(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * Identifies the customer and tracks {@code Signed Up}; answers the messageIds Segment deduplicates on.
     *
     * @param signup the new customer
     * @return userId, identifyMessageId and trackMessageId
     */
    @PostMapping("/signups")
    public Map<?, ?> signUp(@RequestBody Signup signup) {
        if (signup.userId() == null || signup.email() == null || signup.plan() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "userId, email and plan are required");
        }
        return producer.requestBody("direct:signup", signup, Map.class);
    }

    /**
     * Reads the source's schema settings through the Public API.
     *
     * @return the settings, as Segment answers them
     */
    @GetMapping("/source/schema-settings")
    public Map<?, ?> schemaSettings() {
        return producer.requestBody("direct:schema-settings", null, Map.class);
    }

    /**
     * A call Segment would refuse was stopped before sending (400); any other failure is Segment's or the network's
     * (502). The component's messages never hold a write key or token.
     *
     * @param failure what the route threw
     * @return the problem, as application/problem+json
     */
    @ExceptionHandler(CamelExecutionException.class)
    public ProblemDetail failed(CamelExecutionException failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        HttpStatus status = cause instanceof SegmentValidationException ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY;
        return ProblemDetail.forStatusAndDetail(status, cause.getMessage());
    }
}
