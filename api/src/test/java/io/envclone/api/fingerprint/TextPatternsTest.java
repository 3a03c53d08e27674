package io.envclone.api.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tokens the cloner fingerprints and the leak gate looks up inside a text: one definition for both. */
class TextPatternsTest {

    @Test
    void emailsLongNumbersAndIbansInsideATextAreItsTokens() {
        assertThat(TextPatterns.leakTokens("Écrivez à Amina.Benali@gmail.com ou au +213 551 23 45 67,"
                + " virement sur DZ58 0002 1000 0123 4567 8901 (réf. 42, 3 nuits)"))
                .containsExactly("Amina.Benali@gmail.com", "+213 551 23 45 67", "DZ58 0002 1000 0123 4567 8901");
        assertThat(TextPatterns.leakTokens("{\"guest\": {\"email\": \"k.saadi@yahoo.fr\", \"phone\": \"0551234567\"}}"))
                .containsExactly("k.saadi@yahoo.fr", "0551234567");
    }

    @Test
    void aTextThatIsOneTokenWholeOrHoldsNoneHasNoOther() {
        assertThat(TextPatterns.leakTokens("karim.saadi@yahoo.fr")).isEmpty();
        assertThat(TextPatterns.leakTokens("0551 23 45 67")).isEmpty();
        assertThat(TextPatterns.leakTokens("Bonjour, à demain !")).isEmpty();
        assertThat(TextPatterns.leakTokens("chambre 12, 4 personnes, code 123456")).isEmpty();
        assertThat(TextPatterns.isLeakToken("karim.saadi@yahoo.fr")).isTrue();
        assertThat(TextPatterns.isLeakToken("Oran")).isFalse();
    }

    @Test
    void datesAndAmountsInARowImageNameNobody() {
        assertThat(TextPatterns.leakTokens("{\"check_in\": \"2024-03-15\", \"amount\": 125000.00, \"phone\":"
                + " \"0551234567\"}")).containsExactly("0551234567");
    }
}
