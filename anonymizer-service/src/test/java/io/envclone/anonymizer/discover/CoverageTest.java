package io.envclone.anonymizer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict policy's question: does every sensitive column discovered have a rule? */
class CoverageTest {

    private static final Proposal DISCOVERED = Discovery.discover(new DiscoveryInput(List.of(
            new SchemaColumn("public.customer", "email", "text", false, false, false, false),
            new SchemaColumn("public.customer", "phone", "text", false, false, false, false),
            new SchemaColumn("public.customer", "bio", "text", false, false, false, false),
            new SchemaColumn("public.customer", "active", "boolean", false, false, false, false)), Map.of()));

    private static RuleSet rules(String policy, ColumnRule... rules) {
        return new RuleSet("1", policy, List.of(rules));
    }

    @Test
    void aSensitiveColumnWithoutARuleOrKeptWithoutAReasonIsAGapNamingTheFix() {
        RuleSet rules = rules(RuleSet.STRICT, ColumnRule.of("public.customer.email", "email"),
                ColumnRule.of("public.customer.phone", "keep"));
        List<Coverage.Gap> gaps = Coverage.uncovered(rules, DISCOVERED);
        assertThat(gaps).extracting(Coverage.Gap::column).containsExactly("public.customer.phone", "public.customer.bio");
        assertThat(gaps.get(0).message()).contains("kept without a reason")
                .contains("add a rule, e.g. {column: public.customer.phone, type: phone}, or keep it with a reason");
        assertThat(gaps.get(1).message()).contains("has no rule").contains("type: scrub");

        Coverage.Report report = Coverage.check(rules, DISCOVERED);
        assertThat(report.passes()).isFalse();
        assertThat(report.errors()).hasSize(2);
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void keepWithAReasonCoversAndDetectOnlyWarns() {
        ColumnRule keptPhone = new ColumnRule("public.customer.phone", "keep", Map.of(), Map.of(),
                "the shop's own switchboard number, the same for every row");
        RuleSet strict = rules(RuleSet.STRICT, ColumnRule.of("public.customer.email", "email"), keptPhone,
                ColumnRule.of("public.customer.bio", "scrub"));
        assertThat(Coverage.check(strict, DISCOVERED).passes()).isTrue();

        Coverage.Report detect = Coverage.check(rules(RuleSet.DETECT), DISCOVERED);
        assertThat(detect.passes()).isTrue();
        assertThat(detect.errors()).isEmpty();
        assertThat(detect.warnings()).hasSize(3);
    }

    @Test
    void theProposedRulesCoverEverythingButTheUnresolved() {
        assertThat(Coverage.uncovered(DISCOVERED.rules(), DISCOVERED)).isEmpty();
    }
}
