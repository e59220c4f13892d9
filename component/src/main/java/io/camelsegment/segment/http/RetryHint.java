package io.camelsegment.segment.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads how long Segment asks a client to wait: {@code Retry-After} (seconds or an HTTP date) on any retryable answer;
 * on a 429 only, then {@code X-RateLimit-Reset} (seconds on the Tracking API, an RFC 5322 date on the Public API) and
 * the Public API's {@code errors[0].data.msBeforeNext}. The rate-limit figures say when the window resets, which is
 * no reason to wait after a 5xx.
 */
final class RetryHint {

    private final ObjectMapper mapper;

    RetryHint(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Optional<Duration> of(SegmentResponse response, Instant now) {
        Optional<Duration> retryAfter = response.header("Retry-After").flatMap(value -> parse(value, now));
        if (retryAfter.isPresent() || response.status() != 429) {
            return retryAfter;
        }
        return response.header("X-RateLimit-Reset").flatMap(value -> parse(value, now))
                .or(() -> msBeforeNext(response.body()));
    }

    private static Optional<Duration> parse(String value, Instant now) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private Optional<Duration> msBeforeNext(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode value = mapper.readTree(body).path("errors").path(0).path("data").path("msBeforeNext");
            return value.canConvertToLong() ? Optional.of(Duration.ofMillis(Math.max(0, value.asLong()))) : Optional.empty();
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
    }
}
