package io.envclone.cloner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.envclone.api.source.SequenceValue;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.fixtures.Pagila;
import io.envclone.testing.fixtures.RequiresPagila;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The source's sequences in the clone's status, as the target must set them: read before the first
 * batch, exactly the source's values, and a sequence the role may not read fails the clone naming it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "cloner_control"))
class CloneSequencesApiTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String DEMO = "clone_seq_demo";
    private static final String PAGILA = "clone_seq_pagila";
    private static final String READER = "clone_seq_reader";
    private static final String READER_PASSWORD = "r3ader-Secret";

    RealInfrastructure infrastructure;

    @Test
    void theStatusReportsTheSourcesSequencesWhileTheCloneStreams() throws Exception {
        demo();
        long users;
        try (Connection source = infrastructure.postgres().connect(DEMO); Statement statement = source.createStatement()) {
            users = value(statement, "select max(nextval('public.users_id_seq')) from generate_series(1, 3)");
            value(statement, "select nextval('public.notifications_id_seq')"); // an identity column's
            value(statement, "select nextval('public.payments_id_seq')"); // a partitioned table's, owned by its column
        }
        Map<String, Object> slow = start(DEMO, "seq-demo-1", EmbeddedPostgresServer.SUPERUSER, "");
        slow.put("parallelism", 1);
        slow.put("batchRows", 5);
        given().contentType(ContentType.JSON).body(slow).post("/api/clone").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> status("seq-demo-1").getMap("tables").size() > 0);
        JsonPath streaming = status("seq-demo-1");
        given().post("/api/clone/seq-demo-1/cancel").then().statusCode(202);

        assertThat(streaming.getString("state")).as("read before the first batch").isEqualTo("RUNNING");
        Map<String, SequenceValue> reported = sequences(streaming);
        assertThat(reported).isEqualTo(read(DEMO)).containsKeys("public.users_id_seq", "public.notifications_id_seq",
                "public.payments_id_seq", "audit.audit_log_id_seq");
        assertThat(reported.get("public.users_id_seq")).isEqualTo(new SequenceValue(users, true));
        // the generator set it with setval(max + 1, false): pg_sequences would say null, the next id is lastValue
        assertThat(reported.get("public.lofts_id_seq").isCalled()).isFalse();
        assertThat(reported.get("public.lofts_id_seq").lastValue()).isEqualTo(81);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("seq-demo-1").getString("state").equals("CANCELLED"));
    }

    @Test
    @RequiresPagila
    void pagilasSerialSequencesAreReportedAsTheSourceHasThem() throws Exception {
        infrastructure.postgres().createDatabase(PAGILA);
        try (Connection source = infrastructure.postgres().connect(PAGILA); Statement statement = source.createStatement()) {
            if (value(statement, "select count(*) from pg_class where oid = to_regclass('public.film')") == 0) {
                Pagila.load(source);
            }
            value(statement, "select max(nextval('public.actor_actor_id_seq')) from generate_series(1, 2)");
            value(statement, "select nextval('public.payment_payment_id_seq')");
        }
        given().contentType(ContentType.JSON).body(start(PAGILA, "seq-pagila-1", EmbeddedPostgresServer.SUPERUSER, ""))
                .post("/api/clone").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !status("seq-pagila-1").getString("state").equals("RUNNING"));

        JsonPath status = status("seq-pagila-1");
        Map<String, SequenceValue> expected = read(PAGILA);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(10);
        assertThat(sequences(status)).isEqualTo(expected);
        assertThat(status.getString("state")).as(status.getString("reason")).isEqualTo("DONE");
    }

    @Test
    void aSequenceTheRoleMayNotSelectFailsTheCloneNamingItAndThePrivilege() throws Exception {
        demo();
        infrastructure.postgres().createLoginRole(READER, READER_PASSWORD, DEMO);
        try (Connection admin = infrastructure.postgres().connect(DEMO); Statement statement = admin.createStatement()) {
            // everything a reading role needs, but SELECT on one sequence: USAGE alone does not show is_called
            statement.execute("grant usage on schema public, audit to " + READER);
            statement.execute("grant select on all tables in schema public, audit to " + READER);
            statement.execute("grant select on all sequences in schema public, audit to " + READER);
            statement.execute("revoke select on sequence public.payments_id_seq from " + READER);
            statement.execute("grant usage on sequence public.payments_id_seq to " + READER);
            statement.execute("alter role " + READER + " bypassrls");
        }
        given().contentType(ContentType.JSON).body(start(DEMO, "seq-denied-1", READER, READER_PASSWORD))
                .post("/api/clone").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/clone/seq-denied-1").then()
                .body("state", equalTo("FAILED"))
                .body("reason", containsString("public.payments_id_seq"))
                .body("reason", containsString("GRANT SELECT ON SEQUENCE public.payments_id_seq TO " + READER)));
        assertThat(status("seq-denied-1").getMap("tables")).as("no table was started").isEmpty();
    }

    private void demo() throws SQLException {
        infrastructure.postgres().createDatabase(DEMO);
        try (Connection connection = infrastructure.postgres().connect(DEMO); Statement statement = connection.createStatement()) {
            if (value(statement, "select count(*) from pg_class where oid = to_regclass('public.users')") == 0) {
                new DemoDatabaseGenerator().generate(connection, new DemoOptions(0.01, 42));
            }
        }
    }

    private Map<String, Object> start(String database, String cloneId, String user, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("cloneId", cloneId);
        body.put("source", Map.of("url", infrastructure.networkJdbcUrl(database), "user", user, "password", password));
        body.put("encryptionKey", KEY);
        return body;
    }

    private static JsonPath status(String cloneId) {
        return given().get("/api/clone/" + cloneId).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, SequenceValue> sequences(JsonPath status) {
        Map<String, SequenceValue> values = new TreeMap<>();
        status.<String, Map<String, Object>>getMap("sequences").forEach((name, value) -> values.put(name,
                new SequenceValue(((Number) value.get("lastValue")).longValue(), (Boolean) value.get("isCalled"))));
        return values;
    }

    /** Every sequence of the source, read directly as a superuser. */
    private Map<String, SequenceValue> read(String database) throws SQLException {
        Map<String, SequenceValue> values = new TreeMap<>();
        try (Connection source = infrastructure.postgres().connect(database); Statement statement = source.createStatement()) {
            List<String[]> names = new ArrayList<>();
            try (ResultSet row = statement.executeQuery("select schemaname, sequencename,"
                    + " format('%I.%I', schemaname, sequencename) from pg_sequences")) {
                while (row.next()) {
                    names.add(new String[] {row.getString(1) + "." + row.getString(2), row.getString(3)});
                }
            }
            for (String[] name : names) {
                try (ResultSet row = statement.executeQuery("select last_value, is_called from " + name[1])) {
                    row.next();
                    values.put(name[0], new SequenceValue(row.getLong(1), row.getBoolean(2)));
                }
            }
        }
        return values;
    }

    private static long value(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
