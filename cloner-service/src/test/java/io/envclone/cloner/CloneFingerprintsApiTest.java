package io.envclone.cloner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clone's source fingerprints, built from the real demo database and fetched over REST: they
 * hold the values of the columns asked for, in any case, and the emails inside message bodies,
 * with the row filters applied; nothing else.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "cloner_control"))
class CloneFingerprintsApiTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String FINGERPRINT_KEY = Base64.getEncoder()
            .encodeToString("fingerprint-key-of-this-test-001".getBytes());
    private static final String DEMO = "clone_fp_demo";
    /** An email as the demo writes them, inside a message body and in no user's email column. */
    private static final String EMAIL_IN_A_BODY_ONLY = """
            select e from (select (regexp_matches(body, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}',
                   'g'))[1] as e from public.messages) found
            where not exists (select 1 from public.users u where lower(u.email) = lower(found.e))
            order by e limit 1
            """;

    RealInfrastructure infrastructure;

    @BeforeEach
    void source() throws Exception {
        infrastructure.postgres().createDatabase(DEMO);
        try (Connection connection = infrastructure.postgres().connect(DEMO); Statement statement = connection.createStatement()) {
            if (number(statement, "select count(*) from pg_class where oid = to_regclass('public.users')") == 0) {
                new DemoDatabaseGenerator().generate(connection, new DemoOptions(0.01, 42));
            }
        }
    }

    @Test
    void theFilterHoldsTheColumnsValuesInAnyCaseAndTheEmailsInsideMessagesAndNothingElse() throws Exception {
        Map<String, Object> body = start("fp-demo-1");
        body.put("fingerprintColumns", List.of("public.users.email:email", "public.users.phone:phone", "public.messages.body",
                "public.lofts.city:city"));
        body.put("fingerprintKey", FINGERPRINT_KEY);
        given().contentType(ContentType.JSON).body(body).post("/api/clone").then().statusCode(202)
                .body(not(containsString(FINGERPRINT_KEY)));
        JsonPath fetched = fingerprints("fp-demo-1");
        SourceFingerprints filter = SourceFingerprints.fromRequest(fetched.getString("fingerprints"), FINGERPRINT_KEY);

        try (Connection source = infrastructure.postgres().connect(DEMO); Statement statement = source.createStatement()) {
            assertThat(fetched.getLong("values")).as("every non-null value of the four columns").isEqualTo(
                    number(statement, "select (select count(email) + count(phone) from public.users)"
                            + " + (select count(body) from public.messages) + (select count(city) from public.lofts)"));
            // a city is no secret alone, but its fakes are dealt one per source city: the domain must be there
            assertThat(filter.domainSize(io.envclone.api.fingerprint.PiiClass.CITY)).as("the source's distinct cities")
                    .isEqualTo((int) number(statement, "select count(distinct lower(trim(city))) from public.lofts"));
            assertThat(filter.rank(io.envclone.api.fingerprint.PiiClass.CITY, text(statement,
                    "select city from public.lofts order by id limit 1"))).isNotNegative();
            assertThat(filter.identifying(text(statement, "select city from public.lofts order by id limit 1")))
                    .as("a city is a quasi-identifier: never a leak alone").isNull();
            String email = text(statement, "select email from public.users order by id limit 1");
            String phone = text(statement, "select phone from public.users order by id desc limit 1");
            String emailInABody = text(statement, EMAIL_IN_A_BODY_ONLY);
            assertThat(emailInABody).as("the demo writes emails of no user in messages").isNotNull();
            assertThat(filter.identifying(email)).isNotNull();
            assertThat(filter.identifying(email.toUpperCase(Locale.ROOT))).isNotNull();
            assertThat(filter.identifying(phone)).isNotNull();
            assertThat(filter.identifying(emailInABody)).as(emailInABody + ", found inside a body").isNotNull();

            // real values of columns not asked for, and made-up ones
            assertThat(filter.identifying(text(statement, "select full_name from public.users order by id limit 1"))).isNull();
            assertThat(filter.identifying(text(statement, "select title from public.lofts order by id limit 1"))).isNull();
            assertThat(filter.identifying("nobody.ever@example.invalid")).isNull();
            assertThat(filter.identifying("+81 3 1234 9999 0")).isNull();
        }
        assertThat(given().accept("text/plain").get("/q/metrics").asString())
                .contains("envclone_clone_fingerprint_values_total", "envclone_clone_fingerprinting_seconds_count");
        await().atMost(Duration.ofSeconds(60)).until(() -> status("fp-demo-1").getString("state").equals("DONE"));
    }

    @Test
    void theRowFiltersDecideWhichValuesAreFingerprinted() throws Exception {
        Map<String, Object> body = start("fp-filter-1");
        body.put("where", Map.of("public.users", "id <= 100"));
        body.put("fingerprintColumns", List.of("public.users.email:email"));
        body.put("fingerprintKey", FINGERPRINT_KEY);
        given().contentType(ContentType.JSON).body(body).post("/api/clone").then().statusCode(202);
        JsonPath fetched = fingerprints("fp-filter-1");
        SourceFingerprints filter = SourceFingerprints.fromRequest(fetched.getString("fingerprints"), FINGERPRINT_KEY);

        assertThat(fetched.getLong("values")).isEqualTo(100);
        try (Connection source = infrastructure.postgres().connect(DEMO); Statement statement = source.createStatement()) {
            assertThat(filter.identifying(text(statement, "select email from public.users where id = 100"))).isNotNull();
            assertThat(filter.identifying(text(statement, "select email from public.users where id = 400"))).isNull();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> status("fp-filter-1").getString("state").equals("DONE"));
    }

    @Test
    void badFingerprintRequestsNameTheFieldAndNeverEchoTheKey() {
        Map<String, Object> noKey = start("fp-bad-1");
        noKey.put("fingerprintColumns", List.of("public.users.email"));
        given().contentType(ContentType.JSON).body(noKey).post("/api/clone").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("fingerprintKey"));

        Map<String, Object> notBase64 = start("fp-bad-2");
        notBase64.put("fingerprintColumns", List.of("public.users.email"));
        notBase64.put("fingerprintKey", "this is not base64!");
        given().contentType(ContentType.JSON).body(notBase64).post("/api/clone").then().statusCode(400)
                .body("field", equalTo("fingerprintKey")).body("detail", not(containsString("this is not base64!")));

        Map<String, Object> shortKey = start("fp-bad-3");
        shortKey.put("fingerprintColumns", List.of("public.users.email"));
        shortKey.put("fingerprintKey", Base64.getEncoder().encodeToString("too-short".getBytes()));
        given().contentType(ContentType.JSON).body(shortKey).post("/api/clone").then().statusCode(400)
                .body("field", equalTo("fingerprintKey")).body("detail", containsString("at least 16 bytes"));

        for (String column : List.of("public.users.no_such_column", "public.no_such_table.email", "users.email")) {
            Map<String, Object> unknown = start("fp-bad-4");
            unknown.put("fingerprintColumns", List.of("public.users.email", column));
            unknown.put("fingerprintKey", FINGERPRINT_KEY);
            given().contentType(ContentType.JSON).body(unknown).post("/api/clone").then().statusCode(400)
                    .body("field", equalTo("fingerprintColumns")).body("detail", containsString(column));
        }
        Map<String, Object> excluded = start("fp-bad-5");
        excluded.put("excludeTables", List.of("public.messages"));
        excluded.put("fingerprintColumns", List.of("public.messages.body"));
        excluded.put("fingerprintKey", FINGERPRINT_KEY);
        given().contentType(ContentType.JSON).body(excluded).post("/api/clone").then().statusCode(400)
                .body("field", equalTo("fingerprintColumns")).body("detail", containsString("public.messages.body"));
        given().get("/api/clone/fp-bad-4").then().statusCode(404);
    }

    @Test
    void aCloneStartedWithoutColumnsHasNoFingerprints() {
        given().contentType(ContentType.JSON).body(start("fp-none-1")).post("/api/clone").then().statusCode(202)
                .body("fingerprintsReady", equalTo(false));
        given().get("/api/clone/fp-none-1/fingerprints").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("started without fingerprintColumns"));
        await().atMost(Duration.ofSeconds(60)).until(() -> status("fp-none-1").getString("state").equals("DONE"));
        assertThat(status("fp-none-1").getBoolean("fingerprintsReady")).isFalse();
    }

    private Map<String, Object> start(String cloneId) {
        Map<String, Object> body = new HashMap<>();
        body.put("cloneId", cloneId);
        body.put("source", Map.of("url", infrastructure.networkJdbcUrl(DEMO), "user", EmbeddedPostgresServer.SUPERUSER,
                "password", ""));
        body.put("encryptionKey", KEY);
        return body;
    }

    /** Waits for the status to say they are ready, then fetches them. */
    private static JsonPath fingerprints(String cloneId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath status = status(cloneId);
            assertThat(status.getString("state")).as(status.getString("reason")).isIn("RUNNING", "DONE");
            return status.getBoolean("fingerprintsReady");
        });
        JsonPath fetched = given().get("/api/clone/" + cloneId + "/fingerprints").then().statusCode(200)
                .body("cloneId", equalTo(cloneId)).body(not(containsString(FINGERPRINT_KEY))).extract().jsonPath();
        assertThat(fetched.getMap("$")).containsOnlyKeys("cloneId", "values", "fingerprints");
        byte[] bytes = given().accept("application/octet-stream").get("/api/clone/" + cloneId + "/fingerprints").then()
                .statusCode(200).header("Content-Length", String.valueOf(java.util.Base64.getDecoder()
                        .decode(fetched.getString("fingerprints")).length)).extract().asByteArray();
        assertThat(bytes).as("the same filter as bytes, streamed").isEqualTo(java.util.Base64.getDecoder()
                .decode(fetched.getString("fingerprints")));
        return fetched;
    }

    private static JsonPath status(String cloneId) {
        return given().get("/api/clone/" + cloneId).then().statusCode(200).extract().jsonPath();
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static long number(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
