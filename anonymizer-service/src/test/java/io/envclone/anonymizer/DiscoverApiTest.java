package io.envclone.anonymizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.envclone.api.anonymize.RuleSetFiles;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PII discovery over REST: a schema and a sample in, proposed rules and a rule file out; bad input named. */
@QuarkusTest
@WithTestResource(RealInfrastructureTestResource.class)
class DiscoverApiTest {

    private static final List<Map<String, Object>> COLUMNS = List.of(
            Map.of("table", "public.customer", "column", "customer_id", "type", "integer", "key", true, "unique", true),
            Map.of("table", "public.customer", "column", "email", "type", "text"),
            Map.of("table", "public.customer", "column", "contact", "type", "text"),
            Map.of("table", "public.customer", "column", "active", "type", "boolean"));
    private static final Map<String, Object> SAMPLES = Map.of("public.customer", List.of(
            Map.of("customer_id", "1", "email", "MARY.SMITH@sakilacustomer.org", "contact", "+213 555 12 34 56"),
            Map.of("customer_id", "2", "email", "PATRICIA.JOHNSON@sakilacustomer.org", "contact", "0661 00 00 00")));

    @Test
    void discoverProposesRulesWithReasonsAndARuleFile() {
        var answer = given().contentType(ContentType.JSON).body(Map.of("columns", COLUMNS, "samples", SAMPLES))
                .post("/api/discover").then().statusCode(200)
                .body("rules.policy", equalTo("strict"))
                .body("rules.rules", hasSize(2))
                .body("sensitive.find { it.column == 'public.customer.email' }.type", equalTo("email"))
                .body("sensitive.find { it.column == 'public.customer.email' }.evidence", equalTo("name"))
                .body("sensitive.find { it.column == 'public.customer.contact' }.type", equalTo("phone"))
                .body("sensitive.find { it.column == 'public.customer.contact' }.reason",
                        containsString("2 of 2 sampled values look like phone numbers"))
                .body("notSensitive.column", org.hamcrest.Matchers.hasItems("public.customer.customer_id",
                        "public.customer.active"))
                .extract().jsonPath();
        RuleSet file = RuleSetFiles.parse(answer.getString("ruleFile"), "ruleFile");
        assertThat(file.rules()).extracting(rule -> rule.column() + ": " + rule.type())
                .containsExactly("public.customer.email: email", "public.customer.contact: phone");
    }

    @Test
    void badInputNamesTheFieldAndTheFix() {
        given().contentType(ContentType.JSON).body(Map.of("samples", SAMPLES)).post("/api/discover")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("columns")).body("detail", containsString("public.customer"));
        given().contentType(ContentType.JSON).body(Map.of("columns", List.of(Map.of("table", "public.customer",
                        "column", "email")))).post("/api/discover")
                .then().statusCode(400).body("field", equalTo("columns[0].type"))
                .body("detail", containsString("public.customer.email")).body("detail", containsString("format_type"));
        given().contentType(ContentType.JSON).body(Map.of("columns", List.of(Map.of("column", "email", "type", "text"))))
                .post("/api/discover").then().statusCode(400).body("field", equalTo("columns[0].table"))
                .body("detail", containsString("schema.table"));
    }

    @Test
    void coverageSaysWhetherTheStrictPolicyPasses() {
        Map<String, Object> rules = Map.of("version", "1", "policy", "strict",
                "rules", List.of(Map.of("column", "public.customer.email", "type", "email")));
        given().contentType(ContentType.JSON).body(Map.of("rules", rules, "columns", COLUMNS, "samples", SAMPLES))
                .post("/api/rules/coverage").then().statusCode(200)
                .body("passes", equalTo(false)).body("errors", hasSize(1))
                .body("errors[0].column", equalTo("public.customer.contact"))
                .body("errors[0].message", containsString("type: phone"));
        given().contentType(ContentType.JSON).body(Map.of("columns", COLUMNS)).post("/api/rules/coverage")
                .then().statusCode(400).body("field", equalTo("rules"));
    }
}
