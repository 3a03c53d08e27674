package io.envclone.anonymizer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.anonymize.RuleSetFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Rule files as people write them, and what a mistake in one tells them. */
class RuleSetFilesTest {

    @Test
    void theDemoRuleFileReadsAndIsValid() throws Exception {
        RuleSet rules = RuleSetFiles.read(Path.of("..", "deploy", "samples", "demo-rules.yaml"));
        assertThat(rules.version()).isEqualTo("demo-1");
        assertThat(rules.policy()).isEqualTo(RuleSet.STRICT);
        assertThat(rules.rules()).hasSize(23).anySatisfy(rule -> {
            assertThat(rule.column()).isEqualTo("public.users.postal_code");
            assertThat(rule.option("keep", "")).isEqualTo("2");
        });
        assertThat(RuleValidator.validate(rules, null)).isEmpty();
    }

    @Test
    void aMistakeNamesTheFileAndWhatIsWrong() {
        assertThatThrownBy(() -> RuleSetFiles.parse("version: x\nrulez: []\n", "rules.yaml"))
                .hasMessageStartingWith("rules.yaml is not a rule set: ").hasMessageContaining("rulez");
        assertThatThrownBy(() -> RuleSetFiles.parse("rules: [{column: a.b.c, type: email, optoins: {}}]", "r.yaml"))
                .hasMessageContaining("optoins");
        assertThat(RuleValidator.validate(RuleSetFiles.parse("rules: [{column: a.b.c, type: emial}]", "r.yaml"), null))
                .singleElement().satisfies(error -> assertThat(error.message()).contains("unknown transformer 'emial'"));
    }
}
