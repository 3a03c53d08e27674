package io.envclone.testing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written formats: phones, IBANs, national ids, COPY and JSON escaping, dates, money. */
class DemoFormatsTest {

    @Test
    void phonesFollowAlgerianMobileFormats() {
        SplittableRandom random = new SplittableRandom(1);
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String phone = AlgerianFormats.mobilePhone(random);
            assertThat(phone).matches(DemoDatabaseGeneratorTest.PHONE);
            prefixes.add(phone.startsWith("+213") ? "+213" : phone.substring(0, 2));
        }
        assertThat(prefixes).containsExactlyInAnyOrder("+213", "05", "06", "07");
    }

    @Test
    void ibansPassTheMod97Check() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 2_000; i++) {
            String iban = AlgerianFormats.iban(random);
            assertThat(iban).matches("DZ\\d{22}");
            assertThat(AlgerianFormats.isValidIban(iban)).as(iban).isTrue();
        }
    }

    @Test
    void theIbanCheckRecognisesKnownIbansAndTypos() {
        assertThat(AlgerianFormats.isValidIban("GB82WEST12345698765432")).isTrue();
        assertThat(AlgerianFormats.isValidIban("FR1420041010050500013M02606")).isTrue();
        assertThat(AlgerianFormats.isValidIban("GB82WEST12345698765433")).isFalse();
        assertThat(AlgerianFormats.isValidIban(null)).isFalse();
        String iban = AlgerianFormats.iban(new SplittableRandom(3));
        String typo = iban.substring(0, 10) + (char) ('0' + (iban.charAt(10) - '0' + 1) % 10) + iban.substring(11);
        assertThat(AlgerianFormats.isValidIban(typo)).isFalse();
    }

    @Test
    void nationalIdsAreEighteenDigitsWithAKeyAndUniquePerUser() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= 20_000; id++) {
            String nin = AlgerianFormats.nationalId(id % 2 == 0, 1987, 16, 5, id, 42);
            assertThat(nin).hasSize(18).containsOnlyDigits().startsWith(id % 2 == 0 ? "28716005" : "18716005");
            assertThat(AlgerianFormats.mod97(nin.substring(0, 16)) + Integer.parseInt(nin.substring(16))).isEqualTo(97);
            assertThat(seen.add(nin)).isTrue();
        }
    }

    @Test
    void copyTextEscapesTheCharactersCopyTreatsSpecially() {
        StringBuilder out = new StringBuilder();
        CopyRow.escape("a\\b\tc\nd\re ok", out);
        assertThat(out).hasToString("a\\\\b\\tc\\nd\\re ok");
    }

    @Test
    void jsonEscapesStringsAndWritesNumbersAndNulls() {
        String json = Json.object().put("name", "Aït \"Saïd\"\n\\").put("n", 12).putMoney("amount", 123405)
                .putNull("none").put("nested", Json.object().put("ok", true)).toString();
        assertThat(json).isEqualTo("{\"name\": \"Aït \\\"Saïd\\\"\\n\\\\\", \"n\": 12, \"amount\": 1234.05,"
                + " \"none\": null, \"nested\": {\"ok\": true}}");
    }

    @Test
    void datesAndMoneyAreWrittenInFixedFormats() {
        long moment = DemoClock.epochSecond(2025, 3, 4) + 12 * 3600 + 34 * 60 + 56;
        StringBuilder out = new StringBuilder();
        DemoClock.appendTimestamp(out, moment);
        assertThat(out).hasToString("2025-03-04 12:34:56+01");
        assertThat(DemoClock.isoTimestamp(moment)).isEqualTo("2025-03-04T12:34:56+01:00");
        assertThat(DemoClock.frenchDate(DemoClock.day(moment))).isEqualTo("04/03/2025");
        assertThat(DemoClock.date(DemoClock.day(DemoClock.epochSecond(2025, 1, 1)))).isEqualTo("2025-01-01");
        assertThat(Money.text(123450)).isEqualTo("1234.50");
        assertThat(Money.text(7)).isEqualTo("0.07");
    }

    @Test
    void theTimelineKeepsIdsInTimeOrderAndInvertsBack() {
        long previous = Long.MIN_VALUE;
        for (long i = 1; i <= 1_000; i++) {
            long moment = DemoClock.timeline(i, 1_000, 0.5);
            assertThat(moment).isGreaterThan(previous).isBetween(DemoClock.START, DemoClock.NOW);
            assertThat(DemoClock.existingAt(moment, 1_000)).isBetween(i - 1, i);
            previous = moment;
        }
    }
}
