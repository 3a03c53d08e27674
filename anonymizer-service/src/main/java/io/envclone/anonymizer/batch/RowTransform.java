package io.envclone.anonymizer.batch;

import io.envclone.anonymizer.transform.Row;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One row through its table's rules, whatever holds the row (a binary batch, a preview's JSON):
 * each rule's column replaced, the scrubbing ones last, told the row's replaced values so they
 * disappear from its free text too.
 */
final class RowTransform {

    /** What became of one column of the row. */
    @FunctionalInterface
    interface Result {
        void accept(TableRules.ColumnTransform rule, String before, String fake);
    }

    private RowTransform() {
    }

    /**
     * @param present whether the row has a column (a generated one is not sent)
     * @param original a column's original text, or null
     * @param index the row's primary key, or null
     * @param result told each transformed column's rule, its original text and its new text (null for SQL NULL)
     */
    static void apply(TableRules table, Predicate<String> present, Function<String, String> original, String index,
            Result result) {
        Map<String, String> replacements = new HashMap<>();
        Map<String, String> transformed = new HashMap<>();
        String[] firstName = {null};
        Row row = new Row() {
            @Override
            public String column(String column) {
                return present.test(column) ? original.apply(column) : null;
            }

            @Override
            public String index() {
                return index;
            }

            @Override
            public String anonymized(String column) {
                return transformed.containsKey(column) ? transformed.get(column) : column(column);
            }

            @Override
            public Map<String, String> replacements() {
                return replacements;
            }

            @Override
            public String fakeFirstName() {
                return firstName[0];
            }
        };
        for (TableRules.ColumnTransform transform : table.columns()) {
            if (!present.test(transform.column()) || (transform.when() != null && !transform.when().holds(row::column))) {
                continue; // a generated column (not sent), or a row the rule's condition leaves as it is
            }
            String before = transform.type().equals("null") ? null : original.apply(transform.column());
            String fake = transform.transformer().apply(before, row);
            if (before != null && fake != null && transform.replacesAValue()) {
                replacements.put(before, fake);
            }
            transformed.put(transform.column(), fake);
            if (transform.type().equals("first_name") && fake != null) {
                firstName[0] = fake;
            }
            result.accept(transform, before, fake);
        }
    }
}
