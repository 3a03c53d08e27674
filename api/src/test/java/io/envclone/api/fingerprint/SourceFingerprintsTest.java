package io.envclone.api.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The keyed filter of source values: found in any spelling, rarely wrong, useless without its key. */
class SourceFingerprintsTest {

    private static final byte[] KEY = "fingerprint-key-one".getBytes(StandardCharsets.UTF_8);

    @Test
    void aValueIsFoundInAnySpellingAndOthersAlmostNever() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 100_000);
        for (int i = 0; i < 100_000; i++) {
            source.add(String.format("+213 5%02d %02d %02d %02d", i % 100, (i / 100) % 100, i / 10_000, 42));
        }
        source.add("Amina.Benali@Gmail.com ");
        source.add("DZ58 0002 1000 0123 4567 8901");

        assertThat(source.mightContain("amina.benali@gmail.com")).isTrue();
        assertThat(source.mightContain("0501 02 03 42")).as("the national spelling of +213 501 02 03 42").isTrue();
        assertThat(source.mightContain("0501020342")).isTrue();
        assertThat(source.mightContain("+213-501-02-03-42")).isTrue();
        assertThat(source.mightContain("DZ580002100001234567890 1")).isTrue();
        assertThat(source.mightContain(null)).isFalse();

        int falseYes = 0;
        for (int i = 0; i < 100_000; i++) {
            falseYes += source.mightContain("other-" + i + "@test.local") ? 1 : 0;
        }
        assertThat(falseYes).as("false yes in 100,000 values never added").isLessThanOrEqualTo(10);
    }

    @Test
    void itTravelsAsBytesAndAnswersOnlyUnderItsKey() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 1000);
        source.add("karim.saadi@yahoo.fr");
        SourceFingerprints copy = SourceFingerprints.fromBase64(KEY, source.toBase64());
        assertThat(copy.mightContain("karim.saadi@yahoo.fr")).isTrue();
        SourceFingerprints otherKey = SourceFingerprints.fromBytes("fingerprint-key-two".getBytes(StandardCharsets.UTF_8),
                source.toBytes());
        assertThat(otherKey.mightContain("karim.saadi@yahoo.fr")).isFalse();
        byte[] cut = java.util.Arrays.copyOf(source.toBytes(), 100);
        assertThatThrownBy(() -> SourceFingerprints.fromBytes(KEY, cut)).hasMessageContaining("fingerprint filter is cut");
        assertThatThrownBy(() -> SourceFingerprints.sized(new byte[4], 10)).hasMessageContaining("at least 16 bytes");
    }
}
