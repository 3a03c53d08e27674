package io.envclone.api.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreeTextTest {

    private static List<String> passages(String prose) {
        return FreeText.passages(prose).stream().map(span -> prose.substring(span.start(), span.end())).toList();
    }

    @Test
    void aNoteIsLookedAtWholeAndSentenceBySentence() {
        assertThat(passages("Called on Monday. Howard renewed the membership."))
                .containsExactly("Called on Monday. Howard renewed the membership.", "Called on Monday.",
                        "Howard renewed the membership.");
        assertThat(passages("Howard renewed the membership.")).as("one sentence: only the whole")
                .containsExactly("Howard renewed the membership.");
    }

    @Test
    void runsOfSentencesCountButNotShortOnesOrNumbersWithDots() {
        assertThat(passages("Paid 12.50 in cash today. OK. Howard renewed the membership!\nSee you soon"))
                .contains("Paid 12.50 in cash today.", "Howard renewed the membership!", "See you soon",
                        "OK. Howard renewed the membership!", "Paid 12.50 in cash today. OK.")
                .doesNotContain("OK.", "Paid 12.", "50 in cash today.");
    }

    @Test
    void aLongTextIsLookedAtInRunsOfAFewSentencesAtMost() {
        String long_ = "One word here. ".repeat(FreeText.MAX_SENTENCES + 2).strip();
        List<String> passages = passages(long_);
        assertThat(passages.get(0)).isEqualTo(long_);
        assertThat(passages.subList(1, passages.size()))
                .allMatch(passage -> passage.split("\\. ").length <= FreeText.MAX_SENTENCES);
    }
}
