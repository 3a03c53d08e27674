package io.envclone.cloner.stream;

import java.util.List;

/**
 * A table whose rows a clone sends: a leaf table (a partition, not its parent, so no row is sent
 * twice), with the columns that carry data (generated columns are recomputed by the target).
 */
record SourceTable(String schema, String name, String qualified, List<String> columns, List<String> quotedColumns,
        List<String> types) {

    String copyOutSql() {
        return "COPY " + qualified + " (" + String.join(", ", quotedColumns) + ") TO STDOUT (FORMAT binary)";
    }
}
