package io.envclone.anonymizer.discover;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a name as people wrote it: {@code dateDeNaissance}, {@code date_de_naissance} and
 * {@code Date-de-Naissance} are all {@code [date, de, naissance]}; accents are dropped so
 * {@code prénom} and {@code prenom} match one rule; letters and digits part ({@code address2}).
 */
final class Words {

    private Words() {
    }

    static List<String> of(String name) {
        if (name == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String split = plain
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")        // camelCase
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")     // HTTPServer: HTTP Server
                .replaceAll("([A-Za-z])([0-9])", "$1 $2")
                .replaceAll("([0-9])([A-Za-z])", "$1 $2");
        return Arrays.stream(split.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(word -> !word.isEmpty()).toList();
    }

    /** {@code customers} to {@code customer}, {@code people} to {@code person}: table names are often plural. */
    static String singular(String word) {
        if (word.equals("people")) {
            return "person";
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.endsWith("s") && !word.endsWith("ss") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
    }

    /** Whether {@code phrase} appears in {@code words} as consecutive words. */
    static boolean contains(List<String> words, List<String> phrase) {
        return java.util.Collections.indexOfSubList(words, phrase) >= 0;
    }
}
