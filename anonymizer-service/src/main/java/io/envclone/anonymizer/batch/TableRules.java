package io.envclone.anonymizer.batch;

import io.envclone.anonymizer.transform.Transformer;
import java.util.List;

/** The transformers of one table, by column; derived ones (scrub, then tsvector) run last, once the row's other values are known. */
record TableRules(String table, List<ColumnTransform> columns) {

    /**
     * A column's transformer; {@code type} is the rule's transformer name (metrics count by it);
     * {@code unique}: the column is under a unique constraint, so two values must never share a fake;
     * {@code when}: the rule's condition on the row, or null when it applies to every row.
     */
    record ColumnTransform(String column, String type, Transformer transformer, boolean unique, RuleCondition when) {

        /**
         * 0: from the value alone; 1: {@code last_name}, once the row's fake first name is known (the two
         * together must not be a source full name); 2: {@code scrub}, once the row's other replacements
         * are known; 3: {@code tsvector}, from the finished text.
         */
        int stage() {
            return switch (type) {
                case "last_name" -> 1;
                case "scrub" -> 2;
                case "tsvector" -> 3;
                default -> 0;
            };
        }

        /** Whether it replaces a value by another of the same kind, which free text of the row must not show either. */
        boolean replacesAValue() {
            return stage() <= 1;
        }
    }
}
