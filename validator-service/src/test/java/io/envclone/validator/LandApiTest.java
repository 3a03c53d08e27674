package io.envclone.validator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.envclone.validator.land.DemoTargets;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator as the operator and the command call it: a target judged, the decision audited, a clone landed. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "validator_control"))
class LandApiTest {

    private static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(
            "a-32-byte-key-for-the-land-api!!".getBytes(StandardCharsets.UTF_8));
    private static final byte[] FINGERPRINT_KEY = "land-api-fingerprint-key".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, Object> RULES = Map.of("version", "api-1", "policy", "strict",
            "rules", List.of(Map.of("column", "public.users.email", "type", "email")));

    RealInfrastructure infrastructure;

    @Test
    void theSourceIsRefusedAndAuditedAndAnotherTargetLandsTheClone() throws Exception {
        EmbeddedPostgresServer server = infrastructure.postgres();
        server.dropDatabase("land_api_source");
        server.createDatabase("land_api_source");
        List<TableBatch> batches;
        try (Connection source = server.connect("land_api_source")) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            batches = SourceBatches.batches(source, "api-land-1", 500);
        }
        String fingerprints = SourceFingerprints.sized(FINGERPRINT_KEY, 100).toBase64();
        Map<String, Object> sourceFingerprint = Map.of("systemIdentifier", "7400000000000000001", "host", "db.prod.internal",
                "port", 5432, "serverAddress", "10.0.0.5", "database", "lofts", "serverVersion", "16.4");

        // the production source itself as the target: refused, with the reason, and audited
        Map<String, Object> intoSource = start("api-land-0", "land_api_source", fingerprints);
        intoSource.put("sources", List.of(fingerprintOf(server, "land_api_source")));
        given().contentType(ContentType.JSON).body(intoSource).post("/api/land").then().statusCode(403)
                .contentType("application/problem+json").body("field", equalTo("target"))
                .body("detail", containsString("is the production source")).body("detail", not(containsString("secret")));
        try (Connection control = server.connect("validator_control"); Statement sql = control.createStatement();
                ResultSet decision = sql.executeQuery("select requested_by, action, allowed, reason, target"
                        + " from envclone_validator.write_decision where action = 'land clone api-land-0'")) {
            assertThat(decision.next()).as("the refusal is audited").isTrue();
            assertThat(decision.getString(1)).isEqualTo("ci-pipeline");
            assertThat(decision.getBoolean(3)).isFalse();
            assertThat(decision.getString(4)).contains("is the production source");
            assertThat(decision.getString(5)).doesNotContain("secret");
        }

        DemoTargets.emptyCopy(server, "land_api_source", "land_api_target");
        try (Connection target = server.connect("land_api_target"); Statement sql = target.createStatement()) {
            // the foreign keys the template brought would want parents first: this copy's come after its data
            sql.execute("alter database land_api_target set session_replication_role = replica");
        }
        Map<String, Object> elsewhere = start("api-land-1", "land_api_target", fingerprints);
        elsewhere.put("sources", List.of(sourceFingerprint));
        elsewhere.put("replace", true);
        given().contentType(ContentType.JSON).body(elsewhere).post("/api/land").then().statusCode(403)
                .body("detail", equalTo("replacing what land_api_target holds needs its confirmation: give confirm:"
                        + " land_api_target"));
        elsewhere.put("confirm", "land_api_target");
        given().contentType(ContentType.JSON).body(elsewhere).post("/api/land").then().statusCode(202)
                .body("cloneId", equalTo("api-land-1"));

        SourceBatches.send(batches, infrastructure.kafka().bootstrapServers(), "envclone.batches.anonymized",
                BatchCipher.fromBase64("key", ENCRYPTION_KEY), Map.of(BatchHeaders.RULES_VERSION, "api-1"));
        long rows = batches.stream().mapToLong(TableBatch::rowCount).sum();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/land/api-land-1").then()
                .statusCode(200).body("batches", equalTo(batches.size())).body("rows", equalTo((int) rows)));
        try (Connection target = server.connect("land_api_target"); Statement sql = target.createStatement();
                ResultSet users = sql.executeQuery("select count(*) from public.users")) {
            users.next();
            assertThat(users.getLong(1)).isPositive();
        }
        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        assertThat(metrics).containsPattern("envclone_validator_batches_landed_total\\{[^}]*\\} [1-9]");
        given().get("/api/land/never").then().statusCode(404);
    }

    @Test
    void badRequestsNameTheFieldAndTheFix() {
        Map<String, Object> body = start("api-bad-1", "nowhere", SourceFingerprints.sized(FINGERPRINT_KEY, 10).toBase64());
        body.put("encryptionKey", "c2hvcnQ=");
        given().contentType(ContentType.JSON).body(body).post("/api/land").then().statusCode(400)
                .body("field", equalTo("encryptionKey")).body("detail", not(containsString("c2hvcnQ=")));
        Map<String, Object> noPrints = start("api-bad-2", "nowhere", "");
        given().contentType(ContentType.JSON).body(noPrints).post("/api/land").then().statusCode(400)
                .body("field", equalTo("fingerprints"));
        Map<String, Object> unreachable = start("api-bad-3", "nowhere", SourceFingerprints.sized(FINGERPRINT_KEY, 10)
                .toBase64());
        unreachable.put("target", Map.of("url", "jdbc:postgresql://localhost:1/nowhere", "user", "u", "password", "secret"));
        given().contentType(ContentType.JSON).body(unreachable).post("/api/land").then().statusCode(400)
                .body("field", equalTo("target")).body("detail", containsString("cannot be reached"))
                .body("detail", not(containsString("secret")));
    }

    private Map<String, Object> start(String cloneId, String database, String fingerprints) {
        EmbeddedPostgresServer server = infrastructure.postgres();
        Map<String, Object> body = new HashMap<>();
        body.put("cloneId", cloneId);
        body.put("target", Map.of("url", server.jdbcUrl(database), "user", EmbeddedPostgresServer.SUPERUSER,
                "password", "secret"));
        body.put("rules", RULES);
        body.put("encryptionKey", ENCRYPTION_KEY);
        body.put("fingerprints", fingerprints);
        body.put("fingerprintKey", Base64.getEncoder().encodeToString(FINGERPRINT_KEY));
        body.put("requestedBy", "ci-pipeline");
        return body;
    }

    private static Map<String, Object> fingerprintOf(EmbeddedPostgresServer server, String database) throws Exception {
        try (Connection connection = server.connect(database)) {
            var fingerprint = io.envclone.validator.safety.TargetIdentity.read(connection, server.host(), server.port());
            Map<String, Object> json = new HashMap<>();
            json.put("systemIdentifier", fingerprint.systemIdentifier().orElse(null));
            json.put("host", fingerprint.host());
            json.put("port", fingerprint.port());
            json.put("serverAddress", fingerprint.serverAddress().orElse(null));
            json.put("database", fingerprint.database());
            json.put("serverVersion", fingerprint.serverVersion());
            return json;
        }
    }
}
