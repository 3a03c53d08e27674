package io.envclone.anonymizer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What sampled values say when the name says nothing, with the figure in the reason. */
class ContentClassifierTest {

    private static ContentClassifier.Reading read(String... values) {
        List<String> list = new ArrayList<>();
        Collections.addAll(list, values);
        return ContentClassifier.read(list).orElseThrow();
    }

    @Test
    void shapesOfWholeValues() {
        assertThat(ValuePatterns.of("MARY.SMITH@sakilacustomer.org")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(Kind.EMAIL));
        for (String phone : List.of("+213 555 12 34 56", "0555123456", "06.12.34.56.78", "+33 6 12 34 56 78", "01-23-45-67-89")) {
            assertThat(ValuePatterns.of(phone)).as(phone).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(Kind.PHONE));
        }
        assertThat(ValuePatterns.of("FR76 3000 6000 0112 3456 7890 189")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(Kind.IBAN));
        assertThat(ValuePatterns.of("FR76 3000 6000 0112 3456 7890 188")).as("mod 97 fails").isEmpty();
        assertThat(ValuePatterns.of("4111 1111 1111 1111")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(Kind.CARD));
        assertThat(ValuePatterns.of("4111 1111 1111 1112")).as("Luhn fails").isEmpty();
        assertThat(ValuePatterns.of("192.168.1.20")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(Kind.IP_ADDRESS));
        assertThat(ValuePatterns.of("999.1.1.1")).isEmpty();
        assertThat(ValuePatterns.of("$2a$04$abcdefghijklmnopqrstuuJ7b3ZTMu0wZ3Nl6lCsu0Gz.3mUyq9pS"))
                .hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(Kind.PASSWORD));
        for (String plain : List.of("16000", "2024-05-01", "ORD-1000", "Academy Dinosaur", "0.01", "123456")) {
            assertThat(ValuePatterns.of(plain)).as(plain).isEmpty();
        }
    }

    @Test
    void aMajorityOfShapedValuesNamesTheKindWithTheFigure() {
        ContentClassifier.Reading reading = read("a@x.org", "b@y.fr", "c@z.dz", "not one", null);
        assertThat(reading.kind()).isEqualTo(Kind.EMAIL);
        assertThat(reading.reason()).isEqualTo("content: 3 of 4 sampled values look like emails");
        assertThat(read("0555 12 34 56", "+213 661 00 00 00", "x").kind()).isEqualTo(Kind.PHONE);
    }

    @Test
    void freeTextIsLongOrHoldsAShapedValue() {
        String longText = "A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies";
        assertThat(read(longText, longText + "!", "short").kind()).isEqualTo(Kind.FREE_TEXT);
        ContentClassifier.Reading holding = read("call me", "write to amina@gmail.com", "ok", "fine");
        assertThat(holding.kind()).isEqualTo(Kind.FREE_TEXT);
        assertThat(holding.reason()).contains("1 of 4 sampled values hold emails");
        assertThat(read("ip:192.0.2.1", "user:x").kind()).isEqualTo(Kind.FREE_TEXT);
    }

    @Test
    void shortShapelessValuesAreNotSensitiveAndNoValueTellsNothing() {
        ContentClassifier.Reading reading = read("Academy Dinosaur", "Ace Goldfinger", "Adaptation Holes");
        assertThat(reading.kind()).isNull();
        assertThat(reading.reason()).contains("3 sampled values", "short");
        assertThat(ContentClassifier.read(java.util.Arrays.asList(null, null))).isEmpty();
    }
}
