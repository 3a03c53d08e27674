package io.envclone.anonymizer.batch;

import io.envclone.anonymizer.transform.Transformer;
import java.util.List;

/** The transformers of one table, by column; scrubbing ones run last, once the row's other values are known. */
record TableRules(String table, List<ColumnTransform> columns) {

    /** A column's transformer; {@code type} is the rule's transformer name (metrics count by it). */
    record ColumnTransform(String column, String type, Transformer transformer) {

        boolean scrubs() {
            return type.equals("scrub");
        }
    }
}
