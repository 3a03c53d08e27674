package io.envclone.validator.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health on a copy of the demo: green as copied, and each thing a bad landing can lose is named. */
@ExtendWith(RealInfrastructureExtension.class)
class HealthChecksTest {

    @Test
    void aGoodCopyIsHealthy(EmbeddedPostgresServer server) throws Exception {
        SourceFacts facts = DemoCopies.facts(server);
        assertThat(facts.rowSecurity()).containsExactlyInAnyOrder("public.users", "public.reservations", "public.messages");
        assertThat(facts.extensions()).containsKeys("pg_trgm", "plpgsql");
        assertThat(facts.populatedViews()).containsExactly("public.monthly_revenue");
        assertThat(facts.appRoleReads()).contains("public.users", "audit.audit_log", "public.reservation_overview");
        try (Connection copy = DemoCopies.copy(server, "health_green")) {
            List<CheckResult> health = HealthChecks.all(copy, facts, DemoCopies.APP_ROLE);
            assertThat(health).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
            assertThat(health).extracting(CheckResult::name).contains("row security public.users", "extension pg_trgm",
                    "materialized view public.monthly_revenue", "sequence public.users_id_seq", "app role loft_app connects",
                    "app role loft_app reads");
            assertThat(health).filteredOn(check -> check.name().equals("app role loft_app connects")).singleElement()
                    .extracting(CheckResult::detail).asString().contains("NOLOGIN");
            assertThat(copy.getAutoCommit()).as("left as it was").isTrue();
        }
    }

    @Test
    void lostSecurityAMissingExtensionAnEmptyViewAndALostGrantAreNamed(EmbeddedPostgresServer server) throws Exception {
        SourceFacts facts = DemoCopies.facts(server);
        try (Connection copy = DemoCopies.copy(server, "health_broken"); Statement sql = copy.createStatement()) {
            sql.execute("alter table public.users disable row level security");
            sql.execute("alter table public.reservations force row level security");
            sql.execute("drop extension pg_trgm");
            sql.execute("drop materialized view public.monthly_revenue");
            sql.execute("create materialized view public.monthly_revenue as select 1 as month with no data");
            sql.execute("grant select on public.monthly_revenue to loft_app");
            sql.execute("revoke select on public.lofts from loft_app");

            Map<String, String> failed = failures(HealthChecks.all(copy, facts, DemoCopies.APP_ROLE));
            assertThat(failed).containsOnlyKeys("row security public.users", "row security public.reservations",
                    "extension pg_trgm", "materialized view public.monthly_revenue", "app role loft_app reads",
                    "app role loft_app reads public.lofts", "app role loft_app reads public.reservations",
                    "app role loft_app reads public.monthly_revenue");
            assertThat(failed.get("row security public.users"))
                    .isEqualTo("disabled, the source enables it: alter table public.users enable row level security");
            assertThat(failed.get("row security public.reservations")).isEqualTo("forced, the source does not force it");
            assertThat(failed.get("extension pg_trgm")).startsWith("missing: create extension \"pg_trgm\" version '");
            assertThat(failed.get("materialized view public.monthly_revenue"))
                    .isEqualTo("not populated: refresh materialized view public.monthly_revenue");
            assertThat(failed.get("app role loft_app reads public.lofts")).isEqualTo("no SELECT privilege; the source grants it");
            // the policy on reservations reads lofts: the lost grant breaks what the role could read through it
            assertThat(failed.get("app role loft_app reads public.reservations"))
                    .isEqualTo("SQLSTATE 42501: permission denied for table lofts");
            assertThat(failed.get("app role loft_app reads public.monthly_revenue"))
                    .isEqualTo("SQLSTATE 55000: materialized view \"monthly_revenue\" has not been populated");
            assertThat(failed.get("app role loft_app reads")).isEqualTo("16 of 19 relations readable that the source"
                    + " let it read");
        }
    }

    @Test
    void anExtensionAtAnotherVersionAndAMissingRoleFail(EmbeddedPostgresServer server) throws Exception {
        SourceFacts facts = DemoCopies.facts(server);
        SourceFacts newer = new SourceFacts(facts.rowSecurity(), facts.forcedRowSecurity(),
                Map.of("pg_trgm", "9.9"), facts.populatedViews(), facts.appRoleReads());
        try (Connection copy = DemoCopies.copy(server, "health_versions")) {
            assertThat(HealthChecks.extensions(copy, newer)).singleElement().satisfies(check -> {
                assertThat(check.passed()).isFalse();
                assertThat(check.detail()).startsWith("at version ").endsWith(", the source has 9.9: this server does"
                        + " not have that version");
            });
            assertThat(HealthChecks.appRole(copy, facts, "no_such_role")).singleElement()
                    .satisfies(check -> assertThat(check.passed()).isFalse());
        }
    }

    static Map<String, String> failures(List<CheckResult> results) {
        Map<String, String> failed = new java.util.TreeMap<>();
        results.stream().filter(CheckResult::failed).forEach(check -> failed.put(check.name(), check.detail()));
        return failed;
    }
}
