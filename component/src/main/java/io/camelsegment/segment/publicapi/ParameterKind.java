package io.camelsegment.segment.publicapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** The shapes of Public API parameter values, each with the check Segment's spec implies. */
public enum ParameterKind {

    /** A Segment id: 1 to 255 characters (the spec's bounds). */
    ID {
        @Override
        Optional<String> problem(String value) {
            return value.isBlank() || value.length() > 255
                    ? Optional.of("must be 1 to 255 characters and not blank") : Optional.empty();
        }
    },
    /** A calendar date, YYYY-MM-DD. */
    DATE {
        @Override
        Optional<String> problem(String value) {
            try {
                LocalDate.parse(value);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("must be a date as YYYY-MM-DD");
            }
        }
    },
    /** An ISO-8601 date-time with a zone. */
    DATE_TIME {
        @Override
        Optional<String> problem(String value) {
            try {
                OffsetDateTime.parse(value);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("must be an ISO-8601 date-time with a zone, e.g. 2024-05-01T12:00:00Z");
            }
        }
    },
    /** Delivery metrics granularity. */
    GRANULARITY {
        @Override
        Optional<String> problem(String value) {
            return Set.of("DAY", "HOUR", "MINUTE").contains(value)
                    ? Optional.empty() : Optional.of("must be DAY, HOUR or MINUTE");
        }
    },
    /** Items per page: the Public API takes 1 to 1000. */
    PAGE_SIZE {
        @Override
        Optional<String> problem(String value) {
            try {
                int count = Integer.parseInt(value);
                return count >= 1 && count <= 1000 ? Optional.empty() : Optional.of("must be from 1 to 1000");
            } catch (NumberFormatException e) {
                return Optional.of("must be a whole number from 1 to 1000");
            }
        }
    },
    /** An opaque pagination cursor. */
    CURSOR {
        @Override
        Optional<String> problem(String value) {
            return value.isBlank() ? Optional.of("must not be blank") : Optional.empty();
        }
    };

    /** What is wrong with a value, worded to follow the parameter's name; empty when it is fine. */
    abstract Optional<String> problem(String value);
}
