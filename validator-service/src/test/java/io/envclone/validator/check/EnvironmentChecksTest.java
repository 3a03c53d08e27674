package io.envclone.validator.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The finished-environment checks on a copy of the demo: green as copied, each failing on what breaks it. */
@ExtendWith(RealInfrastructureExtension.class)
class EnvironmentChecksTest {

    @Test
    void aGoodCopyPassesAndOrphansLostRowsAndLaggingSequencesAreNamed(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        server.dropDatabase("checks_copy");
        server.dropDatabase("checks_source");
        server.createDatabase("checks_source");
        long users;
        try (Connection source = server.connect("checks_source"); Statement sql = source.createStatement()) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            try (ResultSet count = sql.executeQuery("select count(*) from public.users")) {
                count.next();
                users = count.getLong(1);
            }
        }
        try (Connection admin = server.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database checks_copy template checks_source");
        }
        try (Connection copy = server.connect("checks_copy"); Statement sql = copy.createStatement()) {
            List<CheckResult> green = new java.util.ArrayList<>(EnvironmentChecks.rowCounts(copy, Map.of("public.users", users)));
            green.addAll(EnvironmentChecks.foreignKeys(copy));
            green.addAll(EnvironmentChecks.sequences(copy));
            assertThat(green).hasSizeGreaterThan(8).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
            assertThat(green).extracting(CheckResult::name).contains("sequence public.users_id_seq");

            // what a broken landing leaves: a guest deleted under its reservations, a sequence set back
            sql.execute("set session_replication_role = replica");
            sql.execute("delete from public.users where id = (select guest_id from public.reservations order by id limit 1)");
            sql.execute("select setval('public.users_id_seq', 1)");
            assertThat(EnvironmentChecks.rowCounts(copy, Map.of("public.users", users))).singleElement()
                    .satisfies(check -> assertThat(check.passed()).isFalse())
                    .extracting(CheckResult::detail).isEqualTo((users - 1) + " rows, the source had " + users);
            assertThat(EnvironmentChecks.foreignKeys(copy)).filteredOn(check -> !check.passed())
                    .extracting(CheckResult::name).contains("foreign key public.reservations.reservations_guest_id_fkey");
            assertThat(EnvironmentChecks.sequences(copy)).filteredOn(check -> !check.passed()).singleElement()
                    .extracting(CheckResult::detail).asString().startsWith("at 1, the largest users.id is ")
                    .endsWith(": set it with setval to at least " + users);
        }
    }
}
