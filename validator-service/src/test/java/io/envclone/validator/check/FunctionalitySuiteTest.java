package io.envclone.validator.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite on copies of the demo: green as copied and leaving every row and sequence as it was;
 * then each thing it exists to catch: a disabled audit trigger, policies that no longer filter,
 * a sequence behind its column (reported without the colliding key).
 */
@ExtendWith(RealInfrastructureExtension.class)
class FunctionalitySuiteTest {

    @Test
    void aGoodCopyWorksAndTheSuiteChangesNothing(EmbeddedPostgresServer server) throws Exception {
        try (Connection copy = DemoCopies.copy(server, "suite_green")) {
            Map<String, String> before = DemoCopies.state(copy);
            FunctionalitySuite.Outcome outcome = FunctionalitySuite.run(copy, DemoCopies.APP_ROLE,
                    FunctionalitySuite.Expectations.defaults());
            List<CheckResult> checks = outcome.checks();
            assertThat(HealthChecksTest.failures(checks)).isEmpty();
            assertThat(DemoCopies.state(copy)).as("rows, audit log and sequences as they were").isEqualTo(before);

            Map<String, CheckResult> byName = new java.util.TreeMap<>();
            checks.forEach(check -> byName.put(check.name(), check));
            assertThat(byName.get("insert public.reservations").detail())
                    .isEqualTo("inserted a copy of one row (defaults for id)");
            assertThat(byName.get("insert public.users").detail())
                    .isEqualTo("inserted a copy of one row (defaults for id; new values for email, national_id)");
            assertThat(byName.get("insert public.notifications").skipped()).isFalse();
            assertThat(byName.get("update public.payments").passed()).isTrue();
            assertThat(byName.get("delete public.users").detail()).startsWith("refused by foreign key ")
                    .endsWith(", as it should be: the row is referenced");
            assertThat(byName.get("triggers public.reservations insert").detail())
                    .contains("reservations_audit (audit.log_change called)")
                    .contains("audit.audit_log: rows 1 inserted");
            assertThat(byName.get("triggers public.users update").detail())
                    .contains("users_audit (audit.log_change called)", "users_touch (public.touch_updated_at called)",
                            "the row was rewritten");
            assertThat(byName.get("triggers public.payments delete").passed()).isTrue();
            assertThat(byName.get("row security public.users as loft_app").detail()).matches("postgres sees \\d+ rows,"
                    + " loft_app sees 0");
            assertThat(byName.get("json public.notifications.payload").detail()).endsWith(" documents, all readable");
            assertThat(byName.get("sequences set back").detail()).doesNotStartWith("0 ");
            assertThat(outcome.tableMillis()).containsKeys("public.users", "public.payments", "audit.audit_log")
                    .doesNotContainKey("public.payments_2024");
        }
    }

    @Test
    void withoutCallCountsTriggersAreJudgedByTheirEffects(EmbeddedPostgresServer server) throws Exception {
        try (Connection copy = DemoCopies.copy(server, "suite_effects")) {
            List<CheckResult> checks = FunctionalitySuite.run(copy, null, FunctionalitySuite.Expectations.defaults(),
                    false).checks();
            assertThat(HealthChecksTest.failures(checks)).isEmpty();
            assertThat(checks).filteredOn(check -> check.name().equals("triggers public.users update")).singleElement()
                    .extracting(CheckResult::detail).asString()
                    .contains("users_audit (effect seen)", "audit.audit_log: rows 1 inserted", "the row was rewritten");
            assertThat(checks).extracting(CheckResult::name).noneMatch(name -> name.startsWith("row security"));
        }
    }

    @Test
    void aDisabledAuditTriggerIsCaughtUnlessTheSourceHadItDisabled(EmbeddedPostgresServer server) throws Exception {
        try (Connection copy = DemoCopies.copy(server, "suite_trigger"); Statement sql = copy.createStatement()) {
            sql.execute("alter table public.users disable trigger users_audit");
            Map<String, String> failed = HealthChecksTest.failures(FunctionalitySuite.run(copy, null,
                    FunctionalitySuite.Expectations.defaults()).checks());
            assertThat(failed).containsOnlyKeys("triggers public.users update", "triggers public.users insert",
                    "triggers public.users delete");
            assertThat(failed.get("triggers public.users update")).startsWith("users_audit is disabled; fired: users_touch");
            assertThat(failed.get("triggers public.users delete")).isEqualTo("users_audit is disabled");

            FunctionalitySuite.Expectations asOnTheSource = new FunctionalitySuite.Expectations(Map.of(),
                    Set.of("public.users.users_audit"));
            assertThat(HealthChecksTest.failures(FunctionalitySuite.run(copy, null, asOnTheSource).checks())).isEmpty();
        }
    }

    @Test
    void policiesThatNoLongerFilterFailWhereTheSourceFiltered(EmbeddedPostgresServer server) throws Exception {
        try (Connection copy = DemoCopies.copy(server, "suite_policies"); Statement sql = copy.createStatement()) {
            FunctionalitySuite.Expectations filters = new FunctionalitySuite.Expectations(
                    Map.of("public.users", FunctionalitySuite.RowSecurityExpectation.FILTERS,
                            "public.messages", FunctionalitySuite.RowSecurityExpectation.SEES_ALL), Set.of());
            Map<String, String> failed = HealthChecksTest.failures(FunctionalitySuite.run(copy, DemoCopies.APP_ROLE,
                    filters).checks());
            assertThat(failed).containsOnlyKeys("row security public.messages as loft_app");
            assertThat(failed.get("row security public.messages as loft_app"))
                    .endsWith("loft_app sees 0: its policies hide rows, the source's hid none");

            sql.execute("drop policy users_self_or_staff on public.users");
            sql.execute("create policy users_open on public.users to loft_app using (true)");
            failed = HealthChecksTest.failures(FunctionalitySuite.run(copy, DemoCopies.APP_ROLE, filters).checks());
            assertThat(failed.get("row security public.users as loft_app"))
                    .matches("postgres sees (\\d+) rows, loft_app sees \\1: its policies filter nothing, the source's"
                            + " filtered rows");
        }
    }

    @Test
    void aSequenceBehindItsColumnFailsTheInsertWithoutShowingTheKey(EmbeddedPostgresServer server) throws Exception {
        try (Connection copy = DemoCopies.copy(server, "suite_sequence"); Statement sql = copy.createStatement()) {
            sql.execute("select setval('public.lofts_id_seq', 1)");
            Map<String, String> failed = HealthChecksTest.failures(FunctionalitySuite.run(copy, null,
                    FunctionalitySuite.Expectations.defaults()).checks());
            assertThat(failed).containsOnlyKeys("insert public.lofts");
            assertThat(failed.get("insert public.lofts"))
                    .isEqualTo("SQLSTATE 23505: duplicate key value violates unique constraint \"lofts_pkey\"");
        }
    }

    @Test
    void aCopyWhoseNewCodeNamesNoParentRowIsSkippedNotFailed(EmbeddedPostgresServer server) throws Exception {
        // Northwind's employee_territories: a key of two columns, one of them a text code that a foreign key checks
        server.dropDatabase("suite_link_table");
        server.createDatabase("suite_link_table");
        try (Connection copy = server.connect("suite_link_table"); Statement sql = copy.createStatement()) {
            sql.execute("create table public.territories (territory_id varchar(20) primary key, description text not null)");
            sql.execute("create table public.employee_territories (employee_id int not null,"
                    + " territory_id varchar(20) not null references public.territories,"
                    + " primary key (employee_id, territory_id))");
            sql.execute("insert into public.territories values ('06897', 'Wilton'), ('19713', 'Neward')");
            sql.execute("insert into public.employee_territories values (1, '06897'), (1, '19713')");
            List<CheckResult> checks = FunctionalitySuite.run(copy, null, FunctionalitySuite.Expectations.defaults()).checks();

            assertThat(HealthChecksTest.failures(checks)).isEmpty();
            assertThat(checks).filteredOn(check -> check.name().equals("insert public.employee_territories")).singleElement()
                    .satisfies(insert -> {
                        assertThat(insert.skipped()).isTrue();
                        assertThat(insert.detail()).startsWith("a generic copy of a row cannot be made here: SQLSTATE 23503");
                    });
        }
    }
}
