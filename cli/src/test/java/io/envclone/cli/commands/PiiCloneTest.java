package io.envclone.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.cli.ExitCode;
import io.envclone.cli.commands.CommandFixture.Run;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.fixtures.Pagila;
import io.envclone.testing.fixtures.RequiresPagila;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14's failures, through the real services, on a database nobody here wrote: Pagila with
 * the PII overlay (testing's {@code pagila-pii-overlay.sql}), cloned by {@code envclone clone}
 * with discovery alone (no rules file, the strict policy), as a new user would. The copy is then
 * read by the test itself, not by envclone's report.
 */
@RequiresPagila
@ExtendWith(RealInfrastructureExtension.class)
class PiiCloneTest {

    private static final String SOURCE = "pii_source";
    private static final String COPY = "pii-copy";

    private static CommandFixture fixture;
    private static Run clone;

    @BeforeAll
    static void cloneWithDiscoveryAlone(RealInfrastructure infra) throws Exception {
        fixture = CommandFixture.shared(infra);
        fixture.server.dropDatabase(SOURCE);
        fixture.server.createDatabase(SOURCE);
        Pagila.loadWithPii(fixture.server, SOURCE);
        fixture.dropEnvironment(COPY);
        clone = fixture.envclone("clone", "--source", fixture.url(SOURCE), "--target", fixture.url(COPY),
                "--allow-same-server", "--yes", "--output", "json");
    }

    @Test
    void discoveryAloneClonesItAndTheReportPasses() throws Exception {
        assertThat(clone.status()).as(clone.err()).isEqualTo(ExitCode.DONE);
        assertThat(clone.json().get("phase").asText()).isEqualTo("Ready");
        assertThat(fixture.counts(COPY)).isEqualTo(fixture.counts(SOURCE));
    }

    /** Failure 1: the generated full name is never ruled nor copied; the target computes it from the fakes. */
    @Test
    void theGeneratedFullNameIsRecomputedFromTheFakes() throws Exception {
        assertThat(one(COPY, "select count(*) from public.customer where full_name <> first_name || ' ' || last_name"))
                .isEqualTo("0");
        Set<String> sourceNames = lowerValues(SOURCE, "select full_name from public.customer");
        assertThat(lowerValues(COPY, "select full_name from public.customer")).doesNotContainAnyElementsOf(sourceNames);
    }

    /** Failure 2: plain passwords stay plain and fit varchar(50); the narrow nickname fits varchar(12). */
    @Test
    void fakesFitTheirColumnsAndKeepTheirFormat() throws Exception {
        assertThat(one(COPY, "select max(length(password)) <= 50 and bool_and(password !~ '^\\$2') from public.customer"))
                .isEqualTo("t");
        assertThat(one(COPY, "select count(*) from public.customer where length(nickname) > 12")).isEqualTo("0");
        Map<String, String> before = byKey(SOURCE, "select customer_id, password from public.customer");
        Map<String, String> after = byKey(COPY, "select customer_id, password from public.customer");
        before.forEach((id, password) -> assertThat(after.get(id)).as("customer %s's password", id).isNotEqualTo(password));
    }

    /** Failure 3: a postal code is a quasi-identifier: changed at its row, of the same shape. */
    @Test
    void postalCodesChangeAtTheirRowAndKeepTheirShape() throws Exception {
        Map<String, String> before = byKey(SOURCE, "select address_id, postal_code from public.address where postal_code <> ''");
        Map<String, String> after = byKey(COPY, "select address_id, postal_code from public.address");
        assertThat(before).isNotEmpty();
        before.forEach((id, code) -> {
            assertThat(after.get(id)).as("address %s", id).isNotEqualTo(code)
                    .hasSameSizeAs(code).matches(code.replaceAll("[0-9]", "[0-9]").replaceAll("[A-Za-z]", "[A-Za-z]"));
        });
    }

    /** Failure 4: a reference that is not personal, some of whose digits end like a phone, is public and lands as it is. */
    @Test
    void aNonPersonalReferenceWithPhoneDigitsIsPublicAndKept() throws Exception {
        assertThat(byKey(COPY, "select payment_id, provider_ref from public.payment"))
                .isEqualTo(byKey(SOURCE, "select payment_id, provider_ref from public.payment"));
    }

    /**
     * Failure 5: names, emails, phones and usernames, wherever they hide (free text repeating the row,
     * jsonb profiles, trigger-written row images, a changed_by column named like nothing personal).
     */
    @Test
    void noSourceNameUsernameEmailOrPhoneSurvivesAnywhere() throws Exception {
        Set<String> secrets = new HashSet<>();
        secrets.addAll(lowerValues(SOURCE, "select first_name || ' ' || last_name from public.customer"));
        secrets.addAll(lowerValues(SOURCE, "select email from public.customer where email is not null"));
        secrets.addAll(lowerValues(SOURCE, "select username from public.staff where length(username) >= 4"));
        Set<String> phones = new HashSet<>();
        for (String phone : lowerValues(SOURCE, "select phone from public.address where length(phone) >= 9")) {
            phones.add(phone.substring(phone.length() - 9));
        }
        List<String> texts = new ArrayList<>();
        texts.addAll(lowerValues(COPY, "select notes from public.customer where notes is not null"));
        texts.addAll(lowerValues(COPY, "select profile::text from public.customer where profile is not null"));
        texts.addAll(lowerValues(COPY, "select changed_by || ' ' || coalesce(old_row::text, '') || ' '"
                + " || coalesce(new_row::text, '') from public.customer_audit"));
        assertThat(texts).hasSizeGreaterThan(500);
        for (String text : texts) {
            String digits = text.replaceAll("[^0-9]", " ");
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    assertThat(wordAt(text, secret)).as("a source value in the copy's text").isFalse();
                }
            }
            for (String run : digits.split(" +")) {
                if (run.length() >= 9) {
                    assertThat(phones).as("a source phone's digits in the copy's text").doesNotContain(
                            run.substring(run.length() - 9));
                }
            }
        }
        // changed_by held staff usernames: it holds the fakes staff.username got, so the join still matches
        assertThat(one(COPY, "select count(*) from public.customer_audit a where not exists"
                + " (select 1 from public.staff s where s.username = a.changed_by)")).isEqualTo("0");
    }

    /**
     * The validator's final scan fails a copy into which a source full name, a staff username and a
     * phone (in another spelling) were planted by hand, naming each column and never the value.
     */
    @Test
    void theValidatorFailsACopyWithPlantedSourceValues() throws Exception {
        String planted = "pii-planted";
        fixture.dropEnvironment(planted);
        fixture.execute("postgres", "create database \"" + planted + "\" template \"" + COPY + "\"");
        String name = one(SOURCE, "select initcap(first_name) || ' ' || initcap(last_name) from public.customer"
                + " order by customer_id limit 1");
        String username = one(SOURCE, "select username from public.staff where username like '%.%' order by staff_id limit 1");
        String phone = one(SOURCE, "select phone from public.address where length(phone) >= 10 order by address_id limit 1");
        String spelled = "+" + phone.substring(0, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6);
        fixture.execute(planted, "update public.customer set notes = 'Planted by hand: " + name + " called.'"
                + " where customer_id = 2");
        fixture.execute(planted, "update public.customer_audit set changed_by = '" + username + "' where id = 1");
        fixture.execute(planted, "update public.address set address2 = 'call " + spelled + "' where address_id = 3");

        SourceFingerprints source = SourceFingerprints.sized(FINGERPRINT_KEY, 10_000);
        for (String full : lowerValues(SOURCE, "select first_name || ' ' || last_name from public.customer")) {
            source.add(PiiClass.FULL_NAME, full);
        }
        lowerValues(SOURCE, "select username from public.staff").forEach(value -> source.add(PiiClass.USERNAME, value));
        lowerValues(SOURCE, "select phone from public.address where phone <> ''").forEach(value -> source.add(PiiClass.PHONE,
                value));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, Object> body = Map.of("target", Map.of("url", fixture.server.jdbcUrl(planted), "user",
                io.envclone.testing.postgres.EmbeddedPostgresServer.SUPERUSER, "password", "unused"),
                "fingerprints", source.toBase64(), "fingerprintKey", java.util.Base64.getEncoder().encodeToString(
                FINGERPRINT_KEY));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var verdict = json.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.validatorUrl()
                + "/api/validate")).header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                .ofString(json.writeValueAsString(body))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertThat(verdict.path("passed").asBoolean(true)).as(verdict.toString()).isFalse();
        String report = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.validatorUrl()
                + "/api/reports/" + verdict.path("reportId").asText())).header("Accept", "text/markdown").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(report).contains("public.customer.notes", "public.customer_audit.changed_by", "public.address.address2")
                .doesNotContainIgnoringCase(name).doesNotContain(username, phone.substring(phone.length() - 7));
        fixture.dropEnvironment(planted);
    }

    private static final byte[] FINGERPRINT_KEY = "pii-clone-test-fingerprint-key".getBytes(
            java.nio.charset.StandardCharsets.UTF_8);

    private static boolean wordAt(String text, String secret) {
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            int end = at + secret.length();
            boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    private static String one(String database, String sql) throws SQLException {
        try (Connection connection = fixture.server.connect(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Set<String> lowerValues(String database, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = fixture.server.connect(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }

    private static Map<String, String> byKey(String database, String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = fixture.server.connect(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.put(row.getString(1), row.getString(2));
            }
        }
        return values;
    }
}
