package io.envclone.anonymizer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.RuleSetFiles;
import io.envclone.anonymizer.batch.RuleValidator;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.fixtures.NastySchema;
import io.envclone.testing.fixtures.Pagila;
import io.envclone.testing.fixtures.RequiresPagila;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Discovery judged on schemas we did not write: Pagila and the Supabase imitation of the nasty
 * schema, read from real PostgreSQL with a sample of 50 rows per table. Each test writes its
 * rule file to {@code target/} for a reviewer to read.
 */
@ExtendWith(RealInfrastructureExtension.class)
class RealSchemaDiscoveryTest {

    /** The strict policy on our own demo: its rule file covers every column discovery calls sensitive. */
    @Test
    void theDemoRulesCoverEverythingDiscoveryFindsInTheDemoDatabase(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("discover_demo");
        infra.postgres().createDatabase("discover_demo");
        Proposal proposal;
        try (Connection connection = infra.postgres().connect("discover_demo")) {
            new io.envclone.testing.demo.DemoDatabaseGenerator().generate(connection,
                    io.envclone.testing.demo.DemoOptions.defaults());
            proposal = Discovery.discover(CatalogSample.read(connection, 50));
        }
        RuleSet demo = RuleSetFiles.read(Path.of("..", "deploy", "samples", "demo-rules.yaml"));
        Coverage.Report report = Coverage.check(demo, proposal);
        assertThat(report.errors()).as("sensitive demo columns the demo rules leave uncovered").isEmpty();
        assertThat(report.passes()).isTrue();
        RuleSet missingPhone = new RuleSet(demo.version(), RuleSet.STRICT, demo.rules().stream()
                .filter(rule -> !rule.column().equals("public.users.phone")).toList());
        assertThat(Coverage.check(missingPhone, proposal).errors()).extracting(Coverage.Gap::column)
                .containsExactly("public.users.phone");
    }

    @Test
    @RequiresPagila
    void pagilaCustomersStaffAndAddressesAreFoundAndFilmsAreNot(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("discover_pagila");
        infra.postgres().createDatabase("discover_pagila");
        Pagila.load(infra.postgres(), "discover_pagila");
        Map<String, Finding> found;
        try (Connection connection = infra.postgres().connect("discover_pagila")) {
            found = discoverAndCheck(CatalogSample.read(connection, 50), "pagila");
        }

        assertFound(found, Map.ofEntries(
                Map.entry("public.customer.email", "email"),
                Map.entry("public.customer.first_name", "first_name"),
                Map.entry("public.customer.last_name", "last_name"),
                Map.entry("public.actor.first_name", "first_name"),
                Map.entry("public.actor.last_name", "last_name"),
                Map.entry("public.staff.email", "email"),
                Map.entry("public.staff.first_name", "first_name"),
                Map.entry("public.staff.last_name", "last_name"),
                Map.entry("public.staff.username", "username"),
                Map.entry("public.staff.picture", "null"),
                Map.entry("public.address.address", "address"),
                Map.entry("public.address.address2", "address"),
                Map.entry("public.address.phone", "phone"),
                Map.entry("public.address.postal_code", "postal_code"),
                Map.entry("public.city.city", "city"),
                Map.entry("public.film.description", "scrub")));
        assertThat(found.get("public.staff.password").type()).isEqualTo("password");
        assertThat(found.get("public.film.fulltext").type()).isEqualTo("tsvector");
        assertThat(found.get("public.film.fulltext").options()).containsEntry("from", "title,description");
        assertThat(found).doesNotContainKeys("public.film.title", "public.film.rating", "public.film.release_year",
                "public.film.special_features", "public.category.name", "public.language.name", "public.country.country",
                "public.address.district", "public.customer.customer_id", "public.customer.address_id",
                "public.customer.last_update", "public.customer.create_date", "public.payment.amount",
                "public.rental.rental_date", "public.staff.active");
    }

    @Test
    void theSupabaseImitationsAccountsAndProfilesAreFound(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("discover_nasty");
        infra.postgres().createDatabase("discover_nasty");
        Map<String, Finding> found;
        try (Connection connection = infra.postgres().connect("discover_nasty")) {
            NastySchema.loadCurrent(connection);
            found = discoverAndCheck(CatalogSample.read(connection, 50), "nasty");
        }

        assertFound(found, Map.of(
                "auth.users.email", "email",
                "auth.users.raw_user_meta_data", "scrub",
                "public.profiles.username", "username",
                "public.profiles.full_name", "name",
                "public.profiles.avatar_url", "template",
                "public.employees.full_name", "name",
                "public.employees.email", "email",
                "Sales.Order.User Name", "username",
                "Sales.Invoice.pdf", "null"));
        assertThat(found.get("auth.users.encrypted_password").type()).isEqualTo("password");
        assertThat(found.get("auth.users.raw_user_meta_data").reason()).contains("username", "full_name");
        assertThat(found).doesNotContainKeys("auth.users.id", "auth.users.aud", "auth.users.role", "auth.users.created_at",
                "public.profiles.id", "public.group.name", "public.departments.name", "ref.countries.name",
                "Sales.Order.total_with_tax", "Sales.Order.status", "public.employees.skills");
    }

    /** Discovers, writes the rule file to target/, checks it reads back and validates; the findings by column. */
    private static Map<String, Finding> discoverAndCheck(DiscoveryInput input, String name) throws Exception {
        Proposal proposal = Discovery.discover(input);
        String file = RuleFileWriter.write(proposal);
        Files.writeString(Path.of("target", "discovered-" + name + ".yaml"), file);

        RuleSet read = RuleSetFiles.parse(file, name + ".yaml");
        assertThat(read).isEqualTo(proposal.rules());
        assertThat(RuleValidator.validate(read, input.types())).isEmpty();
        assertThat(Coverage.uncovered(read, proposal)).extracting(Coverage.Gap::column)
                .as("the proposal covers all it found but the columns no rule of this build fits")
                .containsExactlyElementsOf(proposal.unresolved().stream().map(Finding::column).toList());
        return proposal.allSensitive().stream().collect(Collectors.toMap(Finding::column, Function.identity()));
    }

    private static void assertFound(Map<String, Finding> found, Map<String, String> expected) {
        expected.forEach((column, type) -> assertThat(found).as(column).hasEntrySatisfying(column,
                finding -> assertThat(finding.type()).as(column + ": " + finding.reason()).isEqualTo(type)));
    }
}
