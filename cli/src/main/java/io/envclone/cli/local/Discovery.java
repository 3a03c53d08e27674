package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.anonymize.RuleSetFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anonymizer's discovery on a source's sample: the rules it proposes (as a rule file with a
 * reason per rule, to review), the columns it judged sensitive, which the safety guard's strict
 * policy requires a rule for, and each finding with its reason, for a person to read.
 */
public record Discovery(RuleSet rules, String ruleFile, Set<String> sensitiveColumns, int columns,
        List<Finding> findings) {

    /**
     * A column judged sensitive: the transformer proposed for it ({@code rule}) and why; when
     * {@code resolved} is false no rule could be proposed and one must be written by hand.
     */
    public record Finding(String column, String rule, String reason, String evidence, boolean resolved) {
    }

    public static Discovery of(ServiceClient anonymizer, SourceSample sample) {
        return of(anonymizer, sample, Map.of());
    }

    /**
     * Discovery, then discovery by value: the columns whose sampled values {@code source} holds in a
     * column judged sensitive get that column's rule ({@link SameValues}).
     */
    public static Discovery of(ServiceClient anonymizer, SourceSample sample, DatabaseUrl source) throws java.sql.SQLException {
        Discovery first = of(anonymizer, sample);
        Map<String, String> same = SameValues.find(source, sample, first);
        return same.isEmpty() ? first : of(anonymizer, sample, same);
    }

    private static Discovery of(ServiceClient anonymizer, SourceSample sample, Map<String, String> sameValues) {
        JsonNode discovered = anonymizer.post("/api/discover", Map.of("columns", sample.columns(),
                "samples", sample.samples(), "sameValues", sameValues));
        Set<String> sensitive = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (String list : new String[] {"sensitive", "unresolved"}) {
            discovered.path(list).forEach(finding -> {
                sensitive.add(finding.path("column").asText());
                findings.add(new Finding(finding.path("column").asText(), finding.path("type").asText(),
                        finding.path("reason").asText(), finding.path("evidence").asText(), list.equals("sensitive")));
            });
        }
        String ruleFile = discovered.path("ruleFile").asText();
        return new Discovery(RuleSetFiles.parse(ruleFile, "the rules discovery proposed"), ruleFile, sensitive,
                sample.columns().size(), List.copyOf(findings));
    }
}
