package io.envclone.anonymizer.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.ColumnRule;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code scrub} finds in free text and JSON, and that it replaces each find as its own column rule would. */
class ScrubberTest {

    private static final Transformers TRANSFORMERS = new Transformers(new KeyedHash(
            "environment-key-one".getBytes(StandardCharsets.UTF_8)));
    private static final Transformer SCRUB = TRANSFORMERS.create(ColumnRule.of("public.messages.body", "scrub"));
    private static final Transformer EMAIL = TRANSFORMERS.create(ColumnRule.of("public.users.email", "email"));
    private static final Transformer PHONE = TRANSFORMERS.create(ColumnRule.of("public.users.phone", "phone"));
    private static final Transformer IBAN = TRANSFORMERS.create(ColumnRule.of("public.users.iban", "iban"));

    @Test
    void emailsAndPhonesInAnySpellingBecomeTheirColumnsFakes() {
        String body = "Bonjour, appelez-moi au 0555 12 34 56 (ou +213 555 12 34 56, 0555.12.34.56, 0555-12-34-56,"
                + " 0555123456) ou écrivez à Amina.Benali@gmail.com avant le 12/05.";
        String scrubbed = SCRUB.apply(body, Row.NONE);
        assertThat(scrubbed).doesNotContain("12 34 56", "12.34.56", "12-34-56", "0555123456", "Amina.Benali@gmail.com")
                .contains(PHONE.apply("0555 12 34 56", Row.NONE), PHONE.apply("+213 555 12 34 56", Row.NONE),
                        PHONE.apply("0555.12.34.56", Row.NONE), PHONE.apply("0555123456", Row.NONE),
                        EMAIL.apply("amina.benali@gmail.com", Row.NONE))
                .startsWith("Bonjour, appelez-moi au ").endsWith(" avant le 12/05.");
    }

    @Test
    void ibansCardsAndNationalIdsInTextAreReplacedAndStayValid() {
        String card = DigitShapes.withLuhnCheckDigit("4970 1012 3456 7890");
        String text = "Virement sur DZ58 0002 1000 0123 4567 8901, carte " + card + ", NIN 109870123456789012.";
        String scrubbed = SCRUB.apply(text, Row.NONE);
        assertThat(scrubbed).doesNotContain("0123 4567 8901", card, "109870123456789012")
                .contains(IBAN.apply("DZ58 0002 1000 0123 4567 8901", Row.NONE));
        java.util.regex.Matcher fakeCard = java.util.regex.Pattern.compile("carte (4\\d{3} \\d{4} \\d{4} \\d{4})")
                .matcher(scrubbed);
        assertThat(fakeCard.find()).isTrue();
        assertThat(DigitShapes.passesLuhn(fakeCard.group(1))).as("a card stays a valid card").isTrue();
        assertThat(scrubbed).containsPattern("NIN \\d{18}\\.");
    }

    @Test
    void jsonKeepsItsStructureAndTreatsEachLeafByItsKey() {
        String payload = "{\"guest\": {\"email\": \"amina@gmail.com\", \"phone\": \"0555 12 34 56\", \"name\": \"Amina Benali\"},"
                + " \"nights\": 3, \"paid\": true, \"note\": \"rappeler le 0661 22 33 44\", \"tags\": [\"vip\", \"b@x.dz\"],"
                + " \"username\": \"amina\"}";
        String scrubbed = SCRUB.apply(payload, Row.NONE);
        assertThat(scrubbed).doesNotContain("amina@gmail.com", "12 34 56", "Amina Benali", "22 33 44", "b@x.dz")
                .doesNotContain("\"amina\"").containsPattern("\"username\":\"user-[0-9a-f]+\"")
                .contains("\"nights\":3", "\"paid\":true", "\"vip\"",
                        "\"email\":\"" + EMAIL.apply("amina@gmail.com", Row.NONE) + "\"",
                        "\"name\":\"" + TRANSFORMERS.create(ColumnRule.of("x.y.z", "name")).apply("Amina Benali", Row.NONE));
    }

    @Test
    void theRowsOwnSensitiveValuesAreReplacedWhereverTheyAppear() {
        Row row = new Row() {
            @Override
            public String column(String column) {
                return null;
            }

            @Override
            public String index() {
                return "1";
            }

            @Override
            public Map<String, String> replacements() {
                return Map.of("Benali", "Laine", "12 rue Didouche Mourad", "122 Quai d'Alésia");
            }
        };
        assertThat(SCRUB.apply("Mme Benali habite 12 rue Didouche Mourad.", row))
                .isEqualTo("Mme Laine habite 122 Quai d'Alésia.");
        assertThat(SCRUB.apply("Rien de personnel, 3 nuits à 12000 DA.", row)).isEqualTo("Rien de personnel, 3 nuits à 12000 DA.");
        assertThat(SCRUB.apply(null, row)).isNull();
    }

    @Test
    void jsonPathsHaveTransformersOfTheirOwnAndTheirValuesLeaveTheOtherLeaves() {
        String payload = "{\"guest\": {\"contact\": \"amina@gmail.com\", \"who\": \"Amina Benali\", \"loyalty\": 4412},"
                + " \"history\": [{\"by\": \"Amina Benali\"}, {\"by\": \"Karim Saadi\"}], \"note\": \"Amina Benali arrive tard\"}";
        ColumnRule scrubbed = new ColumnRule("public.notifications.payload", "scrub", Map.of(),
                Map.of("guest.contact", "email", "guest.who", "name", "history.by", "name", "guest.loyalty", "number"), "");
        String out = TRANSFORMERS.create(scrubbed).apply(payload, Row.NONE);
        String fakeName = TRANSFORMERS.create(ColumnRule.of("x.y.z", "name")).apply("Amina Benali", Row.NONE);
        assertThat(out).doesNotContain("amina@gmail.com", "Amina Benali", "Karim Saadi", "4412")
                .contains("\"contact\":\"" + EMAIL.apply("amina@gmail.com", Row.NONE) + "\"",
                        "\"who\":\"" + fakeName + "\"", "{\"by\":\"" + fakeName + "\"}",
                        "\"note\":\"" + fakeName + " arrive tard\"")
                .containsPattern("\"loyalty\":\\d+[,}]");

        ColumnRule kept = new ColumnRule("public.notifications.payload", "keep", Map.of(), Map.of("guest.contact", "email"),
                "only the contact is personal");
        assertThat(TRANSFORMERS.create(kept).apply(payload, Row.NONE)).doesNotContain("amina@gmail.com")
                .contains("Amina Benali", "Karim Saadi", "4412");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TRANSFORMERS.create(new ColumnRule("public.t.c", "email",
                Map.of(), Map.of("a", "name"), ""))).hasMessageContaining("public.t.c: paths are for json columns");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TRANSFORMERS.create(new ColumnRule("public.t.c", "scrub",
                Map.of(), Map.of("guest.email", "emial"), ""))).hasMessageContaining("path guest.email: unknown transformer 'emial'");
    }

    @Test
    void aRowImagesOwnNamesAreReplacedInItsFreeTextAsInItsKeys() {
        // an audit trigger's image of a customer row: notes name the customer by first name only
        String image = "{\"notes\": \"Agnes renewed the membership; agnes pays by card.\", \"first_name\": \"Agnes\","
                + " \"last_name\": \"Bishop\", \"store_id\": 1}";
        String out = SCRUB.apply(image, Row.NONE);
        assertThat(out).doesNotContainIgnoringCase("agnes").doesNotContain("Bishop")
                .contains("\"store_id\":1").containsPattern("\"notes\":\"[A-Z][a-z]+ renewed the membership; [a-z]+ pays by card.\"");
    }

    @Test
    void aNoteThatWouldBeASourceNoteWholeBecomesAnotherSentence() {
        io.envclone.api.fingerprint.SourceFingerprints source = io.envclone.api.fingerprint.SourceFingerprints.sized(
                "clone-fingerprint-key".getBytes(StandardCharsets.UTF_8), 100);
        source.add(io.envclone.api.fingerprint.PiiClass.FREE_TEXT, "Prefers email contact.");
        Transformer seeing = new Transformers(new KeyedHash("environment-key-one".getBytes(StandardCharsets.UTF_8)),
                SourceKnowledge.of(source)).create(ColumnRule.of("public.customer.notes", "scrub"));

        String out = seeing.apply("Prefers email contact.", Row.NONE);
        assertThat(out).as("another sentence, not the note with something added").doesNotContainIgnoringCase("email contact")
                .isIn(FakePools.of("fr").sentences);
        assertThat(seeing.apply("Prefers email contact.", Row.NONE)).as("the same mark every time").isEqualTo(out);
        assertThat(seeing.apply("{\"notes\": \"Prefers email contact.\"}", Row.NONE)).as("in a row image too")
                .isEqualTo("{\"notes\":\"" + out + "\"}");
        assertThat(seeing.apply("Prefers phone contact.", Row.NONE)).as("no source note").isEqualTo("Prefers phone contact.");
        String within = seeing.apply("Called on Monday. Prefers email contact.", Row.NONE);
        assertThat(within).as("a source note as a sentence of another note: that sentence").startsWith("Called on Monday. ")
                .doesNotContainIgnoringCase("email contact");
        assertThat(within.substring("Called on Monday. ".length())).isIn(FakePools.of("fr").sentences);
    }

    @Test
    void theSecretOfALinkIsReplaced() {
        String out = SCRUB.apply("https://lofts.example/reset?token=aa3826e62ac8b679&lang=fr", Row.NONE);
        assertThat(out).doesNotContain("aa3826e62ac8b679").startsWith("https://lofts.example/reset?token=")
                .endsWith("&lang=fr");
    }
}
