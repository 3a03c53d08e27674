package io.envclone.service.health;

import io.envclone.service.config.HealthConfig;
import io.envclone.service.config.KafkaConfig;
import io.envclone.service.config.ServiceConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster describes itself within the health timeout. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final String NAME = "kafka";

    private final KafkaConfig kafka;
    private final HealthConfig health;
    private final Admin admin;

    KafkaReadinessCheck(KafkaConfig kafka, HealthConfig health, ServiceConfig service) {
        this.kafka = kafka;
        this.health = health;
        int timeoutMs = (int) health.timeout().toMillis();
        // One long-lived client: it reconnects by itself, so a probe costs one request, not a handshake.
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, service.name() + "-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("bootstrap-servers", kafka.bootstrapServers());
        return HealthProbes.probe(response, health.timeout(), (builder, timeoutMillis) -> {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis));
            builder.withData("cluster-id", cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS));
            builder.withData("brokers", cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size());
        });
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
