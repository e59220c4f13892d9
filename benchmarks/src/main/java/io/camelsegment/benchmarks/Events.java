package io.camelsegment.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The events the benchmarks send: an e-commerce "Order Completed" track call of about 500 bytes once encoded, the
 * size of a typical Segment event, as a route would hand it over (a map built by the route, or JSON text from a
 * queue).
 */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** One track message as a route builds it: mutable maps and lists, numbers as Java numbers. */
    public static Map<String, Object> orderCompleted(int n) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("userId", "user-" + (100_000 + n));
        message.put("event", "Order Completed");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("orderId", "order-" + n);
        properties.put("total", 27.50);
        properties.put("revenue", 25.00);
        properties.put("shipping", 3);
        properties.put("tax", 2);
        properties.put("currency", "USD");
        List<Object> products = new ArrayList<>();
        products.add(product("507f1f77bcf86cd799439011", "45790-32", "Monopoly: 3rd Edition", 19, 1));
        products.add(product("505bd76785ebb509fc183733", "46493-32", "Uno Card Game", 3, 2));
        properties.put("products", products);
        message.put("properties", properties);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("ip", "203.0.113.42");
        message.put("context", context);
        return message;
    }

    /** The same message as JSON text, as it arrives from Kafka, JMS or a file. */
    public static String orderCompletedJson(int n) {
        return json(orderCompleted(n));
    }

    /** {@code count} messages in a {@code {"batch": [...]}} envelope, each with its {@code type}. */
    public static String batchJson(int count) {
        List<Object> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> message = orderCompleted(i);
            message.put("type", "track");
            batch.add(message);
        }
        return json(Map.of("batch", batch));
    }

    private static Map<String, Object> product(String id, String sku, String name, int price, int quantity) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("product_id", id);
        product.put("sku", sku);
        product.put("name", name);
        product.put("price", price);
        product.put("quantity", quantity);
        return product;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
