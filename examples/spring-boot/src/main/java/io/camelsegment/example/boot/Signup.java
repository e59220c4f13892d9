package io.camelsegment.example.boot;

import java.util.Map;

/**
 * A new customer, as posted to {@code /signups}.
 *
 * @param userId the shop's customer id
 * @param email  the customer's email address
 * @param plan   the plan signed up for
 */
public record Signup(String userId, String email, String plan) {

    /** What identify records about the customer. */
    public Map<String, Object> traits() {
        return Map.of("email", email, "plan", plan);
    }
}
