package io.camelsegment.segment;

import java.time.Instant;
import java.util.Map;

import io.camelsegment.segment.tracking.MaskedWriteKey;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Whether Segment still takes one write key: DOWN once it answered 401 or 403 to a request sent with the key, UP again
 * once it accepted one (2xx). It only reports what the component's own sends found; calling it sends nothing and waits
 * for nothing.
 *
 * <p>
 * A readiness check, not a liveness one: a refused key is a configuration problem that restarting would not fix.
 */
final class WriteKeyHealthCheck implements HealthCheck {

    /** Segment's last word on the key, when it was a refusal. */
    private record Refusal(int status, Instant at) {
    }

    private final String id;
    private final MaskedWriteKey writeKey;
    private volatile boolean enabled = true;
    private volatile Refusal refusal;

    WriteKeyHealthCheck(String id, MaskedWriteKey writeKey) {
        this.id = id;
        this.writeKey = writeKey;
    }

    /** Whether an answer with this status says anything about the key itself. */
    static boolean concernsTheKey(int status) {
        return isRefusal(status) || status >= 200 && status < 300;
    }

    private static boolean isRefusal(int status) {
        return status == 401 || status == 403;
    }

    void answered(int status, Instant at) {
        if (isRefusal(status)) {
            refusal = new Refusal(status, at);
        } else if (concernsTheKey(status)) {
            refusal = null;
        }
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).detail("segment.write.key", writeKey.shown())
                .detail(CHECK_ID, id).detail(CHECK_GROUP, getGroup()).detail(CHECK_KIND, Kind.READINESS.name())
                .detail(CHECK_ENABLED, enabled);
        if (!enabled) {
            // as Camel's own checks answer when switched off
            return result.unknown().message("Disabled").build();
        }
        Refusal last = refusal;
        if (last == null) {
            return result.up().build();
        }
        return result.down()
                .message("Segment answered " + last.status() + " to the latest request sent with write key "
                         + writeKey.shown() + " (at " + last.at() + "): check the writeKey option")
                .detail(HTTP_RESPONSE_CODE, last.status())
                .build();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
