package io.camelsegment.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bundled sample: customer and order records of a shop, one JSON object per line.
 *
 * @param customers the customer records
 * @param orders    the order records
 */
public record CustomerEvents(List<Map<String, Object>> customers, List<Map<String, Object>> orders) {

    static final String SAMPLE = "/data/customer-events.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the bundled sample from the classpath. */
    public static CustomerEvents sample() {
        try (InputStream in = CustomerEvents.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CustomerEvents parse(List<String> lines) throws IOException {
        List<Map<String, Object>> customers = new ArrayList<>();
        List<Map<String, Object>> orders = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> record = JSON.readValue(line, new TypeReference<>() {
            });
            ("order".equals(record.get("kind")) ? orders : customers).add(record);
        }
        return new CustomerEvents(customers, orders);
    }

    /** Order records as Segment {@code Order Completed} track messages, ready for a batch. */
    public static List<Map<String, Object>> ordersCompleted(List<Map<String, Object>> orders) {
        return orders.stream().map(CustomerEvents::orderCompleted).toList();
    }

    /** An order record as a Segment {@code Order Completed} track message. */
    static Map<String, Object> orderCompleted(Map<String, Object> order) {
        return Map.of("type", "track", "userId", order.get("customerId"), "event", "Order Completed",
                "timestamp", order.get("placedAt"),
                "properties", Map.of("order_id", order.get("orderId"), "total", order.get("total"),
                        "currency", order.get("currency"), "products", order.get("products")));
    }
}
