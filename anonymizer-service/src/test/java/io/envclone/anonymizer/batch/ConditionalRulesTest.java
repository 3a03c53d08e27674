package io.envclone.anonymizer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules with {@code when}: applied to the rows whose other column says so, the others left as they are. */
class ConditionalRulesTest {

    private static final KeyedHash KEY = new KeyedHash("conditional-rules-key".getBytes(StandardCharsets.UTF_8));
    private static final List<String> COLUMNS = List.of("id", "email", "role", "note", "deleted_at");

    @Test
    void aRuleAppliesOnlyWhereItsConditionHolds() {
        RuleSet rules = new RuleSet("when-1", RuleSet.STRICT, List.of(
                ColumnRule.of("public.users.email", "email").withOption("when", "role != staff"),
                ColumnRule.of("public.users.note", "null").withOption("when", "deleted_at"),
                ColumnRule.of("public.users.role", "constant").withOption("value", "guest").withOption("when", "role = 'vip'")));
        assertThat(RuleValidator.validate(rules, Map.of("public.users", Map.of("id", "integer", "email", "text",
                "role", "text", "note", "text", "deleted_at", "text")))).isEmpty();

        List<List<String>> out = TextBatches.rows(BatchAnonymizer.anonymize(TextBatches.of("public.users", COLUMNS, List.of(
                        Arrays.asList("1", "amina@gmail.com", "guest", "aime la mer", null),
                        Arrays.asList("2", "support@lofts.dz", "staff", "équipe", null),
                        Arrays.asList("3", "karim@yahoo.fr", "vip", "ancien client", "2024-01-01"))),
                new CompiledRules(rules, KEY), (type, rows) -> { }));

        assertThat(out.get(0)).containsExactly("1", out.get(0).get(1), "guest", "aime la mer", null);
        assertThat(out.get(0).get(1)).matches("user[0-9a-f]{16}@test\\.local");
        assertThat(out.get(1)).as("staff addresses are the company's").containsExactly("2", "support@lofts.dz", "staff",
                "équipe", null);
        assertThat(out.get(2).get(1)).matches("user[0-9a-f]{16}@test\\.local");
        assertThat(out.get(2).subList(2, 5)).containsExactly("guest", null, "2024-01-01");
    }

    @Test
    void aBadConditionNamesTheRuleAndTheFix() {
        RuleSet rules = new RuleSet("when-2", RuleSet.STRICT, List.of(
                ColumnRule.of("public.users.email", "email").withOption("when", "role > 3"),
                ColumnRule.of("public.users.note", "scrub").withOption("when", "status = closed")));
        assertThat(RuleValidator.validate(rules, Map.of("public.users", Map.of("email", "text", "note", "text",
                "role", "text")))).extracting(RuleValidator.RuleError::message).containsExactly(
                "option when is 'role > 3': write column (it has a value), column = value or column != value",
                "option when names status, which is not a column of public.users: its columns are [email, note, role]");
        assertThatThrownBy(() -> new CompiledRules(rules, KEY)).hasMessageStartingWith("public.users.email: option when");
    }
}
