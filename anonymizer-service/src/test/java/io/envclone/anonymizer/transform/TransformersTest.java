package io.envclone.anonymizer.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.anonymize.ColumnRule;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Properties every transformer keeps, checked over thousands of generated inputs: the same input
 * and key give the same output, another key another output, the format survives, unique inputs
 * stay unique where the format leaves room, NULL stays NULL.
 */
class TransformersTest {

    private static final Transformers ONE_KEY = new Transformers(new KeyedHash(bytes("environment-key-one")));
    private static final Transformers OTHER_KEY = new Transformers(new KeyedHash(bytes("environment-key-two")));
    private static final SplittableRandom RANDOM = new SplittableRandom(42);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Row rowWithIndex(String index) {
        return new Row() {
            @Override
            public String column(String column) {
                return column.equals("city") ? "Oran" : null;
            }

            @Override
            public String index() {
                return index;
            }
        };
    }

    /** Determinism, key separation and NULL handling, for every transformer and inputs of its kind. */
    private static void assertKeyedAndDeterministic(ColumnRule rule, List<String> inputs) {
        Transformer one = ONE_KEY.create(rule);
        Transformer again = new Transformers(new KeyedHash(bytes("environment-key-one"))).create(rule);
        Transformer other = OTHER_KEY.create(rule);
        int differentUnderOtherKey = 0;
        for (String input : inputs) {
            String output = one.apply(input, rowWithIndex("7"));
            assertThat(again.apply(input, rowWithIndex("7"))).as("%s of %s, same key", rule.type(), input).isEqualTo(output);
            assertThat(output).as("%s of %s", rule.type(), input).isNotEqualTo(input);
            differentUnderOtherKey += output.equals(other.apply(input, rowWithIndex("7"))) ? 0 : 1;
        }
        assertThat(differentUnderOtherKey).as("another key gives other values").isGreaterThan(inputs.size() * 9 / 10);
        assertThat(one.apply(null, Row.NONE)).as("NULL stays NULL").isNull();
    }

    private static List<String> generate(int count, Function<SplittableRandom, String> one) {
        Set<String> values = new HashSet<>();
        while (values.size() < count) {
            values.add(one.apply(RANDOM));
        }
        return List.copyOf(values);
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static Set<String> outputs(ColumnRule rule, List<String> inputs) {
        Transformer transformer = ONE_KEY.create(rule);
        Set<String> outputs = new HashSet<>();
        inputs.forEach(input -> outputs.add(transformer.apply(input, Row.NONE)));
        return outputs;
    }

    @Test
    void phonesKeepTheirShapeStayUniqueAndOneNumberIsOneFakeInEverySpelling() {
        List<String> phones = generate(5_000, random -> "0" + (5 + random.nextInt(3)) + digits(random, 8));
        ColumnRule rule = ColumnRule.of("public.users.phone", "phone");
        assertKeyedAndDeterministic(rule, phones);
        assertThat(outputs(rule, phones)).as("unique phones stay unique").hasSize(phones.size());

        Transformer phone = ONE_KEY.create(rule);
        String fake = phone.apply("+213 555 12 34 56", Row.NONE);
        assertThat(fake).matches("\\+213 5\\d\\d \\d\\d \\d\\d \\d\\d").isNotEqualTo("+213 555 12 34 56");
        String national = fake.replace("+213 ", "").replace(" ", "");
        assertThat(phone.apply("0555123456", Row.NONE)).isEqualTo("0" + national);
        assertThat(phone.apply("0555.12.34.56", Row.NONE)).isEqualTo("0" + national.substring(0, 3) + "."
                + national.substring(3, 5) + "." + national.substring(5, 7) + "." + national.substring(7));
        assertThat(phone.apply("+33 6 12 34 56 78", Row.NONE)).matches("\\+33 6 \\d\\d \\d\\d \\d\\d \\d\\d");
    }

    @Test
    void theDigitPermutationIsABijectionWithoutFixedPoints() {
        DecimalPermutation permutation = new DecimalPermutation(new KeyedHash(bytes("environment-key-one")), "test");
        for (int length = 1; length <= 4; length++) {
            int size = (int) Math.pow(10, length);
            Set<String> outputs = new HashSet<>();
            for (int i = 0; i < size; i++) {
                String input = String.format("%0" + length + "d", i);
                String output = permutation.permute(input);
                assertThat(output).as("%s digits", length).hasSize(length).isNotEqualTo(input);
                outputs.add(output);
            }
            assertThat(outputs).as("every %s-digit number is the image of exactly one", length).hasSize(size);
        }
    }

    @Test
    void ibansKeepCountryLengthAndSpacingAndPassMod97() {
        List<String> ibans = generate(3_000, random -> {
            String bban = digits(random, 20);
            return "DZ" + IbanTransformer.checkDigits("DZ", bban) + bban;
        });
        ColumnRule rule = ColumnRule.of("public.users.iban", "iban");
        assertKeyedAndDeterministic(rule, ibans);
        Set<String> fakes = outputs(rule, ibans);
        assertThat(fakes).hasSize(ibans.size()).allSatisfy(iban -> {
            assertThat(iban).startsWith("DZ").hasSize(24);
            assertThat(IbanTransformer.valid(iban)).as("%s passes mod 97", iban).isTrue();
        });
        String spaced = ONE_KEY.create(rule).apply("FR76 3000 6000 0112 3456 7890 189", Row.NONE);
        assertThat(spaced).matches("FR\\d\\d \\d{4} \\d{4} \\d{4} \\d{4} \\d{4} \\d{3}");
        assertThat(IbanTransformer.valid(spaced)).isTrue();
        assertThat(IbanTransformer.valid("FR76 3000 6000 0112 3456 7890 189")).as("the input was valid too").isTrue();
    }

    @Test
    void cardsKeepTheirNetworkAndSeparatorsAndPassLuhn() {
        List<String> cards = generate(3_000, random -> DigitShapes.withLuhnCheckDigit("4" + digits(random, 15)));
        ColumnRule rule = ColumnRule.of("public.payments.card", "financial").withOption("format", "card");
        assertKeyedAndDeterministic(rule, cards);
        assertThat(outputs(rule, cards)).hasSize(cards.size())
                .allSatisfy(card -> assertThat(card).startsWith("4").hasSize(16).satisfies(c ->
                        assertThat(DigitShapes.passesLuhn(c)).isTrue()));
        assertThat(ONE_KEY.create(rule).apply("4970 1012 3456 7899", Row.NONE)).matches("4\\d{3} \\d{4} \\d{4} \\d{4}");
    }

    @Test
    void nationalIdsKeepTheirLengthAndStayUnique() {
        List<String> ids = generate(5_000, random -> "1" + digits(random, 17));
        ColumnRule rule = ColumnRule.of("public.users.national_id", "national_id").withOption("keep", "1");
        assertKeyedAndDeterministic(rule, ids);
        assertThat(outputs(rule, ids)).hasSize(ids.size()).allSatisfy(id -> assertThat(id).matches("1\\d{17}"));
    }

    @Test
    void emailsFollowTheirTemplateAndAreUniqueForUniqueInputs() {
        List<String> emails = generate(10_000, random -> "person" + random.nextInt(1_000_000) + "@gmail.com");
        ColumnRule rule = ColumnRule.of("public.users.email", "email");
        assertKeyedAndDeterministic(rule, emails);
        assertThat(outputs(rule, emails)).hasSize(emails.size())
                .allSatisfy(email -> assertThat(email).matches("user[0-9a-f]{16}@test\\.local"));
        Transformer email = ONE_KEY.create(rule);
        assertThat(email.apply(" Amina.Benali@Gmail.com", Row.NONE)).as("one mailbox, however it is written")
                .isEqualTo(email.apply("amina.benali@gmail.com", Row.NONE));

        Transformer indexed = ONE_KEY.create(rule.withOption("template", "customer-{index}@training.local"));
        assertThat(indexed.apply("amina@gmail.com", rowWithIndex("42"))).isEqualTo("customer-42@training.local");
        assertThatThrownBy(() -> indexed.apply("amina@gmail.com", Row.NONE)).hasMessageContaining("no primary key");
        assertThatThrownBy(() -> ONE_KEY.create(rule.withOption("template", "x-{counter}@y")))
                .hasMessageStartingWith("public.users.email: ").hasMessageContaining("{counter}");
    }

    @Test
    void namesAreRealisticTheSamePersonEverywhereAndFullNamesMatchTheirParts() {
        List<String> names = generate(2_000, random -> "Prénom" + random.nextInt(100_000) + " Nom" + random.nextInt(100_000));
        ColumnRule full = ColumnRule.of("public.users.full_name", "name");
        assertKeyedAndDeterministic(full, names);
        Transformer name = ONE_KEY.create(full);
        Transformer first = ONE_KEY.create(ColumnRule.of("public.users.first_name", "first_name"));
        Transformer last = ONE_KEY.create(ColumnRule.of("public.users.last_name", "last_name"));
        assertThat(name.apply("Amina Benali", Row.NONE)).as("users.full_name and reservations.guest_name agree")
                .isEqualTo(ONE_KEY.create(ColumnRule.of("public.reservations.guest_name", "name"))
                        .apply("Amina Benali", Row.NONE))
                .isEqualTo(first.apply("Amina", Row.NONE) + " " + last.apply("Benali", Row.NONE))
                .matches("\\p{L}[\\p{L}' -]+ \\p{L}[\\p{L}' -]+");
        assertThat(name.apply("AMINA BENALI", Row.NONE)).isEqualTo(name.apply("Amina Benali", Row.NONE).toUpperCase());
        long distinct = names.stream().map(n -> name.apply(n, Row.NONE)).distinct().count();
        assertThat(distinct).as("different people mostly get different names").isGreaterThan(names.size() * 9 / 10);
        assertThat(ONE_KEY.create(ColumnRule.of("public.users.address", "address")).apply("12 rue Didouche Mourad", Row.NONE))
                .matches("\\d+ .+");
    }

    @Test
    void datesMoveWithinTheirRangeAndKeepYearOrMonthWhenAsked() {
        List<String> dates = IntStream.range(0, 2_000).mapToObj(i -> java.time.LocalDate.of(1960, 1, 1).plusDays(i * 11L)
                .toString()).toList();
        ColumnRule shift = ColumnRule.of("public.users.birth_date", "date").withOption("days", "15");
        assertThat(outputs(shift, dates)).allSatisfy(d -> assertThat(d).matches("\\d{4}-\\d\\d-\\d\\d"));
        Transformer shifted = ONE_KEY.create(shift);
        for (String date : dates) {
            long moved = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(date),
                    java.time.LocalDate.parse(shifted.apply(date, Row.NONE)));
            assertThat(moved).isBetween(-15L, 15L).isNotZero();
        }
        Transformer month = ONE_KEY.create(shift.withOption("keep", "month"));
        assertThat(month.apply("1987-02-14", Row.NONE)).startsWith("1987-02-");
        assertThat(ONE_KEY.create(shift.withOption("keep", "year")).apply("1987-02-14 10:00:00+01", Row.NONE))
                .startsWith("1987-").endsWith(" 10:00:00+01");
        assertThatThrownBy(() -> ONE_KEY.create(shift.withOption("keep", "decade"))).hasMessageContaining("keep");
    }

    @Test
    void amountsKeepSignScaleAndStayWithinTheirNoise() {
        Transformer amount = ONE_KEY.create(ColumnRule.of("public.payments.amount", "amount").withOption("percent", "5"));
        for (int i = 1; i < 2_000; i++) {
            String input = i * 37 + "." + (i % 100 < 10 ? "0" : "") + i % 100;
            java.math.BigDecimal out = new java.math.BigDecimal(amount.apply(input, Row.NONE));
            java.math.BigDecimal in = new java.math.BigDecimal(input);
            assertThat(out.scale()).isEqualTo(2);
            assertThat(out.signum()).isEqualTo(1);
            assertThat(out.subtract(in).abs()).isLessThanOrEqualTo(in.multiply(new java.math.BigDecimal("0.0501")));
        }
        assertThat(amount.apply("-120", Row.NONE)).startsWith("-").doesNotContain(".");
    }

    @Test
    void aReservationsPaymentsStillAddUpToItsTotalWithFactorBy() {
        Transformer total = ONE_KEY.create(ColumnRule.of("public.reservations.total", "amount").withOption("factorBy", "id"));
        Transformer paid = ONE_KEY.create(ColumnRule.of("public.payments.amount", "amount")
                .withOption("factorBy", "reservation_id"));
        java.util.Set<String> factors = new HashSet<>();
        for (int reservation = 1; reservation <= 500; reservation++) {
            String id = Integer.toString(reservation);
            List<String> payments = List.of(reservation * 131 + ".50", reservation * 17 + ".25", reservation * 3 + ".99");
            java.math.BigDecimal sum = payments.stream().map(java.math.BigDecimal::new)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            java.math.BigDecimal fakeTotal = new java.math.BigDecimal(total.apply(sum.toPlainString(), column("id", id)));
            java.math.BigDecimal fakeSum = payments.stream().map(amount -> new java.math.BigDecimal(
                    paid.apply(amount, column("reservation_id", id)))).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertThat(fakeTotal).isNotEqualByComparingTo(sum);
            assertThat(fakeSum.subtract(fakeTotal).abs()).as("reservation %s: rounding only", id)
                    .isLessThanOrEqualTo(new java.math.BigDecimal("0.02"));
            factors.add(fakeTotal.divide(sum, 3, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
        assertThat(factors).as("each reservation its own factor").hasSizeGreaterThan(50);
    }

    private static Row column(String name, String value) {
        return new Row() {
            @Override
            public String column(String column) {
                return column.equals(name) ? value : null;
            }

            @Override
            public String index() {
                return null;
            }
        };
    }

    @Test
    void theSimpleOnesAndBadRulesThatNameTheirColumn() {
        assertThat(ONE_KEY.create(ColumnRule.of("t.c.x", "constant").withOption("value", "REDACTED")).apply("secret", Row.NONE))
                .isEqualTo("REDACTED");
        assertThat(ONE_KEY.create(ColumnRule.of("t.c.x", "null")).apply("secret", Row.NONE)).isNull();
        assertThat(ONE_KEY.create(ColumnRule.of("t.c.x", "hash")).apply("secret", Row.NONE)).matches("[0-9a-f]{16}");
        assertThat(ONE_KEY.create(ColumnRule.of("t.c.x", "keep")).apply("public", Row.NONE)).isEqualTo("public");
        assertThat(ONE_KEY.create(ColumnRule.of("t.c.x", "custom").withOption("template", "loft-{hash}-{column:city}"))
                .apply("x", rowWithIndex("1"))).matches("loft-[0-9a-f]{16}-[0-9a-f]{12}");
        assertThatThrownBy(() -> ONE_KEY.create(ColumnRule.of("public.users.email", "emial")))
                .hasMessageStartingWith("public.users.email: unknown transformer 'emial'");
        assertThatThrownBy(() -> ONE_KEY.create(ColumnRule.of("public.users.x", "constant")))
                .hasMessage("public.users.x: transformer constant needs the option value");
        assertThatThrownBy(() -> ONE_KEY.create(ColumnRule.of("public.users.x", "hash").withOption("length", "two")))
                .hasMessageContaining("option length is 'two'");
        assertThatThrownBy(() -> new KeyedHash(bytes("short"))).hasMessageContaining("at least 16 bytes");
    }

    @Test
    void sourceCitiesAreDealtOneFakeEachSoAViewGroupedByCityKeepsItsGroups() {
        io.envclone.api.fingerprint.SourceFingerprints source = io.envclone.api.fingerprint.SourceFingerprints.sized(
                bytes("fingerprint-key-of-the-clone"), 1_000);
        List<String> cities = new java.util.ArrayList<>(List.of("Paris", "Lyon", "Marseille", "Alger", "Oran", "Blida"));
        IntStream.range(0, 60).forEach(i -> cities.add("Commune " + i));
        cities.forEach(city -> source.add(io.envclone.api.fingerprint.PiiClass.CITY, city));
        Transformer city = new Transformers(new KeyedHash(bytes("environment-key-one")),
                SourceKnowledge.of(source)).create(ColumnRule.of("public.lofts.city", "city"));

        Set<String> fakes = new HashSet<>();
        cities.forEach(real -> fakes.add(city.apply(real, Row.NONE)));
        assertThat(fakes).as("66 source cities, 66 fakes").hasSize(cities.size());
        assertThat(fakes).as("no fake is a source city").noneMatch(fake -> source.contains(
                io.envclone.api.fingerprint.PiiClass.CITY, fake));
        assertThat(city.apply("PARIS", Row.NONE)).isEqualTo(city.apply("Paris", Row.NONE).toUpperCase());

        Transformer undealt = ONE_KEY.create(ColumnRule.of("public.lofts.city", "city"));
        assertThat(undealt.apply("Paris", Row.NONE)).as("without fingerprints, drawn as before").isNotEqualTo("Paris");
    }

    @Test
    void fakeEmailsAndHashesHoldNoRunOfDigitsThatReadsAsAPhone() {
        // a 16-hex token has a run of 7 decimal digits about once in twenty: among 50,000 fake emails some would
        // end like one of 50,000 source phones, which a scanner rightly counts as a phone in the copy
        Transformer email = ONE_KEY.create(ColumnRule.of("public.users.email", "email"));
        Transformer hashed = ONE_KEY.create(ColumnRule.of("public.users.token", "hash"));
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String fake = email.apply("person" + i + "@example.dz", Row.NONE);
            assertThat(fake).matches("user[0-9a-f]{16}@test\\.local").doesNotContainPattern("[0-9]{7}");
            assertThat(hashed.apply("secret-" + i, Row.NONE)).doesNotContainPattern("[0-9]{7}");
            emails.add(fake);
        }
        assertThat(emails).as("distinct inputs, distinct fakes").hasSize(50_000);
    }
}
