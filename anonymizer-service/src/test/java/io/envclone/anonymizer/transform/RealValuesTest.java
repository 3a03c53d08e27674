package io.envclone.anonymizer.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A fake never equals a real value: against the source's fingerprints each transformer draws again,
 * deterministically, and the permutations stay collision-free while doing so.
 */
class RealValuesTest {

    private static final KeyedHash KEY = new KeyedHash("environment-key-one".getBytes(StandardCharsets.UTF_8));
    private static final byte[] FINGERPRINT_KEY = "clone-fingerprint-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void inADenseFormatChanceHitsRealValuesAndFingerprintsPreventIt() {
        // 4,000 real four-digit codes among 10,000: a plain permutation gives about 1,600 real ones back
        SplittableRandom random = new SplittableRandom(7);
        Set<String> real = new HashSet<>();
        while (real.size() < 4000) {
            real.add(String.format("%04d", random.nextInt(10_000)));
        }
        SourceFingerprints source = SourceFingerprints.sized(FINGERPRINT_KEY, real.size());
        real.forEach(value -> source.add(PiiClass.NATIONAL_ID, value));
        ColumnRule rule = ColumnRule.of("public.users.pin", "national_id");
        Transformer blind = new Transformers(KEY).create(rule);
        Transformer seeing = new Transformers(KEY, SourceKnowledge.of(source)).create(rule);

        long blindHits = real.stream().map(value -> blind.apply(value, Row.NONE)).filter(real::contains).count();
        assertThat(blindHits).as("fakes that are real values by chance, without fingerprints").isGreaterThan(1000);

        Set<String> fakes = new HashSet<>();
        int firstDrawKept = 0;
        for (String value : real) {
            String fake = seeing.apply(value, Row.NONE);
            assertThat(fake).matches("\\d{4}");
            assertThat(seeing.apply(value, Row.NONE)).as("deterministic").isEqualTo(fake);
            firstDrawKept += fake.equals(blind.apply(value, Row.NONE)) ? 1 : 0;
            fakes.add(fake);
        }
        assertThat(fakes).as("distinct codes stay distinct").hasSize(real.size()).doesNotContainAnyElementsOf(real);
        assertThat(firstDrawKept).as("a first draw that is not real stands").isGreaterThan(2000);
    }

    @Test
    void aFakeLastNameNeverCompletesTheRowsFakeFirstNameIntoASourceFullName() {
        Transformers blind = new Transformers(KEY);
        Transformer last = blind.create(ColumnRule.of("p.t.last_name", "last_name"));
        Row firstNameMary = new Row() {
            @Override
            public String column(String column) {
                return null;
            }

            @Override
            public String index() {
                return "1";
            }

            @Override
            public String fakeFirstName() {
                return "Mary";
            }
        };
        String firstDraw = last.apply("Selby", firstNameMary);
        // the source has a customer whose name is what the two fakes make together (a generated full_name would show it)
        SourceFingerprints source = SourceFingerprints.sized(FINGERPRINT_KEY, 10);
        source.add(PiiClass.FULL_NAME, "MARY " + firstDraw.toUpperCase(java.util.Locale.ROOT));
        Transformer seeing = new Transformers(KEY, SourceKnowledge.of(source)).create(ColumnRule.of("p.t.last_name", "last_name"));

        String redrawn = seeing.apply("Selby", firstNameMary);
        assertThat(redrawn).isNotEqualTo(firstDraw).isNotEqualToIgnoringCase("Selby");
        assertThat(source.contains(PiiClass.FULL_NAME, "Mary " + redrawn)).isFalse();
        assertThat(seeing.apply("Selby", Row.NONE)).as("alone, a last name is quasi: its first draw stands").isEqualTo(firstDraw);
    }

    @Test
    void aFakeFullNameThatIsASourceLoginInItsWordsIsDrawnAgain() {
        Transformer blind = new Transformers(KEY).create(ColumnRule.of("p.t.name", "name"));
        String firstDraw = blind.apply("Aaron Selby", Row.NONE);
        SourceFingerprints source = SourceFingerprints.sized(FINGERPRINT_KEY, 10);
        source.add(PiiClass.USERNAME, firstDraw.toLowerCase(java.util.Locale.ROOT).replace(' ', '.')); // a staff login
        String redrawn = new Transformers(KEY, SourceKnowledge.of(source)).create(ColumnRule.of("p.t.name", "name"))
                .apply("Aaron Selby", Row.NONE);

        assertThat(redrawn).isNotEqualTo(firstDraw);
        assertThat(source.identifying(redrawn)).as("in text, the gate would find a login").isNull();
    }

    @Test
    void phonesIbansNamesAndEmailsDrawAgainWhenTheirFakeIsASourceValue() {
        List<String> phones = List.of("+213 555 12 34 56", "0661 22 33 44", "07.70.11.22.33");
        List<String> ibans = List.of("DZ58 0002 1000 0123 4567 8901", "FR14 2004 1010 0505 0001 3M02 606");
        List<String> names = List.of("Amina Benali", "Karim Saadi");
        List<String> emails = List.of("amina@gmail.com", "karim@yahoo.fr");
        Transformers blind = new Transformers(KEY);
        // the source holds the real values and, by chance, what the first draw of each would be
        SourceFingerprints source = SourceFingerprints.sized(FINGERPRINT_KEY, 100);
        List<String> firstDraws = new ArrayList<>();
        addAll(source, firstDraws, blind.create(ColumnRule.of("p.t.phone", "phone")), phones, PiiClass.PHONE);
        addAll(source, firstDraws, blind.create(ColumnRule.of("p.t.iban", "iban")), ibans, PiiClass.IBAN);
        addAll(source, firstDraws, blind.create(ColumnRule.of("p.t.name", "name")), names, PiiClass.FULL_NAME);
        addAll(source, firstDraws, blind.create(ColumnRule.of("p.t.email", "email")), emails, PiiClass.EMAIL);

        Transformers seeing = new Transformers(KEY, SourceKnowledge.of(source));
        assertRedrawn(seeing.create(ColumnRule.of("p.t.phone", "phone")), phones, source, "[+\\d][\\d .]+", PiiClass.PHONE);
        assertRedrawn(seeing.create(ColumnRule.of("p.t.iban", "iban")), ibans, source, "[A-Z]{2}\\d{2}[A-Z0-9 ]+",
                PiiClass.IBAN);
        assertRedrawn(seeing.create(ColumnRule.of("p.t.name", "name")), names, source, "\\S+ .+", PiiClass.FULL_NAME);
        assertRedrawn(seeing.create(ColumnRule.of("p.t.email", "email")), emails, source, "user[0-9a-f]{16}@test\\.local",
                PiiClass.EMAIL);
        for (String iban : ibans) {
            assertThat(IbanTransformer.valid(seeing.create(ColumnRule.of("p.t.iban", "iban")).apply(iban, Row.NONE))).isTrue();
        }
        assertThat(seeing.create(ColumnRule.of("p.t.phone", "phone")).apply("+213 555 12 34 56", Row.NONE))
                .startsWith("+213 5").hasSize("+213 555 12 34 56".length());
    }

    private static void addAll(SourceFingerprints source, List<String> firstDraws, Transformer blind, List<String> values,
            PiiClass of) {
        for (String value : values) {
            source.add(of, value);
            String first = blind.apply(value, Row.NONE);
            source.add(of, first);
            firstDraws.add(first);
        }
    }

    private static void assertRedrawn(Transformer seeing, List<String> values, SourceFingerprints source, String format,
            PiiClass of) {
        for (String value : values) {
            String fake = seeing.apply(value, Row.NONE);
            assertThat(fake).as("%s drawn again", value).matches(format);
            assertThat(source.contains(of, fake)).as("%s's fake %s is a source value", value, fake).isFalse();
        }
    }
}
