package io.envclone.anonymizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.envclone.anonymizer.stream.RawBatchesAccess;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The anonymizer service as its callers use it: rules registered, previewed and checked over REST, batches through its loop. */
@QuarkusTest
@WithTestResource(RealInfrastructureTestResource.class)
class AnonymizeApiTest {

    private static final String ANONYMIZATION_KEY = Base64.getEncoder().encodeToString(
            "the-environment-key-for-tests".getBytes(StandardCharsets.UTF_8));
    private static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(
            "a-32-byte-key-for-this-test-only".getBytes(StandardCharsets.UTF_8));

    RealInfrastructure infrastructure;

    private static Map<String, Object> rules(List<Map<String, Object>> rules) {
        return Map.of("version", "api-1", "policy", "strict", "rules", rules);
    }

    private static Map<String, Object> rule(String column, String type) {
        return Map.of("column", column, "type", type);
    }

    @Test
    void badRegistrationsNameTheFieldAndNeverEchoAKey() {
        given().contentType(ContentType.JSON).body(Map.of("rules", rules(List.of(rule("public.people.email", "emial"))),
                "anonymizationKey", ANONYMIZATION_KEY, "encryptionKey", ENCRYPTION_KEY))
                .put("/api/anonymize/clones/bad-1").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("rules")).body("detail", containsString("public.people.email"))
                .body("detail", containsString("unknown transformer 'emial'"));
        given().contentType(ContentType.JSON).body(Map.of("rules", rules(List.of()), "anonymizationKey", "c2hvcnQ=",
                "encryptionKey", ENCRYPTION_KEY))
                .put("/api/anonymize/clones/bad-2").then().statusCode(400).body("field", equalTo("anonymizationKey"))
                .body("detail", not(containsString("c2hvcnQ=")));
        given().contentType(ContentType.JSON).body(Map.of("rules", rules(List.of()), "anonymizationKey", ANONYMIZATION_KEY))
                .put("/api/anonymize/clones/bad-3").then().statusCode(400).body("field", equalTo("encryptionKey"));
        given().contentType(ContentType.JSON).body(Map.of("rules", rules(List.of()), "anonymizationKey", ANONYMIZATION_KEY,
                "encryptionKey", ENCRYPTION_KEY, "fingerprints", "AAAAAwAAAAU=", "fingerprintKey", ANONYMIZATION_KEY))
                .put("/api/anonymize/clones/bad-4").then().statusCode(400).body("field", equalTo("fingerprints"))
                .body("detail", containsString("fingerprint filter is cut"));
        given().contentType(ContentType.JSON).body(Map.of("rules", rules(List.of()), "anonymizationKey", ANONYMIZATION_KEY,
                "encryptionKey", ENCRYPTION_KEY, "fingerprints", "AAAAAQAAAAA="))
                .put("/api/anonymize/clones/bad-5").then().statusCode(400).body("field", equalTo("fingerprintKey"));
        given().delete("/api/anonymize/clones/never").then().statusCode(404);
        given().get("/api/anonymize/clones/never").then().statusCode(404).body("detail", containsString("register it"));
    }

    @Test
    void validateRefusesCollisionProneRulesOnUniqueColumns() {
        Map<String, Object> body = Map.of("rules", rules(List.of(rule("public.people.username", "first_name"),
                        rule("public.people.email", "email"))),
                "columns", Map.of("public.people", Map.of("username", "text", "email", "text")),
                "unique", List.of("public.people.username", "public.people.email"));
        given().contentType(ContentType.JSON).body(body).post("/api/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("errors", hasSize(1))
                .body("errors[0].column", equalTo("public.people.username"))
                .body("errors[0].message", containsString("is unique, and first_name can give two rows the same value"));
    }

    @Test
    void validateListsEveryErrorWithItsColumnAndTheFix() {
        Map<String, Object> body = Map.of("rules", rules(List.of(
                        rule("public.people.email", "email"),
                        Map.of("column", "public.people.email2", "type", "email"),
                        Map.of("column", "public.people.phone", "type", "template", "options", Map.of("template", "x-{counter}")),
                        rule("public.people.birth_date", "phone"),
                        rule("public.people.note", "keep"),
                        rule("people.note", "scrub"))),
                "columns", Map.of("public.people", Map.of("email", "text", "phone", "text", "birth_date", "date",
                        "note", "text")));
        given().contentType(ContentType.JSON).body(body).post("/api/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("errors", hasSize(5))
                .body("errors.find { it.column == 'public.people.email2' }.message", containsString("not in public.people"))
                .body("errors.find { it.column == 'public.people.phone' }.message", containsString("{counter}"))
                .body("errors.find { it.column == 'public.people.birth_date' }.message",
                        containsString("does not fit a column of type date"))
                .body("errors.find { it.column == 'public.people.note' }.message", containsString("reason"))
                .body("errors.find { it.column == 'people.note' }.message", containsString("schema.table.column"));
    }

    @Test
    void previewShowsWhatRulesDoToSampleRows() {
        Map<String, Object> body = Map.of("anonymizationKey", ANONYMIZATION_KEY,
                "rules", rules(List.of(rule("public.people.email", "email"), rule("public.people.note", "scrub"),
                        Map.of("column", "public.people.login", "type", "template",
                                "options", Map.of("template", "customer-{index}@training.local")))),
                "rows", List.of(Map.of("table", "public.people", "values", Map.of("id", "42",
                        "email", "amina@gmail.com", "login", "amina", "note", "écrire à amina@gmail.com ou 0555 12 34 56"))));
        var rows = given().contentType(ContentType.JSON).body(body).post("/api/anonymize/preview").then().statusCode(200)
                .body("[0].values.id", equalTo("42"))
                .body("[0].values.login", equalTo("customer-42@training.local"))
                .body("[0].values.email", matchesPattern("user[0-9a-f]{16}@test\\.local"))
                .extract().jsonPath();
        assertThat(rows.getString("[0].values.note")).startsWith("écrire à " + rows.getString("[0].values.email") + " ou 05")
                .doesNotContain("12 34 56");
    }

    @Test
    void batchesGoThroughTheServiceAndAFailingRuleSendsItsBatchToTheDeadLetterTopic() throws Exception {
        infrastructure.postgres().dropDatabase("anon_api");
        infrastructure.postgres().createDatabase("anon_api");
        try (Connection connection = infrastructure.postgres().connect("anon_api")) {
            connection.createStatement().execute("create table public.people (id bigint primary key, email text,"
                    + " phone text, note text)");
            connection.createStatement().execute("insert into public.people select g, 'person' || g || '@gmail.com',"
                    + " '0555 00 ' || lpad((g % 100)::text, 2, '0') || ' ' || lpad((g / 100)::text, 2, '0'),"
                    + " 'call me' from generate_series(1, 300) g");
            for (String clone : List.of("api-good", "api-failing")) {
                List<Map<String, Object>> list = clone.equals("api-good")
                        ? List.of(rule("public.people.email", "email"), rule("public.people.phone", "phone"))
                        : List.of(rule("public.people.note", "date")); // 'call me' is no date: the rule fails at run time
                given().contentType(ContentType.JSON).body(Map.of("rules", rules(list), "anonymizationKey",
                        ANONYMIZATION_KEY, "encryptionKey", ENCRYPTION_KEY)).put("/api/anonymize/clones/" + clone)
                        .then().statusCode(204);
                given().get("/api/anonymize/clones/" + clone).then().statusCode(200).body("cloneId", equalTo(clone))
                        .body("$", not(hasKey("anonymizationKey")));
                RawBatchesAccess.send(connection, infrastructure.kafka().bootstrapServers(), "envclone.batches.raw", clone,
                        ENCRYPTION_KEY, 100);
            }
        }

        List<ConsumerRecord<String, byte[]>> anonymized = consume("envclone.batches.anonymized", "api-good", 4); // 3 full, 1 empty last
        assertThat(anonymized).allSatisfy(record -> assertThat(record.key()).startsWith("api-good/"));
        List<ConsumerRecord<String, byte[]>> dead = consume("envclone.batches.dead-letter", "api-failing", 4);
        assertThat(new String(dead.get(0).headers().lastHeader(BatchHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains("public.people", "not a date");
        List<ConsumerRecord<String, byte[]>> events = consume("envclone.events", "api-failing", 1);
        assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8)).contains("CLONE_FAILED", "not a date");
        assertThat(consume("envclone.batches.anonymized", "api-failing", 0)).as("nothing of a failed batch goes on").isEmpty();

        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        assertThat(metrics).containsPattern("envclone_anonymizer_batches_total\\{[^}]*\\} [3-9]")
                .containsPattern("envclone_anonymizer_values_transformed_total\\{[^}]*transformer=\"email\"")
                .containsPattern("envclone_anonymizer_failures_total\\{[^}]*\\} [1-9]")
                .containsPattern("envclone_anonymizer_lag_batches\\{[^}]*\\} \\d");
    }

    /** The committed records of one clone on {@code topic}: waits for {@code expected}, then a little for more. */
    private List<ConsumerRecord<String, byte[]>> consume(String topic, String clone, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "api-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 3 : 30).toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || records.size() < expected)) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith(clone)) {
                        records.add(record);
                    }
                });
            }
        }
        assertThat(records).hasSize(expected);
        return records;
    }
}
