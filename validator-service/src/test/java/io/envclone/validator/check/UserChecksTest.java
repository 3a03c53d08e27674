package io.envclone.validator.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The spec's own checks on a copy of the demo: each form of expectation, as a role, read-only, and refused when malformed. */
@ExtendWith(RealInfrastructureExtension.class)
class UserChecksTest {

    private static final String ORPHAN_RESERVATIONS = "select count(*) from public.reservations r"
            + " where not exists (select 1 from public.lofts l where l.id = r.loft_id)";

    @Test
    void checksPassAndFailWithExpectedAndActual(EmbeddedPostgresServer server) throws Exception {
        try (Connection copy = DemoCopies.copy(server, "user_checks")) {
            List<CheckResult> results = UserChecks.run(copy, List.of(
                    new UserCheck("every reservation has a loft", ORPHAN_RESERVATIONS, "0", null),
                    new UserCheck("there are no users", "select count(*) from public.users", "0", null),
                    new UserCheck("some lofts", "select id from public.lofts", "rows: > 0", null),
                    new UserCheck("the app role sees no user without its id", "select count(*) from public.users",
                            "= 0", "loft_app"),
                    new UserCheck("an admin sees every reservation", "select set_config('app.role', 'admin', true) = 'admin'"
                            + " and (select count(*) from public.reservations) > 0", "true", "loft_app"),
                    new UserCheck("the first loft's title", "select title from public.lofts order by id limit 1",
                            "'not its title'", null),
                    new UserCheck("average price", "select avg(price_per_night) from public.lofts", "> 1000000000", null),
                    new UserCheck("a write", "with gone as (delete from public.notifications returning 1)"
                            + " select count(*) from gone", "0", null)));
            assertThat(results).extracting(CheckResult::name, CheckResult::passed, CheckResult::detail).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("every reservation has a loft", true, "expected 0, got 0"),
                    org.assertj.core.groups.Tuple.tuple("there are no users", false,
                            "expected 0, got " + count(copy, "public.users")),
                    org.assertj.core.groups.Tuple.tuple("some lofts", true,
                            "expected rows: > 0, got " + count(copy, "public.lofts") + " rows"),
                    org.assertj.core.groups.Tuple.tuple("the app role sees no user without its id", true,
                            "expected 0 as loft_app, got 0"),
                    org.assertj.core.groups.Tuple.tuple("an admin sees every reservation", true,
                            "expected true as loft_app, got true"),
                    org.assertj.core.groups.Tuple.tuple("the first loft's title", false,
                            "expected 'not its title', got a text value (not shown)"),
                    org.assertj.core.groups.Tuple.tuple("average price", false,
                            "expected > 1000000000, got a numeric value (not shown)"),
                    org.assertj.core.groups.Tuple.tuple("a write", false, "expected 0, the query failed: SQLSTATE 25006:"
                            + " cannot execute SELECT in a read-only transaction"));
            assertThat(count(copy, "public.notifications")).isPositive();
        }
    }

    @Test
    void aMalformedExpectationIsRefusedNamingItsField() {
        assertThatThrownBy(() -> UserChecks.validate(List.of(new UserCheck("fine", "select 1", "1", null),
                new UserCheck("wrong", "select 1", ">> 1", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validation.checks[1].expect: '>> 1' is not an expectation: " + UserExpectation.GRAMMAR);
        assertThatThrownBy(() -> UserChecks.validate(List.of(new UserCheck("rows", "select 1", "rows: 1.5", null))))
                .hasMessageStartingWith("validation.checks[0].expect: 'rows: 1.5': a row count is a whole number");
        assertThatThrownBy(() -> UserChecks.validate(List.of(new UserCheck("no expectation", "select 1", " ", null))))
                .hasMessageStartingWith("validation.checks[0].expect: is missing: write a value");
        assertThatThrownBy(() -> UserChecks.validate(List.of(new UserCheck("twice", "select 1", "1", null),
                new UserCheck("twice", "select 2", "2", null))))
                .hasMessageStartingWith("validation.checks[1].name: 'twice' names two checks");
        assertThatThrownBy(() -> UserChecks.validate(List.of(new UserCheck("no sql", "", "1", null))))
                .hasMessageStartingWith("validation.checks[0].sql: is missing");
    }

    @Test
    void theGrammarReadsEachForm() {
        assertThat(UserExpectation.parse(" 0 ").show()).isEqualTo("0");
        assertThat(UserExpectation.parse("<>2.5").show()).isEqualTo("!= 2.5");
        assertThat(UserExpectation.parse("ROWS:>=3").show()).isEqualTo("rows: >= 3");
        assertThat(UserExpectation.parse("False").bool()).isFalse();
        assertThat(UserExpectation.parse("'it''s'").text()).isEqualTo("it's");
        assertThat(UserExpectation.parse("> 0").holds(java.math.BigDecimal.ONE)).isTrue();
        assertThat(UserExpectation.parse("<= -1").holds(java.math.BigDecimal.ZERO)).isFalse();
    }

    private static long count(Connection connection, String table) throws Exception {
        return EnvironmentChecks.countRows(connection, table);
    }
}
