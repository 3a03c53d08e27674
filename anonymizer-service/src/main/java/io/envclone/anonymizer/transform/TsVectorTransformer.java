package io.envclone.anonymizer.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tsvector}: a search vector recomputed from the row's anonymized {@code from} columns,
 * never the source's, which holds the real words (a name, an address) as lexemes. Lexemes are
 * the lower-cased words in order (a hyphenated one also whole), positions counted across the columns, as PostgreSQL's
 * {@code simple} configuration makes them (weights are not kept); a target that needs its own dictionary recomputes
 * with {@code to_tsvector} after landing, from text that is already anonymized.
 */
final class TsVectorTransformer implements Transformer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");
    private static final int MAX_POSITION = 16383;

    private final List<String> from;

    TsVectorTransformer(String from) {
        this.from = new ArrayList<>();
        for (String column : from.split(",")) {
            if (!column.isBlank()) {
                this.from.add(column.strip());
            }
        }
        if (this.from.isEmpty()) {
            throw new IllegalArgumentException("option from names no column: give the columns the vector is made of,"
                    + " e.g. from: \"title,description\"");
        }
    }

    List<String> from() {
        return from;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        Map<String, List<Integer>> lexemes = new LinkedHashMap<>();
        int position = 0;
        for (String column : from) {
            String text = row.anonymized(column);
            if (text == null) {
                continue;
            }
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                String found = word.group().toLowerCase(Locale.ROOT);
                List<String> parts = new ArrayList<>();
                parts.add(found);
                if (found.indexOf('-') > 0) {
                    parts.addAll(List.of(found.split("-"))); // as the server's parser: the compound, then each part
                }
                for (String part : parts) {
                    position = Math.min(position + 1, MAX_POSITION);
                    lexemes.computeIfAbsent(part, w -> new ArrayList<>()).add(position);
                }
            }
        }
        StringBuilder vector = new StringBuilder();
        lexemes.forEach((lexeme, positions) -> {
            if (vector.length() > 0) {
                vector.append(' ');
            }
            vector.append('\'').append(lexeme).append('\'');
            for (int i = 0; i < positions.size(); i++) {
                vector.append(i == 0 ? ':' : ',').append(positions.get(i));
            }
        });
        return vector.toString();
    }
}
