package io.envclone.anonymizer.discover;

import io.envclone.api.anonymize.RuleSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * PII discovery: a rule set proposed from a source schema and a sample of its rows, a rule per
 * column judged sensitive, under the strict policy. Plain Java, no database: the caller reads
 * the catalog and the sample. The version names the schema it was made from, so discovering
 * the same schema twice gives the same version.
 */
public final class Discovery {

    private Discovery() {
    }

    public static Proposal discover(DiscoveryInput input) {
        List<Finding> sensitive = new ArrayList<>();
        List<Finding> unresolved = new ArrayList<>();
        List<Cleared> cleared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SchemaColumn column : input.columns()) {
            if (!seen.add(column.qualified())) {
                continue; // one rule per column: a repeated column is judged once
            }
            ColumnJudge.Judgement judgement = ColumnJudge.judge(column, input.values(column));
            if (judgement.kind() == null) {
                cleared.add(new Cleared(column.qualified(), judgement.reason(), judgement.evidence()));
                continue;
            }
            RuleFitter.Fit fit = RuleFitter.fit(column, judgement, input.columns());
            (fit.resolved() ? sensitive : unresolved).add(fit.finding());
        }
        byValue(input, sensitive, cleared);
        RuleSet rules = new RuleSet(version(input), RuleSet.STRICT, sensitive.stream().map(Finding::rule).toList());
        return new Proposal(rules, sensitive, unresolved, cleared);
    }

    /**
     * Discovery by value: a column cleared by its name and sample, whose sampled values are values of
     * a sensitive column ({@code changed_by} holding {@code staff.username}s), gets that column's rule,
     * the same deterministic transform, so joins between the two still match.
     */
    private static void byValue(DiscoveryInput input, List<Finding> sensitive, List<Cleared> cleared) {
        input.sameValues().forEach((column, of) -> {
            Finding source = sensitive.stream().filter(finding -> finding.column().equals(of)).findFirst().orElse(null);
            if (source == null || !cleared.removeIf(done -> done.column().equals(column))) {
                return;
            }
            sensitive.add(new Finding(column, source.type(), source.options(), "its sampled values are values of " + of
                    + ": the same rule, so they get the same fakes and joins between them still match", Evidence.CONTENT));
        });
    }

    private static String version(DiscoveryInput input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SchemaColumn column : input.columns()) {
                digest.update((column.qualified() + " " + column.type() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "discovered-" + HexFormat.of().formatHex(digest.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
