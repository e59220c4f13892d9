package io.camelsegment.segment.docs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The guide's domain object: an order with Java time fields, read from JSON and sent as a track call's properties. */
public record Order(String orderId, String customerId, BigDecimal total, Instant placedAt, LocalDate deliveryDate) {
}
