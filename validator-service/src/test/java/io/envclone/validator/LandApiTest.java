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
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.schema.MigrationScript;
import io.envclone.service.catalog.CatalogAnalysis;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.sql.SequenceValues;
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
    private static MigrationScript script;

    @Test
    void aCloneLandsBesideItsEnvironmentIsValidatedAndSwitchedToAndALeakingRefreshLeavesItAlone() throws Exception {
        EmbeddedPostgresServer server = infrastructure.postgres();
        server.dropDatabase("land_api_source");
        server.createDatabase("land_api_source");
        List<TableBatch> batches;
        Map<String, Long> counts;
        Map<String, Object> sequences = new HashMap<>();
        String leakedEmail;
        try (Connection source = server.connect("land_api_source")) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            batches = SourceBatches.batches(source, "api-land-1", 500);
            counts = DemoTargets.counts(source);
            source.setAutoCommit(false);
            script = MigrationScript.forEmptyTarget(CatalogAnalysis.read(source));
            source.rollback();
            source.setAutoCommit(true);
            try (Statement sql = source.createStatement(); ResultSet row = sql.executeQuery(
                    "select email from public.users order by id limit 1")) {
                row.next();
                leakedEmail = row.getString(1);
            }
            SequenceValues.read(source).forEach((name, value) -> sequences.put(name, Map.of("lastValue",
                    value.lastValue(), "isCalled", value.isCalled())));
        }
        String noPrints = SourceFingerprints.sized(FINGERPRINT_KEY, 100).toBase64();
        Map<String, Object> production = Map.of("systemIdentifier", "7400000000000000001", "host", "db.prod.internal",
                "port", 5432, "serverAddress", "10.0.0.5", "database", "lofts", "serverVersion", "16.4");
        for (String database : List.of("land-api-env", "land-api-env__build", "land-api-env__pristine",
                "land-api-env__previous")) {
            server.dropDatabase(database);
        }

        // the production source itself as the target: refused, with the reason, and audited
        Map<String, Object> intoSource = start("api-land-0", "land_api_source", noPrints);
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

        // a new environment: built beside, landed, finished, validated, switched to
        Map<String, Object> first = start("api-land-1", "land-api-env", noPrints);
        first.put("sources", List.of(production));
        first.put("type", "training");
        given().contentType(ContentType.JSON).body(first).post("/api/land").then().statusCode(202)
                .body("cloneId", equalTo("api-land-1")).body("phase", equalTo("LANDING"));
        SourceBatches.send(batches, infrastructure.kafka().bootstrapServers(), "envclone.batches.anonymized",
                BatchCipher.fromBase64("key", ENCRYPTION_KEY), Map.of(BatchHeaders.RULES_VERSION, "api-1"));
        given().contentType(ContentType.JSON).body(Map.of("postData", script.postData(), "sequences", sequences,
                "expectedRows", counts, "retention", "P1D")).post("/api/land/api-land-1/finish").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> !List.of("LANDING", "FINISHING", "VALIDATING")
                .contains(given().get("/api/land/api-land-1").path("phase")));
        var landed = given().get("/api/land/api-land-1").then().statusCode(200).extract();
        assertThat(landed.<String>path("reason")).as(landed.<String>path("reportId") == null ? ""
                : given().accept("text/markdown").get("/api/reports/" + landed.<String>path("reportId")).asString()).isEmpty();
        assertThat(landed.<String>path("phase")).isEqualTo("READY");
        assertThat(landed.<Integer>path("rows")).isEqualTo((int) batches.stream().mapToLong(TableBatch::rowCount).sum());
        String reportId = landed.path("reportId");
        given().get("/api/reports/" + reportId).then().statusCode(200).body(containsString("schema parity"));
        given().accept("text/markdown").get("/api/reports/" + reportId).then().statusCode(200)
                .body(containsString("PASSED"));
        try (Connection environment = server.connect("land-api-env")) {
            assertThat(DemoTargets.counts(environment)).isEqualTo(counts);
        }
        assertThat(server.databases()).contains("land-api-env__pristine").doesNotContain("land-api-env__build");

        // the environment checked again, on request: health, the whole validation with the spec's checks, the suite alone
        given().get("/api/health/land-api-env").then().statusCode(200).body("healthy", equalTo(true));
        Map<String, Object> target = Map.of("url", server.jdbcUrl("land-api-env"), "user",
                EmbeddedPostgresServer.SUPERUSER, "password", "secret");
        Map<String, Object> everyReservationHasALoft = Map.of("name", "every reservation has a loft", "sql",
                "select count(*) from public.reservations r where not exists (select 1 from public.lofts l"
                        + " where l.id = r.loft_id)", "expect", "0");
        given().contentType(ContentType.JSON).body(Map.of("target", target, "preData", script.preData(), "postData",
                script.postData(), "expectedRows", counts, "validation", Map.of("checks", List.of(everyReservationHasALoft))))
                .post("/api/validate").then().statusCode(200).body("passed", equalTo(true));
        String failedReport = given().contentType(ContentType.JSON).body(Map.of("target", target, "validation", Map.of(
                "checks", List.of(Map.of("name", "no lofts", "sql", "select count(*) from public.lofts", "expect", "0")))))
                .post("/api/test").then().statusCode(200).body("passed", equalTo(false)).extract().path("reportId");
        given().accept("text/markdown").get("/api/reports/" + failedReport).then().statusCode(200)
                .body(containsString("FAILED")).body(containsString("no lofts"));
        given().contentType(ContentType.JSON).body(Map.of("target", target, "validation", Map.of("checks", List.of(
                Map.of("name", "bad", "sql", "select 1", "expect", "about five"))))).post("/api/test").then()
                .statusCode(400).body("field", equalTo("validation.checks[0].expect"));

        // a refresh of an environment that exists needs its confirmation
        SourceFingerprints planted = SourceFingerprints.sized(FINGERPRINT_KEY, 100);
        planted.add(PiiClass.EMAIL, leakedEmail);
        Map<String, Object> second = start("api-land-2", "land-api-env", planted.toBase64());
        second.put("sources", List.of(production));
        given().contentType(ContentType.JSON).body(second).post("/api/land").then().statusCode(403)
                .body("detail", equalTo("replacing what land-api-env holds needs its confirmation: give confirm:"
                        + " land-api-env"));
        // confirmed, but its batches hold a source email (they were never anonymized): refused, nothing lands
        second.put("confirm", "land-api-env");
        given().contentType(ContentType.JSON).body(second).post("/api/land").then().statusCode(202);
        List<TableBatch> again;
        try (Connection source = server.connect("land_api_source")) {
            again = SourceBatches.batches(source, "api-land-2", 500);
        }
        SourceBatches.send(again, infrastructure.kafka().bootstrapServers(), "envclone.batches.anonymized",
                BatchCipher.fromBase64("key", ENCRYPTION_KEY), Map.of(BatchHeaders.RULES_VERSION, "api-1"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(given().get("/api/land/api-land-2")
                .path("phase")));
        given().get("/api/land/api-land-2").then().body("reason", containsString("public.users.email (rule email)"))
                .body("reason", not(containsString(leakedEmail)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.databases().contains("land-api-env__build"));
        try (Connection environment = server.connect("land-api-env")) {
            assertThat(DemoTargets.counts(environment)).as("the environment is as it was").isEqualTo(counts);
        }

        // a trainer's session changes rows; a reset brings the clone back; nothing to roll back to yet
        try (Connection environment = server.connect("land-api-env"); Statement sql = environment.createStatement()) {
            sql.execute("delete from public.messages");
        }
        given().contentType(ContentType.JSON).body(Map.of("mode", "full")).post("/api/environments/land-api-env/reset")
                .then().statusCode(403).body("detail", containsString("give confirm: land-api-env"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "full", "confirm", "land-api-env", "requestedBy",
                "trainer")).post("/api/environments/land-api-env/reset").then().statusCode(200)
                .body("cloneId", equalTo("api-land-1")).body("type", equalTo("training"));
        try (Connection environment = server.connect("land-api-env")) {
            assertThat(DemoTargets.counts(environment)).isEqualTo(counts);
        }
        given().contentType(ContentType.JSON).body(Map.of("confirm", "land-api-env"))
                .post("/api/environments/land-api-env/rollback").then().statusCode(409)
                .body("detail", containsString("no previous copy"));
        given().contentType(ContentType.JSON).body(Map.of("scenarios", List.of(Map.of("name", "a guest", "sql",
                "select :'who'")))).post("/api/environments/land-api-env/scenarios").then().statusCode(400)
                .body("field", equalTo("scenarios[0].parameters.who"));

        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        assertThat(metrics).containsPattern("envclone_validator_batches_landed_total\\{[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("envclone_validator_clones_failed_total\\{[^}]*\\} [1-9]");
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
        body.put("preData", script == null ? List.of() : script.preData());
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
