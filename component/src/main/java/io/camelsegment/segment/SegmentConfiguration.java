package io.camelsegment.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.tracking.BodyMode;
import io.camelsegment.segment.tracking.DeliveryMode;
import io.camelsegment.segment.tracking.QueueFullPolicy;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of a Segment endpoint; set on the component, they are the defaults of every endpoint. */
@UriParams
@Configurer
public class SegmentConfiguration implements Cloneable {

    @UriPath(description = "The Segment operation to perform.")
    @Metadata(required = true)
    private SegmentOperation operation;

    @UriParam(label = "security", secret = true,
              description = "The write key of the Segment source that Tracking API calls (identify, track, page, screen,"
                            + " group, alias, batch, import) are sent to.")
    private String writeKey;
    @UriParam(label = "security", secret = true,
              description = "The Public API token (a workspace access token) used as the Bearer credential of Public API calls.")
    private String token;

    @UriParam(defaultValue = "us", enums = "us,eu",
              description = "The region of the Segment workspace: us or eu. It selects both the Tracking API and the Public API host.")
    private SegmentRegion region = SegmentRegion.US;
    @UriParam(label = "advanced",
              description = "Overrides the Tracking API base URL (default from region, e.g. https://api.segment.io/v1): for a proxy or the emulator.")
    private String trackingUrl;
    @UriParam(label = "advanced",
              description = "Overrides the Public API base URL (default from region, e.g. https://api.segmentapis.com): for a proxy or the emulator.")
    private String apiUrl;

    @UriParam(label = "tracking", description = "The userId of Tracking API messages whose body has none.")
    private String userId;
    @UriParam(label = "tracking", description = "The anonymousId of Tracking API messages whose body has none.")
    private String anonymousId;
    @UriParam(label = "tracking", description = "The event name of track calls whose body has none, e.g. Order Completed.")
    private String event;
    @UriParam(label = "tracking,publicapi",
              description = "The page or screen name of page and screen calls whose body has none; for updateSource, the source's new display name.")
    private String name;
    @UriParam(label = "tracking", description = "The groupId of group calls whose body has none.")
    private String groupId;
    @UriParam(label = "tracking", description = "The previousId of alias calls whose body has none.")
    private String previousId;
    @UriParam(label = "tracking", defaultValue = "message", enums = "message,payload",
              description = "How Tracking API calls read the body: message (the whole Segment message) or payload"
                            + " (only properties for track, page and screen, or traits for identify and group).")
    private BodyMode bodyMode = BodyMode.MESSAGE;

    @UriParam(label = "tracking", defaultValue = "direct", enums = "direct,batched,background",
              description = "How identify, track, page, screen, group and alias messages are delivered: direct (one request per"
                            + " exchange), batched (queued with other exchanges' messages of the same write key and sent to"
                            + " /v1/batch; the exchange completes when Segment accepted the batch holding its message) or"
                            + " background (queued and sent as batched, but the exchange completes once its message is"
                            + " queued; what Segment finally refuses, or a stop gives up on, goes to failureUri, is counted"
                            + " and logged). batch and import always send their own requests.")
    private DeliveryMode deliveryMode = DeliveryMode.DIRECT;
    @UriParam(label = "tracking",
              description = "With deliveryMode=background: the endpoint that receives each event Segment finally did not"
                            + " accept or a stop gave up on (e.g. seda:segment-failed); its body is the message as JSON text,"
                            + " the CamelSegmentMessageId header its messageId, the CamelExceptionCaught property the failure."
                            + " Without it, such events are logged at WARN with their messageIds and counted.")
    private String failureUri;
    @UriParam(label = "tracking", defaultValue = "250",
              description = "With deliveryMode=batched or background: a batch is sent once it holds this many events (1 to"
                            + " 2500).")
    private int flushCount = 250;
    @UriParam(label = "tracking", defaultValue = "512000",
              description = "With deliveryMode=batched or background: a batch is sent before its JSON body would grow past"
                            + " this many bytes, counted exactly (32816 to 512000, Segment's limit of 500 KB).")
    private int flushBytes = 512000;
    @UriParam(label = "tracking", defaultValue = "1000", javaType = "java.time.Duration",
              description = "With deliveryMode=batched or background: a batch is sent this long after its first event at"
                            + " the latest, in milliseconds.")
    private long flushInterval = 1000;
    @UriParam(label = "tracking", defaultValue = "10000",
              description = "With deliveryMode=batched or background: the most events a delivery queue holds, queued or"
                            + " being sent; one more is refused (queueFullPolicy).")
    private int queueCapacity = 10000;
    @UriParam(label = "tracking", defaultValue = "16777216",
              description = "With deliveryMode=batched or background: the most bytes of encoded messages a delivery queue"
                            + " holds, queued or being sent (at least 32768); one more event is refused (queueFullPolicy).")
    private long queueCapacityBytes = 16L * 1024 * 1024;
    @UriParam(label = "tracking", defaultValue = "fail", enums = "fail,block",
              description = "With deliveryMode=batched or background: what an event that finds its queue full does: fail"
                            + " (SegmentQueueFullException at once) or block (the caller's thread waits up to"
                            + " queueFullTimeout for room, then fails the same way).")
    private QueueFullPolicy queueFullPolicy = QueueFullPolicy.FAIL;
    @UriParam(label = "tracking", defaultValue = "1000", javaType = "java.time.Duration",
              description = "With queueFullPolicy=block: how long a caller waits for room in a full queue, in milliseconds.")
    private long queueFullTimeout = 1000;
    @UriParam(label = "tracking", defaultValue = "10000", javaType = "java.time.Duration",
              description = "With deliveryMode=batched or background: how long stopping waits, in milliseconds, for queued"
                            + " events to be sent and accepted; the exchanges still waiting then fail with"
                            + " SegmentNotDeliveredException, and background events go to failureUri.")
    private long shutdownTimeout = 10000;

    @UriParam(label = "publicapi", description = "The id of the source a Public API call acts on.")
    private String sourceId;
    @UriParam(label = "publicapi", description = "The id of the destination a Public API call acts on.")
    private String destinationId;
    // not writeKey: a component-wide writeKey must never be what removeWriteKeyFromSource deletes by default
    @UriParam(label = "publicapi,security", secret = true,
              description = "For removeWriteKeyFromSource: the write key to remove from the source.")
    private String writeKeyToRemove;
    @UriParam(label = "publicapi",
              description = "The usage month for getDailyPerSourceApiCallsUsage, as YYYY-MM-DD (its first day, e.g. 2024-05-01).")
    private String period;
    @UriParam(label = "publicapi", enums = "DAY,HOUR,MINUTE",
              description = "The granularity of delivery metrics: DAY, HOUR or MINUTE (Segment's default is MINUTE).")
    private String granularity;
    @UriParam(label = "publicapi", description = "The ISO-8601 start of the delivery metrics window.")
    private String startTime;
    @UriParam(label = "publicapi", description = "The ISO-8601 end of the delivery metrics window.")
    private String endTime;
    @UriParam(label = "publicapi",
              description = "Labels for addLabelsToSource as key:value pairs separated by commas, used when the body has none.")
    private String labels;
    // a String, not a Boolean: the catalog would give a Boolean the default false, and a form could then disable sources
    @UriParam(label = "publicapi", enums = "true,false",
              description = "For updateSource: true to enable the source, false to disable it; unset leaves it as it is.")
    private String enabled;
    @UriParam(label = "publicapi", description = "For updateSource: the source's new slug.")
    private String slug;
    @UriParam(label = "publicapi",
              description = "Items per page of paginated Public API calls, 1 to 1000 (Segment's default is 200).")
    private Integer pageSize;
    @UriParam(label = "publicapi", description = "The cursor of the page to read, as returned in the CamelSegmentNextCursor header.")
    private String cursor;
    @UriParam(label = "publicapi", defaultValue = "false",
              description = "Whether paginated Public API calls follow every page and return all items in one body.")
    private boolean followPages;
    @UriParam(label = "publicapi", defaultValue = "100",
              description = "With followPages, the most pages one call reads; a call with more fails with SegmentPaginationException.")
    private int maxPages = 100;

    @UriParam(label = "advanced", defaultValue = "3",
              description = "How many times a failed call is retried (429, 460, 408, 410, 5xx except 501/505/511, I/O errors); a Public API call that is not a read only when Segment did not process it (no connection, 429, 503 with Retry-After); 0 disables retries.")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "The backoff before the first retry, in milliseconds; it doubles with each retry, with jitter.")
    private long retryInitialDelay = 500;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The longest backoff between two attempts, in milliseconds.")
    private long retryMaxDelay = 30000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The longest time, in milliseconds, a call may take, retries included: no retry starts that would overrun it (nor a wait Segment asks for with Retry-After), and the attempt under way is aborted when it runs out.")
    private long retryBudget = 60000;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "The HTTP connect timeout, in milliseconds.")
    private long connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The deadline of each HTTP attempt, in milliseconds, from sending the request to the last byte of the answer; also the socket timeout.")
    private long responseTimeout = 30000;
    @UriParam(label = "proxy", description = "The HTTP proxy host.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;
    @UriParam(label = "security", description = "TLS settings for the connections to Segment, as for Camel's http component.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced",
              description = "Customizes the Apache HttpClient 5 builder (interceptors, connection settings), as for Camel's http component.")
    private HttpClientConfigurer httpClientConfigurer;
    @UriParam(label = "advanced", description = "The Jackson ObjectMapper that reads bodies and writes requests.")
    private ObjectMapper objectMapper;
    @UriParam(label = "advanced", defaultValue = "10",
              description = "Threads that send batches and retries to Segment and hold retries until they are due, and as many that continue the routes after a retry or a batch; shared by the endpoints with the same HTTP settings. A direct call's first attempt is sent from the caller's thread.")
    private int workerPoolSize = 10;
    @UriParam(label = "advanced", defaultValue = "20",
              description = "The most HTTP connections the shared connection pool keeps open, to all Segment hosts together.")
    private int maxConnections = 20;
    @UriParam(label = "advanced", defaultValue = "20",
              description = "The most HTTP connections the shared connection pool keeps open to one Segment host.")
    private int maxConnectionsPerRoute = 20;

    public SegmentConfiguration copy() {
        try {
            return (SegmentConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public SegmentOperation getOperation() {
        return operation;
    }

    public void setOperation(SegmentOperation operation) {
        this.operation = operation;
    }

    public String getWriteKey() {
        return writeKey;
    }

    public void setWriteKey(String writeKey) {
        this.writeKey = writeKey;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public SegmentRegion getRegion() {
        return region;
    }

    public void setRegion(SegmentRegion region) {
        this.region = region;
    }

    public String getTrackingUrl() {
        return trackingUrl;
    }

    public void setTrackingUrl(String trackingUrl) {
        this.trackingUrl = trackingUrl;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The Tracking API base URL, without trailing slash: the override, or the region's. */
    public String effectiveTrackingUrl() {
        return withoutTrailingSlash(trackingUrl != null ? trackingUrl : region.trackingUrl());
    }

    /** The Public API base URL, without trailing slash: the override, or the region's. */
    public String effectiveApiUrl() {
        return withoutTrailingSlash(apiUrl != null ? apiUrl : region.apiUrl());
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getAnonymousId() {
        return anonymousId;
    }

    public void setAnonymousId(String anonymousId) {
        this.anonymousId = anonymousId;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getPreviousId() {
        return previousId;
    }

    public void setPreviousId(String previousId) {
        this.previousId = previousId;
    }

    public BodyMode getBodyMode() {
        return bodyMode;
    }

    public void setBodyMode(BodyMode bodyMode) {
        this.bodyMode = bodyMode;
    }

    public DeliveryMode getDeliveryMode() {
        return deliveryMode;
    }

    public void setDeliveryMode(DeliveryMode deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    public String getFailureUri() {
        return failureUri;
    }

    public void setFailureUri(String failureUri) {
        this.failureUri = failureUri;
    }

    public long getQueueCapacityBytes() {
        return queueCapacityBytes;
    }

    public void setQueueCapacityBytes(long queueCapacityBytes) {
        this.queueCapacityBytes = queueCapacityBytes;
    }

    public QueueFullPolicy getQueueFullPolicy() {
        return queueFullPolicy;
    }

    public void setQueueFullPolicy(QueueFullPolicy queueFullPolicy) {
        this.queueFullPolicy = queueFullPolicy;
    }

    public long getQueueFullTimeout() {
        return queueFullTimeout;
    }

    public void setQueueFullTimeout(long queueFullTimeout) {
        this.queueFullTimeout = queueFullTimeout;
    }

    public int getFlushCount() {
        return flushCount;
    }

    public void setFlushCount(int flushCount) {
        this.flushCount = flushCount;
    }

    public int getFlushBytes() {
        return flushBytes;
    }

    public void setFlushBytes(int flushBytes) {
        this.flushBytes = flushBytes;
    }

    public long getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(long flushInterval) {
        this.flushInterval = flushInterval;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public long getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
    }

    public String getWriteKeyToRemove() {
        return writeKeyToRemove;
    }

    public void setWriteKeyToRemove(String writeKeyToRemove) {
        this.writeKeyToRemove = writeKeyToRemove;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getGranularity() {
        return granularity;
    }

    public void setGranularity(String granularity) {
        this.granularity = granularity;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public boolean isFollowPages() {
        return followPages;
    }

    public void setFollowPages(boolean followPages) {
        this.followPages = followPages;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryBudget() {
        return retryBudget;
    }

    public void setRetryBudget(long retryBudget) {
        this.retryBudget = retryBudget;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    public void setObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    public void setMaxConnectionsPerRoute(int maxConnectionsPerRoute) {
        this.maxConnectionsPerRoute = maxConnectionsPerRoute;
    }

    /** Only the operation and the base URLs: the rest may hold secrets or user data. */
    @Override
    public String toString() {
        return "SegmentConfiguration[operation=" + operation + ", region=" + region + "]";
    }
}
