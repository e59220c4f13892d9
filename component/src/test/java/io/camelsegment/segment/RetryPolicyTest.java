package io.camelsegment.segment;

import java.time.Duration;
import java.util.Optional;

import io.camelsegment.segment.http.RetryPolicy;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(10));

    @ParameterizedTest(name = "{0} is retryable")
    @ValueSource(ints = { 408, 410, 429, 460, 500, 502, 503, 504, 599 })
    void transientStatusesAreRetryable(int status) {
        assertThat(RetryPolicy.isRetryable(status)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not retryable")
    @ValueSource(ints = { 200, 400, 401, 403, 404, 413, 422, 501, 505, 511 })
    void permanentStatusesAreNotRetryable(int status) {
        assertThat(RetryPolicy.isRetryable(status)).isFalse();
    }

    @RepeatedTest(20)
    void backoffDoublesWithJitterAndStaysUnderTheCap() {
        assertThat(policy.nextDelay(1, Optional.empty(), Duration.ZERO).orElseThrow().toMillis()).isBetween(50L, 100L);
        assertThat(policy.nextDelay(2, Optional.empty(), Duration.ZERO).orElseThrow().toMillis()).isBetween(100L, 200L);
        assertThat(policy.nextDelay(3, Optional.empty(), Duration.ZERO).orElseThrow().toMillis()).isBetween(200L, 400L);
        assertThat(new RetryPolicy(40, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofDays(1))
                .nextDelay(40, Optional.empty(), Duration.ZERO).orElseThrow().toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void segmentsHintReplacesTheBackoff() {
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(3)), Duration.ZERO)).contains(Duration.ofSeconds(3));
    }

    @Test
    void noRetryIsLeftAfterMaxRetries() {
        assertThat(policy.nextDelay(4, Optional.empty(), Duration.ZERO)).isEmpty();
    }

    @Test
    void noRetryStartsThatWouldOverrunTheBudget() {
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(2)), Duration.ofSeconds(9))).isEmpty();
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        assertThat(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1))
                .nextDelay(1, Optional.empty(), Duration.ZERO)).isEmpty();
    }

    @Test
    void anAttemptMayTakeTheAttemptTimeoutWhileTheBudgetLasts() {
        assertThat(policy.attemptDeadline(Duration.ofSeconds(3), Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theBudgetCutsTheLastAttemptShort() {
        assertThat(policy.attemptDeadline(Duration.ofSeconds(3), Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.attemptDeadline(Duration.ofSeconds(3), Duration.ofSeconds(11))).isEqualTo(Duration.ZERO);
    }
}
