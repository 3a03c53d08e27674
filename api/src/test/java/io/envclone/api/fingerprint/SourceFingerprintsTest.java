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
            source.add(PiiClass.PHONE, String.format("+213 5%02d %02d %02d %02d", i % 100, (i / 100) % 100, i / 10_000, 42));
        }
        source.add(PiiClass.EMAIL, "Amina.Benali@Gmail.com ");
        source.add(PiiClass.IBAN, "DZ58 0002 1000 0123 4567 8901");

        assertThat(source.identifying("amina.benali@gmail.com")).isNotNull();
        assertThat(source.identifying("0501 02 03 42")).as("the national spelling of +213 501 02 03 42").isNotNull();
        assertThat(source.identifying("0501020342")).isNotNull();
        assertThat(source.identifying("+213-501-02-03-42")).isNotNull();
        assertThat(source.identifying("DZ580002100001234567890 1")).isNotNull();
        assertThat(source.identifying(null)).isNull();

        int falseYes = 0;
        for (int i = 0; i < 100_000; i++) {
            falseYes += source.identifying("other-" + i + "@test.local") != null ? 1 : 0;
        }
        assertThat(falseYes).as("false yes in 100,000 values never added").isZero();
    }

    @Test
    void itTravelsAsBytesAndAnswersOnlyUnderItsKey() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 1000);
        source.add(PiiClass.EMAIL, "karim.saadi@yahoo.fr");
        SourceFingerprints copy = SourceFingerprints.fromBase64(KEY, source.toBase64());
        assertThat(copy.identifying("karim.saadi@yahoo.fr")).isNotNull();
        SourceFingerprints otherKey = SourceFingerprints.fromBytes("fingerprint-key-two".getBytes(StandardCharsets.UTF_8),
                source.toBytes());
        assertThat(otherKey.identifying("karim.saadi@yahoo.fr")).isNull();
        byte[] cut = java.util.Arrays.copyOf(source.toBytes(), 100);
        assertThatThrownBy(() -> SourceFingerprints.fromBytes(KEY, cut)).hasMessageContaining("fingerprint filter is cut");
        assertThatThrownBy(() -> SourceFingerprints.sized(new byte[4], 10)).hasMessageContaining("at least 16 bytes");
    }

    @Test
    void eachValueIsFoundInItsClassOnlyAndByItsWordsWhateverSeparatesThem() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 1000);
        source.add(PiiClass.USERNAME, "aaron.cassin");
        source.add(PiiClass.FULL_NAME, "AARON SELBY");
        source.add(PiiClass.FIRST_NAME, "Mary");

        assertThat(source.contains(PiiClass.USERNAME, "Aaron-Cassin")).as("the same two words").isTrue();
        assertThat(source.contains(PiiClass.FULL_NAME, "aaron cassin")).as("another class").isFalse();
        assertThat(source.identifying("aaron selby")).isEqualTo(PiiClass.FULL_NAME);
        assertThat(source.identifying("mary")).as("a first name alone is a quasi-identifier, never a leak").isNull();

        SourceMatcher matcher = new SourceMatcher(source);
        String text = "Aaron Selby wrote to aaron.cassin about Mary.";
        assertThat(matcher.find(text, 1)).extracting(match -> text.substring(match.start(), match.end()) + "=" + match.of())
                .containsExactly("Aaron Selby=FULL_NAME", "aaron.cassin=USERNAME");
    }

    @Test
    void aFreeTextIsFoundWholeNeverByItsFirstWordsNorInsideOtherText() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 1000);
        String note = "Agnes renewed the membership in June.";
        FreeText.prose("{\"notes\": \"" + note + "\", \"lang\": \"en\", \"name\": \"Agnes Bishop\"}")
                .forEach(prose -> source.add(PiiClass.FREE_TEXT, prose));

        assertThat(source.contains(PiiClass.FREE_TEXT, "AGNES renewed the membership, in June")).isTrue();
        assertThat(source.contains(PiiClass.FREE_TEXT, "Agnes renewed the membership in July.")).as("its first words")
                .isFalse();
        assertThat(source.contains(PiiClass.FREE_TEXT, "Agnes Bishop")).as("two words are no prose").isFalse();
        assertThat(source.identifying(note)).as("never looked for as an identifying value").isNull();
        assertThat(FreeText.prose("en")).isEmpty();
    }

    @Test
    void onlyAPhoneIsFoundByItsLastNineDigits() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 1000);
        source.add(PiiClass.PHONE, "+213 661 22 33 44");
        source.add(PiiClass.NATIONAL_ID, "109871234567890123");

        assertThat(source.identifying("0661.22.33.44")).as("the same phone, spelled at home").isEqualTo(PiiClass.PHONE);
        assertThat(source.identifying("0567 890 123")).as("a phone ending like an id is not the id").isNull();
        assertThat(source.identifying("109871234567890123")).isEqualTo(PiiClass.NATIONAL_ID);
        assertThat(source.contains(PiiClass.NATIONAL_ID, "999991234567890123")).isFalse();
    }

    @Test
    void aTokenOfAColumnWithoutARuleIsPublicInThatColumnOnly() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 1000);
        source.add(PiiClass.PHONE, "+33 8 58 66 06 904");
        source.addPublic("public.payments.provider_ref", "8586606904");

        SourceMatcher matcher = new SourceMatcher(source);
        assertThat(matcher.find("SAT-8586606904 settled", 2)).as("its digits end like a source phone").singleElement()
                .satisfies(match -> assertThat(match.of()).isEqualTo(PiiClass.PHONE));
        assertThat(matcher.find("SAT8586606904 settled", 2)).as("digits glued to letters: a reference, a hash").isEmpty();
        assertThat(source.isPublic("public.payments.provider_ref", "8586606904")).isTrue();
        assertThat(source.isPublic("public.messages.body", "8586606904")).isFalse();
    }

    @Test
    void aDealtClassKeepsTheRanksOfItsFewDistinctValuesWhereverItTravels() throws Exception {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 10_000);
        for (int i = 0; i < 3_000; i++) {
            source.add(PiiClass.CITY, (i % 2 == 0 ? "Ville " : "VILLE ") + (i % 300)); // 300 cities, in two spellings
            source.add(PiiClass.FIRST_NAME, "Prenom" + i); // not a dealt class: no domain
        }
        assertThat(source.domainSize(PiiClass.CITY)).isEqualTo(300);
        assertThat(source.domainSize(PiiClass.FIRST_NAME)).isEqualTo(-1);
        java.util.Set<Integer> ranks = new java.util.HashSet<>();
        for (int i = 0; i < 300; i++) {
            ranks.add(source.rank(PiiClass.CITY, "ville " + i));
        }
        assertThat(ranks).as("one rank per city, whatever its case").hasSize(300).allMatch(rank -> rank >= 0 && rank < 300);
        assertThat(source.rank(PiiClass.CITY, "Ville 300")).as("not a source city").isEqualTo(-1);

        byte[] bytes = source.toBytes();
        assertThat(source.byteSize()).isEqualTo(bytes.length);
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        source.writeTo(written);
        assertThat(written.toByteArray()).isEqualTo(bytes);
        SourceFingerprints travelled = SourceFingerprints.fromBytes(KEY, bytes);
        FingerprintUpload upload = new FingerprintUpload(bytes.length);
        for (int offset = 0; offset < bytes.length; offset += 4096) {
            upload.accept(offset, java.util.Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + 4096)));
        }
        SourceFingerprints uploaded = upload.fingerprints(java.util.Base64.getEncoder().encodeToString(KEY));
        for (SourceFingerprints copy : java.util.List.of(travelled, uploaded)) {
            assertThat(copy.domainSize(PiiClass.CITY)).isEqualTo(300);
            assertThat(copy.rank(PiiClass.CITY, "Ville 17")).isEqualTo(source.rank(PiiClass.CITY, "ville 17"));
            assertThat(copy.contains(PiiClass.CITY, "ville 17")).isTrue();
        }
        SourceFingerprints otherKey = SourceFingerprints.fromBytes("fingerprint-key-two".getBytes(StandardCharsets.UTF_8),
                bytes);
        assertThat(otherKey.rank(PiiClass.CITY, "Ville 17")).as("the ranks answer only under their key").isEqualTo(-1);
    }

    @Test
    void aDealtClassWithTooManyValuesHasNoDomain() {
        SourceFingerprints source = SourceFingerprints.sized(KEY, 10_000);
        for (int i = 0; i <= DealtDomains.MAX_VALUES; i++) {
            source.add(PiiClass.CITY, "Ville " + i);
        }
        assertThat(source.domainSize(PiiClass.CITY)).isEqualTo(-1);
        assertThat(source.rank(PiiClass.CITY, "Ville 1")).isEqualTo(-1);
        assertThat(SourceFingerprints.fromBytes(KEY, source.toBytes()).domainSize(PiiClass.CITY)).isEqualTo(-1);
    }
}
