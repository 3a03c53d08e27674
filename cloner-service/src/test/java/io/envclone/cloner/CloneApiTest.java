package io.envclone.cloner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start, follow and cancel clones through the REST API, streaming real databases to the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "cloner_control"))
class CloneApiTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    RealInfrastructure infrastructure;

    @BeforeEach
    void sources() throws Exception {
        fill("clone_api_small", 0.01);
        fill("clone_api_large", 0.1);
    }

    private void fill(String database, double scale) throws Exception {
        infrastructure.postgres().createDatabase(database);
        try (Connection connection = infrastructure.postgres().connect(database);
                var filled = connection.createStatement().executeQuery("select to_regclass('public.users') is not null")) {
            filled.next();
            if (!filled.getBoolean(1)) {
                new DemoDatabaseGenerator().generate(connection, new DemoOptions(scale, 42));
            }
        }
    }

    private Map<String, Object> start(String database, String cloneId) {
        Map<String, Object> body = new HashMap<>();
        body.put("cloneId", cloneId);
        body.put("source", Map.of("url", infrastructure.networkJdbcUrl(database), "user",
                EmbeddedPostgresServer.SUPERUSER, "password", ""));
        body.put("encryptionKey", KEY);
        return body;
    }

    @Test
    void aCloneRunsToTheEndAndReportsEveryTable() {
        given().contentType(ContentType.JSON).body(start("clone_api_small", "api-small-1"))
                .post("/api/clone").then().statusCode(202).body("state", equalTo("RUNNING"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/clone/api-small-1").then().statusCode(200).body("state", equalTo("DONE")));
        var status = given().get("/api/clone/api-small-1").then().extract().jsonPath();
        assertThat(status.getInt("tablesDone")).isEqualTo(16); // 9 tables, payments as its 8 partitions
        assertThat(status.getLong("rows")).isGreaterThan(10_000);
        assertThat(status.getLong("tables.'public.users'.rows")).isEqualTo(500);

        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        assertThat(metrics).contains("envclone_clone_rows_sent_total", "envclone_clone_tables_done_total")
                .containsPattern("envclone_clones_ended_total\\{[^}]*outcome=\"done\"");
    }

    /** Starts a slow clone (one worker, tiny batches), cancels it once {@code progressed} holds, waits for the end. */
    private static io.restassured.path.json.JsonPath startSlowThenCancel(Map<String, Object> slow,
            java.util.function.Predicate<io.restassured.path.json.JsonPath> progressed) {
        String id = (String) slow.get("cloneId");
        slow.put("parallelism", 1);
        slow.put("batchRows", 5);
        given().contentType(ContentType.JSON).body(slow).post("/api/clone").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                progressed.test(given().get("/api/clone/" + id).then().extract().jsonPath()));
        given().post("/api/clone/" + id + "/cancel").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/clone/" + id).then().body("state", equalTo("CANCELLED")));
        return given().get("/api/clone/" + id).then().extract().jsonPath();
    }

    @Test
    void aCancelledCloneStopsAndReportsNoUnfinishedTableAsDone() {
        var status = startSlowThenCancel(start("clone_api_large", "api-cancel-1"),
                progress -> progress.getMap("tables").size() > 0);
        assertThat(status.getInt("tablesDone")).isLessThan(status.getMap("tables").size());
    }

    @Test
    void aCancelledCloneStartedAgainWithItsIdSendsOnlyWhatWasNotAcknowledged() {
        int doneBefore = startSlowThenCancel(start("clone_api_large", "api-resume-1"),
                progress -> progress.getInt("tablesDone") > 0).getInt("tablesDone");

        given().contentType(ContentType.JSON).body(start("clone_api_large", "api-resume-1")).post("/api/clone")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/clone/api-resume-1").then().body("state", equalTo("DONE")));
        var status = given().get("/api/clone/api-resume-1").then().extract().jsonPath();
        assertThat(status.getString("resumed")).startsWith("attempt 2");
        assertThat(status.getInt("tablesDone")).isEqualTo(16);
        assertThat(status.getMap("tables").values()).filteredOn(table -> !((Map<?, ?>) table).get("note").equals(""))
                .as("tables the cancelled attempt finished are not sent again").hasSize(doneBefore);
        assertThat(status.getLong("tables.'public.users'.rows")).isEqualTo(5_000);
    }

    @Test
    void rowFiltersSendOnlyTheRowsTheySelectAndAWrongOneFailsTheCloneNamingIt() {
        Map<String, Object> subset = start("clone_api_small", "api-filter-1");
        subset.put("where", Map.of("public.users", "id <= 100", "public.payments", "amount > 100000"));
        given().contentType(ContentType.JSON).body(subset).post("/api/clone").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/clone/api-filter-1").then().body("state", equalTo("DONE")));
        var status = given().get("/api/clone/api-filter-1").then().extract().jsonPath();
        assertThat(status.getLong("tables.'public.users'.rows")).isEqualTo(100);
        assertThat(status.getLong("tables.'public.lofts'.rows")).as("tables without a filter are whole").isEqualTo(80);

        Map<String, Object> unknownColumn = start("clone_api_small", "api-filter-2");
        unknownColumn.put("where", Map.of("public.users", "no_such_column = 1"));
        given().contentType(ContentType.JSON).body(unknownColumn).post("/api/clone").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/clone/api-filter-2").then().body("state", equalTo("FAILED"))
                        .body("reason", containsString("where.public.users"))
                        .body("reason", containsString("no_such_column")));
        assertThat(given().get("/api/clone/api-filter-2").then().extract().jsonPath().getInt("tablesDone")).isZero();

        Map<String, Object> twoStatements = start("clone_api_small", "api-filter-3");
        twoStatements.put("where", Map.of("public.users", "true; delete from public.users"));
        given().contentType(ContentType.JSON).body(twoStatements).post("/api/clone")
                .then().statusCode(400).body("field", equalTo("where.public.users"));
    }

    @Test
    void badStartRequestsNameTheFieldAndNeverEchoTheKey() {
        Map<String, Object> noKey = start("clone_api_small", "api-bad-1");
        noKey.remove("encryptionKey");
        given().contentType(ContentType.JSON).body(noKey).post("/api/clone")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("encryptionKey"));

        Map<String, Object> shortKey = start("clone_api_small", "api-bad-2");
        shortKey.put("encryptionKey", Base64.getEncoder().encodeToString("too-short-key".getBytes()));
        given().contentType(ContentType.JSON).body(shortKey).post("/api/clone")
                .then().statusCode(400).body("detail", containsString("must be 32 bytes"))
                .body("detail", not(containsString((String) shortKey.get("encryptionKey"))));

        Map<String, Object> parallel = start("clone_api_small", "api-bad-3");
        parallel.put("parallelism", 0);
        given().contentType(ContentType.JSON).body(parallel).post("/api/clone")
                .then().statusCode(400).body("field", equalTo("parallelism"));

        Map<String, Object> badId = start("clone_api_small", "Not A Clone Id");
        given().contentType(ContentType.JSON).body(badId).post("/api/clone")
                .then().statusCode(400).body("field", equalTo("cloneId"));

        given().get("/api/clone/never-started").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("start it with POST /api/clone"));
    }
}
