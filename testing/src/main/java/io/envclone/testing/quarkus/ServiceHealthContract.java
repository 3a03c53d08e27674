package io.envclone.testing.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.net.TcpProxy;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every envclone service promises its platform, proven against the real PostgreSQL and
 * Kafka: liveness, readiness that follows its real dependencies (DOWN while one is cut off,
 * UP again once it is back), Prometheus metrics, and no credential in any log line or HTTP
 * response. A service's test extends this with {@code @QuarkusTest} and
 * {@code @WithTestResource(RealInfrastructureTestResource.class)}.
 */
public abstract class ServiceHealthContract {

    /** Where services write their log in the test profile (see service-common's config). */
    public static final Path TEST_LOG = Path.of("target", "quarkus-test.log");

    /** Injected by {@link RealInfrastructureTestResource}. */
    protected RealInfrastructure infrastructure;

    private final List<String> responseBodies = new ArrayList<>();

    /** Whether this service keeps state in a control database (the anonymizer does not). */
    protected abstract boolean usesControlDatabase();

    @AfterEach
    void healNetwork() {
        infrastructure.healNetwork();
        awaitReady();
    }

    @Test
    void isLive() {
        record(given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP")).extract().response());
    }

    @Test
    void isReadyWithItsRealDependencies() {
        Response ready = given().get("/q/health/ready");
        record(ready);
        ready.then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
        if (usesControlDatabase()) {
            ready.then().body("checks.find { it.name == 'control-database' }.status", equalTo("UP"));
        } else {
            ready.then().body("checks.name", not(hasItem("control-database")));
        }
    }

    @Test
    void goesDownWhileKafkaIsUnreachable() {
        assertDownWhileCut(infrastructure.kafka().network(), "kafka");
    }

    @Test
    void goesDownWhileTheControlDatabaseIsUnreachable() {
        Assumptions.assumeTrue(usesControlDatabase(), "this service has no control database");
        assertDownWhileCut(infrastructure.postgresNetwork(), "control-database");
    }

    @Test
    void servesPrometheusMetrics() {
        given().get("/q/health/live").then().statusCode(200);
        // the classic Prometheus text format, as a scraper asks for it
        Response metrics = given().accept("text/plain").get("/q/metrics");
        record(metrics);
        metrics.then().statusCode(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        String service = ConfigProvider.getConfig().getValue("envclone.service.name", String.class);
        assertThat(metrics.asString())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .containsPattern("jvm_memory_used_bytes\\{[^}]*service=\"" + service + "\"");
    }

    @Test
    void neverLogsOrReturnsACredential() throws IOException {
        // exercise the paths most likely to echo configuration: failures, errors, metrics
        assertDownWhileCut(infrastructure.kafka().network(), "kafka");
        if (usesControlDatabase()) {
            assertDownWhileCut(infrastructure.postgresNetwork(), "control-database");
        }
        record(given().get("/q/metrics"));
        record(given().get("/no/such/path"));
        record(given().get("/q/health"));

        String log = Files.readString(TEST_LOG);
        assertThat(log).as("the service logs where the test can read it").contains("starting: Kafka");
        String password = RealInfrastructureTestResource.CONTROL_PASSWORD;
        assertThat(log).as("log lines").doesNotContain(password);
        assertThat(responseBodies).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(password));
    }

    private void assertDownWhileCut(TcpProxy network, String check) {
        network.cut();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Response ready = given().get("/q/health/ready");
                record(ready);
                ready.then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == '" + check + "' }.status", equalTo("DOWN"));
            });
        } finally {
            network.restore();
        }
        awaitReady();
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200));
    }

    private void record(Response response) {
        responseBodies.add(response.asString());
        responseBodies.add(response.headers().toString());
    }
}
