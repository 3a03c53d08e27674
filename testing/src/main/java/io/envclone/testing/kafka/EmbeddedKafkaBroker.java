package io.envclone.testing.kafka;

import io.envclone.testing.net.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, combined broker and controller, one node) running in this JVM.
 *
 * <p>The broker advertises the port of a {@link TcpProxy} in front of it, so every client,
 * after bootstrap too, talks through the proxy: {@link #network()} can then cut the broker
 * off and bring it back as a real network fault would.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String LISTENER = "EXTERNAL";
    private static final String CLUSTER_ID = "ZW52Y2xvbmUtbG9jYWwtMQ";

    private final KafkaClusterTestKit cluster;
    private final TcpProxy proxy;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster, TcpProxy proxy) {
        this.cluster = cluster;
        this.proxy = proxy;
    }

    public static EmbeddedKafkaBroker start() {
        try {
            // Our own folder, deleted by close(): the test kit's default one is deleted by a JVM exit
            // hook that races the broker's last checkpoint, and the broker then halts the JVM.
            return start(java.nio.file.Files.createTempDirectory("envclone-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker whose topics, offsets and committed groups live in {@code folder} and outlive this
     * process when it ends without {@link #close()} (killed, interrupted): started again on the same
     * folder, it has them all, as a cluster's broker would after a restart. {@link #close()} deletes
     * the folder.
     */
    public static EmbeddedKafkaBroker startIn(java.nio.file.Path folder) {
        try {
            boolean fresh = !java.nio.file.Files.isDirectory(folder) || isEmpty(folder);
            java.nio.file.Files.createDirectories(folder);
            return start(folder, fresh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(java.nio.file.Path folder) throws IOException {
        try (var entries = java.nio.file.Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static EmbeddedKafkaBroker start(java.nio.file.Path folder, boolean format) {
        int advertisedPort = freePort();
        KafkaClusterTestKit cluster = null;
        try {
            // An in-process broker must never end the test JVM: a disk error at shutdown is logged, not fatal.
            org.apache.kafka.common.utils.Exit.setHaltProcedure((status, message) -> { });
            TestKitNodes nodes = new TestKitNodes.Builder()
                    // one id for every start on this folder: a broker refuses logs formatted for another cluster
                    .setClusterId(CLUSTER_ID)
                    .setBaseDirectory(folder)
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The test kit binds the listener itself (random port); only what it advertises is ours.
                    .setPerServerProperties(Map.of(0, Map.of(
                            "advertised.listeners", LISTENER + "://localhost:" + advertisedPort)))
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    // a topic made by a client before its service made it takes batches as large as ours
                    .setConfigProp("message.max.bytes", String.valueOf(16 * 1024 * 1024))
                    // segments below the records a group committed past go within seconds, not the default 5 minutes
                    .setConfigProp("log.retention.check.interval.ms", "10000")
                    .build();
            if (format) {
                cluster.format();
            }
            cluster.startup();
            int brokerPort = cluster.brokers().values().iterator().next()
                    .boundPort(ListenerName.normalised(LISTENER));
            TcpProxy proxy = TcpProxy.forward("localhost", brokerPort, advertisedPort);
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaBroker(cluster, proxy);
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("embedded Kafka broker did not start", e);
        }
    }

    /** What clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return proxy.hostAndPort();
    }

    /** The network path between every client and the broker. */
    public TcpProxy network() {
        return proxy;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        proxy.close();
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka broker did not stop cleanly", e);
        }
    }
}
