package io.envclone.anonymizer.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envclone.api.anonymize.ColumnRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A proposal as a rule file to review and commit: a header saying what to check, a rule per
 * sensitive column with its reason, then, as comments, the unresolved columns and the columns
 * judged not sensitive. Scalars are written as JSON strings, which YAML reads as they are:
 * a column named {@code "from"} or a reason holding {@code #} or {@code :} needs no care.
 */
public final class RuleFileWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleFileWriter() {
    }

    public static String write(Proposal proposal) {
        StringBuilder out = new StringBuilder();
        out.append("# Proposed by envclone PII discovery from the schema and a sample of its rows: review before use.\n")
                .append("# ").append(proposal.sensitive().size()).append(" sensitive columns with a rule, ")
                .append(proposal.unresolved().size()).append(" without (listed after the rules), ")
                .append(proposal.notSensitive().size()).append(" judged not sensitive (listed last).\n")
                .append("# Under the strict policy, a clone fails while a sensitive column has no rule; a column\n")
                .append("# kept on purpose needs type keep and a reason.\n")
                .append("version: ").append(quoted(proposal.rules().version())).append('\n')
                .append("policy: ").append(quoted(proposal.rules().policy())).append('\n');
        List<ColumnRule> rules = proposal.rules().rules();
        out.append(rules.isEmpty() ? "rules: []\n" : "rules:\n");
        for (ColumnRule rule : rules) {
            out.append("  - column: ").append(quoted(rule.column())).append('\n')
                    .append("    type: ").append(quoted(rule.type())).append('\n');
            if (!rule.options().isEmpty()) {
                out.append("    options: ").append(flow(rule.options())).append('\n');
            }
            out.append("    reason: ").append(quoted(rule.reason())).append('\n');
        }
        comments(out, "Sensitive, but no rule of this build fits: add one or keep the column with a reason",
                proposal.unresolved().stream().map(finding -> finding.column() + " (" + finding.type() + "): "
                        + finding.reason()).toList());
        comments(out, "Judged not sensitive (add a rule if you disagree)",
                proposal.notSensitive().stream().map(column -> column.column() + ": " + column.reason()).toList());
        return out.toString();
    }

    private static void comments(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("#\n# ").append(title).append(":\n");
        lines.forEach(line -> out.append("#   ").append(line.replaceAll("[\\r\\n]+", " ")).append('\n'));
    }

    private static String flow(Map<String, String> options) {
        return options.entrySet().stream().map(option -> quoted(option.getKey()) + ": " + quoted(option.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always writes as JSON", e);
        }
    }
}
