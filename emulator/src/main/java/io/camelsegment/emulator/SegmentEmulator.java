package io.camelsegment.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A local Segment look-alike on one HTTP port: the Tracking API under {@code /v1}, the Public API
 * operations at the root, a Debugger page at {@code /}, and scripted faults. Everything received is
 * recorded and can be inspected here.
 * <pre>{@code
 * try (SegmentEmulator segment = SegmentEmulator.start()) {
 *     // point the client at segment.trackingUrl() / segment.apiUrl(), then:
 *     assertThat(segment.acceptedEvents()).hasSize(1);
 * }
 * }</pre>
 * Unless built with {@code seeded(false)}, the Public API starts with a demo workspace whose ids are the
 * {@code DEMO_*} constants below.
 */
public final class SegmentEmulator implements AutoCloseable {

    /**
     * A fixed token for {@link Builder#expectedToken(String)} where a constant is handy; accepted only when given there.
     * Without one, each emulator makes up its own: see {@link #token()}.
     */
    public static final String DEMO_TOKEN = "sgp_emulator_demo_token";
    /** The demo workspace. */
    public static final String DEMO_WORKSPACE_ID = "wsDemoEmulator00000001";
    /** The demo website source (Javascript), with two write keys, three connected warehouses and two destinations. */
    public static final String DEMO_SOURCE_ID = "srcDemoWebsite00000001";
    /** The first write key of {@link #DEMO_SOURCE_ID}. */
    public static final String DEMO_WRITE_KEY = "demoWebsiteWriteKey0000000000001";
    /** The second write key of {@link #DEMO_SOURCE_ID}, there to be removed. */
    public static final String DEMO_SECOND_WRITE_KEY = "demoWebsiteWriteKey0000000000002";
    /** The demo backend source (Java), with one write key, one warehouse and one destination. */
    public static final String DEMO_SERVER_SOURCE_ID = "srcDemoJavaServer00002";
    /** The write key of {@link #DEMO_SERVER_SOURCE_ID}. */
    public static final String DEMO_SERVER_WRITE_KEY = "demoJavaServerWriteKey0000000003";
    /** The demo mobile source (iOS, disabled), with no warehouse and no destination. */
    public static final String DEMO_MOBILE_SOURCE_ID = "srcDemoIosApp000000003";
    /** The write key of {@link #DEMO_MOBILE_SOURCE_ID}. */
    public static final String DEMO_MOBILE_WRITE_KEY = "demoIosAppWriteKey00000000000004";
    /** The demo Amplitude destination, connected to {@link #DEMO_SOURCE_ID}. */
    public static final String DEMO_DESTINATION_ID = "dstDemoAmplitude000001";
    /** The catalog id of {@link #DEMO_DESTINATION_ID}, what delivery metrics call destinationMetadataId. */
    public static final String DEMO_DESTINATION_METADATA_ID = "metaAmplitude000000001";
    /** The demo Webhooks destination, connected to {@link #DEMO_SERVER_SOURCE_ID}. */
    public static final String DEMO_SERVER_DESTINATION_ID = "dstDemoWebhooks0000002";
    /** The demo Postgres warehouse, connected to {@link #DEMO_SOURCE_ID} and {@link #DEMO_SERVER_SOURCE_ID}. */
    public static final String DEMO_WAREHOUSE_ID = "whDemoPostgres00000001";
    /** How many events (and requests of each API) an emulator keeps unless {@link Builder#maxRecorded(int)} says otherwise. */
    public static final int DEFAULT_MAX_RECORDED = 10_000;

    private final Recording recording;
    private final Workspace workspace;
    private final Faults faults;
    private final RateLimitWindow rateLimit;
    private final EmulatorServer server;
    private final String host;
    private final String token;

    private SegmentEmulator(Builder builder) {
        this.recording = new Recording(builder.maxRecorded);
        this.workspace = new Workspace(builder.seeded);
        this.faults = new Faults(builder.faultSeed);
        this.host = builder.host;
        this.token = builder.token != null ? builder.token : generatedToken();
        this.rateLimit = new RateLimitWindow(builder.clock, builder.rateLimitPerMinute);
        this.server = new EmulatorServer(new TrackingApi(recording),
                new PublicApi(workspace, token, rateLimit, builder.clock),
                new EmulatorApi(recording, this::reset), new DebuggerPage(), faults, recording);
    }

    /** Starts on a free port of 127.0.0.1 with the demo workspace. */
    public static SegmentEmulator start() {
        return builder().start();
    }

    /** Starts on the given port of 127.0.0.1 (0 for a free one) with the demo workspace. */
    public static SegmentEmulator start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The only Public API token it accepts: the one the builder was given, or one made up at start. */
    public String token() {
        return token;
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** The Tracking API base, e.g. {@code http://127.0.0.1:8089/v1}: append {@code /track}, {@code /batch}, ... */
    public String trackingUrl() {
        return apiUrl() + "/v1";
    }

    /** The Public API base, e.g. {@code http://127.0.0.1:8089}: append {@code /sources/...}. */
    public String apiUrl() {
        return "http://" + urlHost() + ":" + port();
    }

    /** The live Debugger page. */
    public String debuggerUrl() {
        return apiUrl() + "/";
    }

    /** Every event received and still kept (see {@link Builder#maxRecorded(int)}), accepted or dropped, in arrival order. */
    public List<TrackedEvent> events() {
        return recording.events(event -> true);
    }

    /** The events Segment would keep. */
    public List<TrackedEvent> acceptedEvents() {
        return recording.events(TrackedEvent::accepted);
    }

    /** The events Segment would answer 200 to and then drop; see {@link TrackedEvent#dropReason()}. */
    public List<TrackedEvent> droppedEvents() {
        return recording.events(TrackedEvent::dropped);
    }

    /** How many of the oldest events were let go since the start or the last reset, to stay within the cap. */
    public long evictedEvents() {
        return recording.evictedEvents();
    }

    /** Every Tracking API request, including rejected and faulted ones, with the status answered. */
    public List<TrackingRequest> trackingRequests() {
        return recording.trackingRequests();
    }

    /** Every Public API request, with the status answered. */
    public List<PublicApiRequest> publicApiRequests() {
        return recording.publicApiRequests();
    }

    /** The fault script. */
    public Faults faults() {
        return faults;
    }

    /** A source of the workspace as it is now, e.g. to check what a Public API call changed. */
    public Optional<Source> source(String sourceId) {
        return workspace.source(sourceId);
    }

    /** Every source of the workspace as it is now. */
    public List<Source> sources() {
        return workspace.sources();
    }

    /** Forgets all recordings and faults and puts the workspace back as it started. */
    public void reset() {
        faults.clear();
        workspace.restore();
        rateLimit.reset();
        recording.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Random, so a test cannot pass with a token it did not get from this emulator. */
    private static String generatedToken() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return "sgp_emulator_" + HexFormat.of().formatHex(random);
    }

    /** A wildcard bind address is not somewhere to send requests; the loopback is. */
    private String urlHost() {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private SegmentEmulator startServer(int port) {
        try {
            server.start(new InetSocketAddress(InetAddress.getByName(host), port));
            return this;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + host, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
    }

    /** Options for an emulator: port, bind host, token, rate limit, clock, demo data, fault seed. */
    public static final class Builder {

        private int port;
        private String host = "127.0.0.1";
        private String token;
        private int rateLimitPerMinute = RateLimitWindow.DEFAULT_POINTS_PER_MINUTE;
        private Clock clock = Clock.systemUTC();
        private int maxRecorded = DEFAULT_MAX_RECORDED;
        private boolean seeded = true;
        private long faultSeed = 42;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on, 127.0.0.1 by default; {@code 0.0.0.0} to be reached from other hosts. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The Public API token to accept (401 for any other); by default a random one, see {@link #token()}. */
        public Builder expectedToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("A Public API token cannot be blank");
            }
            this.token = token.trim();
            return this;
        }

        /**
         * How many Public API requests a minute are answered before 429s ({@value RateLimitWindow#DEFAULT_POINTS_PER_MINUTE}
         * by default); 0 switches the limit off, e.g. for benchmarks.
         */
        public Builder rateLimitPerMinute(int requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("A rate limit cannot be negative: " + requests);
            }
            this.rateLimitPerMinute = requests;
            return this;
        }

        /** The clock for rate-limit windows and the delivery-metrics time limits; the system's UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How many events, and how many requests of each API, to keep ({@value #DEFAULT_MAX_RECORDED} by default); past
         * that the oldest are let go and counted in {@link #evictedEvents()}. 0 keeps everything.
         */
        public Builder maxRecorded(int items) {
            if (items < 0) {
                throw new IllegalArgumentException("Cannot keep a negative number of items: " + items);
            }
            this.maxRecorded = items;
            return this;
        }

        /** Whether to start with the demo workspace (true by default) or an empty one. */
        public Builder seeded(boolean seeded) {
            this.seeded = seeded;
            return this;
        }

        /** The seed for {@link Faults#ratio(double)} draws, so a run can be repeated exactly. */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        public SegmentEmulator start() {
            return new SegmentEmulator(this).startServer(port);
        }
    }
}
