package io.envclone.anonymizer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.TableBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unique columns stay unique by construction: collision-prone rules are refused, and a collision in a batch fails it clearly. */
class UniqueColumnsTest {

    private static final KeyedHash KEY = new KeyedHash("unique-columns-key".getBytes(StandardCharsets.UTF_8));
    private static final Map<String, Map<String, String>> SCHEMA = Map.of("public.users", Map.of("id", "integer",
            "email", "text", "username", "text", "phone", "text", "ref", "text"));
    private static final Set<String> UNIQUE = Set.of("public.users.email", "public.users.username",
            "public.users.phone", "public.users.ref");

    @Test
    void collisionProneRulesOnUniqueColumnsAreRefusedWithTheTransformerToUseInstead() {
        RuleSet rules = new RuleSet("u-1", RuleSet.STRICT, List.of(
                ColumnRule.of("public.users.email", "email"),
                ColumnRule.of("public.users.username", "first_name"),
                ColumnRule.of("public.users.phone", "phone"),
                ColumnRule.of("public.users.ref", "hash").withOption("length", "8")));
        assertThat(RuleValidator.validate(rules, SCHEMA, UNIQUE)).extracting(RuleValidator.RuleError::column,
                RuleValidator.RuleError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("public.users.username", "is unique, and first_name can give two rows the"
                        + " same value: use a template with {index} or {hash} (e.g. {type: template, options: {template:"
                        + " \"first_name-{hash}\"}}) or hash"),
                org.assertj.core.groups.Tuple.tuple("public.users.ref", "is unique, and a hash of 8 hex digits can repeat:"
                        + " give length 16 or more"));
        assertThat(RuleValidator.validate(rules, SCHEMA)).as("without uniqueness known, nothing to refuse").isEmpty();
        RuleSet constant = new RuleSet("u-2", RuleSet.STRICT, List.of(ColumnRule.of("public.users.email", "template")
                .withOption("template", "nobody@test.local")));
        assertThat(RuleValidator.validate(constant, SCHEMA, UNIQUE)).singleElement().extracting(RuleValidator.RuleError::message)
                .asString().contains("has neither {hash} nor {index}");
    }

    @Test
    void twoValuesOfAUniqueColumnBecomingOneFakeFailTheBatchWithoutShowingThem() {
        RuleSet rules = new RuleSet("u-3", RuleSet.STRICT, List.of(ColumnRule.of("public.users.email", "email")));
        TableBatch batch = batch(List.of("Amina.Benali@gmail.com", "amina.benali@gmail.com ", "karim@yahoo.fr"));

        assertThatThrownBy(() -> BatchAnonymizer.anonymize(batch, new CompiledRules(rules, KEY, UNIQUE), (t, n) -> { }))
                .hasMessageStartingWith("public.users.email (rule email) is unique, and two of its values in one batch became"
                        + " the same fake").hasMessageContaining("use a template with {index}")
                .hasMessageNotContainingAny("amina", "Amina");

        TableBatch anonymized = BatchAnonymizer.anonymize(batch, new CompiledRules(rules, KEY), (t, n) -> { });
        List<String> emails = emails(anonymized);
        assertThat(emails.get(0)).as("not unique: one person's spellings share a fake, as joins want").isEqualTo(emails.get(1));

        RuleSet byIndex = new RuleSet("u-4", RuleSet.STRICT, List.of(ColumnRule.of("public.users.email", "email")
                .withOption("template", "user-{index}@test.local")));
        assertThat(emails(BatchAnonymizer.anonymize(batch, new CompiledRules(byIndex, KEY, UNIQUE), (t, n) -> { })))
                .containsExactly("user-1@test.local", "user-2@test.local", "user-3@test.local");
    }

    private static TableBatch batch(List<String> emails) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            rows.add(List.of(Integer.toString(i + 1), emails.get(i)));
        }
        return TextBatches.of("public.users", List.of("id", "email"), rows);
    }

    private static List<String> emails(TableBatch batch) {
        return TextBatches.rows(batch).stream().map(row -> row.get(1)).toList();
    }
}
