package io.envclone.anonymizer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.RuleSetFiles;
import io.envclone.anonymizer.batch.RuleValidator;
import io.envclone.api.anonymize.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A proposal from a small schema: the rule chosen per column, and the rule file it gives. */
class DiscoveryTest {

    private static SchemaColumn column(String table, String name, String type) {
        return new SchemaColumn(table, name, type, false, false, false, false);
    }

    private static final List<SchemaColumn> COLUMNS = List.of(
            new SchemaColumn("public.people", "id", "bigint", true, true, true, false),
            new SchemaColumn("public.people", "email", "citext", false, true, false, false),
            new SchemaColumn("public.people", "nom", "text", true, true, false, false),
            column("public.people", "contact", "text"),
            column("public.people", "remarks", "text"),
            column("public.people", "meta", "jsonb"),
            column("public.people", "client_addr", "inet"),
            new SchemaColumn("public.people", "search", "tsvector", true, false, false, false),
            column("public.people", "email_verified", "boolean"),
            column("public.people", "created_at", "timestamp with time zone"),
            column("public.people", "email_confirmed_at", "timestamp with time zone"),
            column("public.people", "born_on", "date"),
            new SchemaColumn("public.people", "total", "numeric", false, false, false, true),
            column("public.people", "title", "text"),
            column("public.people", "kind", "enum"));

    private static final Map<String, List<Map<String, String>>> SAMPLES = Map.of("public.people", List.of(
            Map.of("email", "a@x.org", "contact", "+213 555 12 34 56", "title", "Dr", "meta",
                    "{\"guest\": {\"email\": \"a@x.org\"}, \"size\": 2}"),
            Map.of("email", "b@x.org", "contact", "0661 00 00 00", "title", "Mr")));

    private static Optional<Finding> finding(Proposal proposal, String column) {
        return proposal.allSensitive().stream().filter(f -> f.column().equals("public.people." + column)).findFirst();
    }

    @Test
    void eachSensitiveColumnGetsARuleThatFitsItsTypeAndKeepsItUnique() {
        Proposal proposal = Discovery.discover(new DiscoveryInput(COLUMNS, SAMPLES));

        assertThat(finding(proposal, "email")).hasValueSatisfying(f -> {
            assertThat(f.type()).isEqualTo("email");
            assertThat(f.reason()).contains("unique");
        });
        assertThat(finding(proposal, "nom")).as("a bare nom in a table of people, under a unique constraint")
                .hasValueSatisfying(f -> {
                    assertThat(f.type()).isEqualTo("template");
                    assertThat(f.options()).containsEntry("template", "name-{hash}");
                });
        assertThat(finding(proposal, "contact")).hasValueSatisfying(f -> {
            assertThat(f.type()).isEqualTo("phone");
            assertThat(f.evidence()).isEqualTo(Evidence.CONTENT);
            assertThat(f.reason()).contains("2 of 2 sampled values look like phone numbers");
        });
        assertThat(finding(proposal, "remarks")).as("free text by name").hasValueSatisfying(f -> assertThat(f.type()).isEqualTo("scrub"));
        assertThat(finding(proposal, "meta")).hasValueSatisfying(f -> {
            assertThat(f.type()).isEqualTo("scrub");
            assertThat(f.reason()).contains("guest.email (an email address)");
        });
        assertThat(finding(proposal, "client_addr")).hasValueSatisfying(f -> assertThat(f.type()).isEqualTo("null"));
        assertThat(finding(proposal, "born_on")).as("born: a birth date").hasValueSatisfying(f -> {
            assertThat(f.type()).isEqualTo("date");
            assertThat(f.options()).containsEntry("keep", "year");
        });
        assertThat(proposal.notSensitive()).extracting(Cleared::column).contains("public.people.id",
                "public.people.email_verified", "public.people.email_confirmed_at", "public.people.created_at", "public.people.total", "public.people.title",
                "public.people.kind");
        assertThat(proposal.allSensitive()).extracting(Finding::column).doesNotContainAnyElementsOf(
                proposal.notSensitive().stream().map(Cleared::column).toList());
        assertThat(proposal.rules().policy()).isEqualTo(RuleSet.STRICT);
        assertThat(proposal.rules().version()).matches("discovered-[0-9a-f]{8}")
                .isEqualTo(Discovery.discover(new DiscoveryInput(COLUMNS, Map.of())).rules().version());
    }

    @Test
    void aSensitiveColumnNoRuleFitsIsUnresolvedAndSaysWhy() {
        Proposal proposal = Discovery.discover(new DiscoveryInput(COLUMNS, SAMPLES));
        // tsvector NOT NULL: either the tsvector transformer of this build takes it, or nothing does
        assertThat(finding(proposal, "search")).hasValueSatisfying(f -> {
            assertThat(f.type()).isEqualTo("tsvector");
            assertThat(f.options()).containsEntry("from", "email,nom,contact,remarks,title");
        });
        proposal.unresolved().forEach(f -> assertThat(f.reason()).contains("no rule of this build fits"));
    }

    @Test
    void textWithNoSampleIsScrubbedUntilShownOtherwise() {
        Proposal proposal = Discovery.discover(new DiscoveryInput(List.of(column("public.notes", "headline", "text")), null));
        assertThat(proposal.sensitive()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("scrub");
            assertThat(f.reason()).contains("until shown otherwise");
        });
    }

    @Test
    void theRuleFileReadsBackAsTheProposedRulesAndValidatesAgainstTheSchema() {
        DiscoveryInput input = new DiscoveryInput(COLUMNS, SAMPLES);
        Proposal proposal = Discovery.discover(input);
        String file = RuleFileWriter.write(proposal);

        assertThat(file).startsWith("# Proposed by envclone PII discovery").contains("reason: ")
                .contains("#   public.people.title: ");
        RuleSet read = RuleSetFiles.parse(file, "discovered.yaml");
        assertThat(read).isEqualTo(proposal.rules());
        assertThat(RuleValidator.validate(read, input.types())).isEmpty();
    }
}
