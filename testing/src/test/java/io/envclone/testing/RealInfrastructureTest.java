package io.envclone.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.testing.junit.RealInfrastructureExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructureExtension.class)
class RealInfrastructureTest {

    @Test
    void postgresRequiresTheRolePasswordOverTcp(RealInfrastructure infra) throws SQLException {
        infra.postgres().createDatabase("auth_check");
        infra.postgres().createLoginRole("auth_checker", "right-password", "auth_check");

        try (Connection connection = DriverManager.getConnection(
                infra.networkJdbcUrl("auth_check"), credentials("auth_checker", "right-password"))) {
            var result = connection.createStatement().executeQuery("select current_user, version()");
            result.next();
            assertThat(result.getString(1)).isEqualTo("auth_checker");
            assertThat(result.getString(2)).startsWith("PostgreSQL 17");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(
                infra.networkJdbcUrl("auth_check"), credentials("auth_checker", "wrong-password")))
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void cuttingThePostgresNetworkDropsSessionsUntilRestored(RealInfrastructure infra) throws SQLException {
        infra.postgres().createDatabase("cut_check");
        infra.postgres().createLoginRole("cut_checker", "pw", "cut_check");
        Connection connection = DriverManager.getConnection(infra.networkJdbcUrl("cut_check"), credentials("cut_checker", "pw"));

        infra.postgresNetwork().cut();
        assertThatThrownBy(() -> connection.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(infra.networkJdbcUrl("cut_check"), credentials("cut_checker", "pw")))
                .isInstanceOf(SQLException.class);

        infra.postgresNetwork().restore();
        try (Connection again = DriverManager.getConnection(infra.networkJdbcUrl("cut_check"), credentials("cut_checker", "pw"))) {
            assertThat(again.createStatement().execute("select 1")).isTrue();
        }
    }

    @Test
    void kafkaCommitsTransactionsForReadCommittedConsumers(RealInfrastructure infra) {
        String topic = "infra-check-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "infra-check",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(producerConfig)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-check",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
            }
        }
        assertThat(seen).containsExactly("committed");
    }

    @Test
    void cuttingTheKafkaNetworkMakesTheBrokerUnreachableUntilRestored(RealInfrastructure infra) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000))) {
            assertThat(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS)).hasSize(1);

            infra.kafka().network().cut();
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);

            infra.kafka().network().restore();
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    private static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }
}
