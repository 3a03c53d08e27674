package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.anonymize.RuleSetFiles;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The anonymizer's discovery on a source's sample: the rules it proposes (as a rule file with a
 * reason per rule, to review) and the columns it judged sensitive, which the safety guard's strict
 * policy requires a rule for.
 */
public record Discovery(RuleSet rules, String ruleFile, Set<String> sensitiveColumns, int columns) {

    public static Discovery of(ServiceClient anonymizer, SourceSample sample) {
        JsonNode discovered = anonymizer.post("/api/discover", Map.of("columns", sample.columns(),
                "samples", sample.samples()));
        Set<String> sensitive = new LinkedHashSet<>();
        for (String list : new String[] {"sensitive", "unresolved"}) {
            discovered.path(list).forEach(finding -> sensitive.add(finding.path("column").asText()));
        }
        String ruleFile = discovered.path("ruleFile").asText();
        return new Discovery(RuleSetFiles.parse(ruleFile, "the rules discovery proposed"), ruleFile, sensitive,
                sample.columns().size());
    }
}
