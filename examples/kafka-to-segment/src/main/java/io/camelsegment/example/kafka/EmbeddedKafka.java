package io.camelsegment.example.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one server) running inside this JVM, for the demo and
 * the tests, so that neither needs a container engine or a Kafka installation. Its data lives in a temporary
 * directory removed on {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, String bootstrapServers) {
        this.server = server;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a fresh log directory and starts the server on two free ports of 127.0.0.1 (clients, controller). */
    public static EmbeddedKafka start() {
        Path dataDir = temporaryDirectory();
        int brokerPort = freePort();
        int controllerPort = freePort();
        Map<String, Object> config = config(dataDir, brokerPort, controllerPort);
        format(dataDir);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(server, dataDir, "127.0.0.1:" + brokerPort);
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(dataDir);
    }

    private static Map<String, Object> config(Path dataDir, int brokerPort, int controllerPort) {
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDir.toString());
        // one node: every internal topic has one replica
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("num.partitions", "1");
        config.put("auto.create.topics.enable", "false");
        // a consumer group forms at once instead of waiting 3 s for more members
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("group.min.session.timeout.ms", "1000");
        return config;
    }

    private static void format(Path dataDir) {
        try {
            new Formatter().setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the embedded Kafka's log directory " + dataDir, e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless; the server is down either way
        }
    }
}
