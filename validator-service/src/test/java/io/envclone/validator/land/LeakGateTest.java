package io.envclone.validator.land;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.batch.WireText;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gate before landing, on the demo database's own batches: the source's emails and phones,
 * fingerprinted as the cloner does, are found in a column that kept them and inside a message
 * body; batches whose values were replaced pass; a batch of other rules is refused.
 */
@ExtendWith(RealInfrastructureExtension.class)
class LeakGateTest {

    private static final byte[] KEY = "the-clone-fingerprint-key".getBytes(StandardCharsets.UTF_8);
    private static final RuleSet RULES = new RuleSet("demo-1", RuleSet.STRICT, List.of(
            ColumnRule.of("public.users.email", "email"), ColumnRule.of("public.users.phone", "phone"),
            ColumnRule.of("public.messages.body", "scrub")));
    private static SourceFingerprints source;
    private static List<TableBatch> batches;
    private static String aRealEmail;

    @BeforeAll
    static void demoAndItsFingerprints(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("leak_source");
        infra.postgres().createDatabase("leak_source");
        try (Connection connection = infra.postgres().connect("leak_source")) {
            new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults());
            source = SourceFingerprints.sized(KEY, 20_000);
            try (Statement sql = connection.createStatement();
                    ResultSet users = sql.executeQuery("select email::text, phone from public.users")) {
                while (users.next()) {
                    source.add(PiiClass.EMAIL, users.getString(1));
                    source.add(PiiClass.PHONE, users.getString(2));
                    aRealEmail = users.getString(1);
                }
            }
            batches = SourceBatches.batches(connection, "leak-1", 1000);
        }
    }

    @Test
    void aColumnThatKeptItsSourceValuesIsRefusedNamingItsRuleNotItsValues() {
        TableBatch users = batch("users");
        LeakGate.Refusal refusal = new LeakGate(RULES, source).check(users, "demo-1").orElseThrow();
        assertThat(refusal.message()).isEqualTo("public.users.email (rule email): a value of the source reached the copy"
                + " (the whole value: a source email): check the rule").doesNotContain("@");

        TableBatch replaced = rewrite(users, (column, value) -> switch (column) {
            case "email" -> "user" + Math.abs(value.hashCode()) + "@test.local";
            case "phone" -> "0000 00 00 00";
            default -> value;
        });
        assertThat(new LeakGate(RULES, source).check(replaced, "demo-1")).as("values replaced: it lands").isEmpty();
        assertThat(new LeakGate(RULES, source).check(replaced, "demo-0").orElseThrow().message())
                .isEqualTo("public.users: made by rules demo-0, the environment's are demo-1: anonymize it with the"
                        + " environment's rules");
        assertThat(new LeakGate(RULES, source).check(replaced, null).orElseThrow().reason()).contains("not anonymized");
    }

    @Test
    void realEmailsAndPhonesInsideMessageBodiesAreFound() {
        TableBatch messages = batch("messages");
        assertThat(new LeakGate(RULES, source).check(messages, "demo-1").orElseThrow().message())
                .as("the demo's bodies quote their users' emails and phones").isEqualTo("public.messages.body (rule scrub):"
                        + " a value of the source reached the copy (a source phone inside): check the rule");

        TableBatch neutral = rewrite(messages, (column, value) -> column.equals("body") ? "Merci, à bientôt." : value);
        assertThat(new LeakGate(RULES, source).check(neutral, "demo-1")).isEmpty();
        boolean[] planted = {false};
        TableBatch oneLeak = rewrite(neutral, (column, value) -> {
            if (column.equals("body") && !planted[0]) {
                planted[0] = true;
                return "Écrivez-moi à " + aRealEmail.toUpperCase(java.util.Locale.ROOT) + ", merci.";
            }
            return value;
        });
        assertThat(new LeakGate(RULES, source).check(oneLeak, "demo-1")).as("one planted email, in capitals").isPresent();

        SourceFingerprints notes = SourceFingerprints.sized(KEY, 10);
        notes.add(PiiClass.FREE_TEXT, "Merci, à bientôt.");
        assertThat(new LeakGate(RULES, notes).check(neutral, "demo-1").orElseThrow().message())
                .as("a source text, whole, in a free-text column").isEqualTo("public.messages.body (rule scrub): a value of"
                        + " the source reached the copy (the whole value: a source free_text): check the rule");

        TableBatch within = rewrite(neutral, (column, value) -> column.equals("body") ? "Bonjour. Merci, à bientôt." : value);
        assertThat(new LeakGate(RULES, notes).check(within, "demo-1").orElseThrow().message())
                .as("a source text as a sentence of another").endsWith("(a passage: a source free_text): check the rule");
    }

    private static TableBatch batch(String table) {
        return batches.stream().filter(batch -> batch.table().equals(table)).findFirst().orElseThrow();
    }

    /** The batch with its text fields as {@code change} makes them (given the column and the value). */
    private static TableBatch rewrite(TableBatch batch, BiFunction<String, String, String> change) {
        CopyRows.Writer out = new CopyRows.Writer(batch.rows().length * 2);
        CopyRows.forEach(batch.rows(), row -> {
            out.startRow(row.fields());
            for (int field = 0; field < row.fields(); field++) {
                String type = batch.wireTypes().get(field);
                if (row.isNull(field) || !WireText.isText(type)) {
                    out.copy(row, field);
                } else {
                    String value = WireText.decode(type, row.bytes(field));
                    out.field(WireText.encode(type, change.apply(batch.columns().get(field), value)));
                }
            }
        });
        return batch.withRows(out.finish());
    }
}
