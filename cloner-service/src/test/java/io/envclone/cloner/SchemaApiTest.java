package io.envclone.cloner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.fixtures.NastySchema;
import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema endpoints, against real source databases. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "cloner_control"))
class SchemaApiTest {

    private static final String READER = "schema_api_reader";
    private static final String PASSWORD = "Api-Reader-s3cret";

    RealInfrastructure infrastructure;

    @BeforeEach
    void sources() throws Exception {
        // once per JVM: the databases outlive each test
        for (String database : new String[] {"api_demo", "api_nasty"}) {
            infrastructure.postgres().createDatabase(database);
            try (Connection connection = infrastructure.postgres().connect(database);
                    var filled = connection.createStatement().executeQuery("select to_regclass('public.users')"
                            + " is not null or to_regclass('\"Sales\".\"Order\"') is not null")) {
                filled.next();
                if (!filled.getBoolean(1) && database.equals("api_demo")) {
                    new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults());
                } else if (!filled.getBoolean(1)) {
                    NastySchema.loadCurrent(connection);
                }
            }
        }
        infrastructure.postgres().createLoginRole(READER, PASSWORD, "postgres");
    }

    private Map<String, String> source(String database, String password) {
        return Map.of("url", infrastructure.networkJdbcUrl(database), "user", READER, "password", password);
    }

    @Test
    void analyzeDescribesTheSourceAndItsServer() {
        given().contentType(ContentType.JSON).body(Map.of("source", source("api_demo", PASSWORD)))
                .post("/api/schema/analyze")
                .then().statusCode(200)
                .body("server.database", equalTo("api_demo"))
                .body("server.serverVersion", containsString("17"))
                .body("counts.TABLE", equalTo(17))
                .body("objects.id.name", hasItem("users"))
                .body("objects.find { it.id.name == 'users' && it.id.kind == 'TABLE' }.createSql",
                        containsString("email public.email_address NOT NULL"));
    }

    @Test
    void migrationGivesPreAndPostDataInDependencyOrder() {
        var migration = given().contentType(ContentType.JSON).body(Map.of("source", source("api_demo", PASSWORD)))
                .post("/api/schema/migration")
                .then().statusCode(200).body("kind", equalTo("create")).extract().jsonPath();
        var pre = migration.getList("preData", String.class);
        var post = migration.getList("postData", String.class);
        assertThat(pre).anyMatch(sql -> sql.startsWith("CREATE TABLE public.users"));
        assertThat(indexOf(pre, "CREATE TYPE public.user_role")).isLessThan(indexOf(pre, "CREATE TABLE public.users"));
        assertThat(indexOf(pre, "CREATE TABLE public.payments (")).isLessThan(indexOf(pre, "CREATE TABLE public.payments_2019"));
        assertThat(post).anyMatch(sql -> sql.contains("FOREIGN KEY")).anyMatch(sql -> sql.startsWith("CREATE TRIGGER"))
                .anyMatch(sql -> sql.startsWith("REFRESH MATERIALIZED VIEW public.monthly_revenue"));
        assertThat(pre).noneMatch(sql -> sql.contains("FOREIGN KEY"));
        assertThat(migration.getString("script")).contains("-- post-data: after the rows are loaded");
    }

    @Test
    void migrationWithATargetPlansASyncAndListsWhatWouldLoseData() {
        given().contentType(ContentType.JSON)
                .body(Map.of("source", source("api_demo", PASSWORD), "target", source("api_nasty", PASSWORD)))
                .post("/api/schema/migration")
                .then().statusCode(200)
                .body("kind", equalTo("sync"))
                .body("sync.destructiveIncluded", equalTo(false))
                .body("sync.destructive.sql", hasItem("DROP TABLE \"Sales\".\"Order\""))
                .body("sync.statements", hasItem(containsString("CREATE TABLE public.users")))
                .body("script", not(containsString("DROP TABLE \"Sales\".\"Order\"")));
    }

    @Test
    void compareFindsNoDifferenceWithItselfAndNamesEveryDifferenceOtherwise() {
        given().contentType(ContentType.JSON)
                .body(Map.of("source", source("api_demo", PASSWORD), "target", source("api_demo", PASSWORD)))
                .post("/api/schema/compare")
                .then().statusCode(200).body("identical", equalTo(true)).body("text", equalTo("no differences\n"));
        given().contentType(ContentType.JSON)
                .body(Map.of("source", source("api_demo", PASSWORD), "target", source("api_nasty", PASSWORD)))
                .post("/api/schema/compare")
                .then().statusCode(200).body("identical", equalTo(false))
                .body("text", containsString("- table public.users"))
                .body("text", containsString("+ table Sales.Order"));
    }

    @Test
    void aMissingUrlIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("source", Map.of("user", READER)))
                .post("/api/schema/analyze")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("source.url"))
                .body("detail", containsString("jdbc:postgresql://host:port/database"));
        given().contentType(ContentType.JSON).body("{\"source\": ")
                .post("/api/schema/analyze")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
    }

    @Test
    void aWrongPasswordOnTheTargetIsNamedWithoutEchoingIt() {
        given().contentType(ContentType.JSON)
                .body(Map.of("source", source("api_demo", PASSWORD), "target", source("api_nasty", "wr0ng-Guess")))
                .post("/api/schema/compare")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://envclone.io/problems/source-authentication"))
                .body("field", equalTo("target"))
                .body("detail", containsString("check the user and password"))
                .body("detail", not(containsString("wr0ng-Guess")));
    }

    @Test
    void anUnreachableSourceIsABadGateway() {
        var unreachable = Map.of("url", "jdbc:postgresql://localhost:1/nowhere", "user", READER, "password", PASSWORD);
        given().contentType(ContentType.JSON).body(Map.of("source", unreachable))
                .post("/api/schema/analyze")
                .then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("unreachable"))
                .body("detail", not(containsString(PASSWORD)));
    }

    private static int indexOf(java.util.List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no statement starts with " + prefix);
    }
}
