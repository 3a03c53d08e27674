package io.envclone.cloner.stream;

import java.util.List;

/**
 * A table whose rows a clone sends: a leaf table (a partition, not its parent, so no row is sent
 * twice), with the columns that carry data (generated columns are recomputed by the target).
 *
 * @param wireTypes the types of the columns' binary form (a domain's base type; enums are sent as text)
 * @param root {@code schema.table} of the table people name: the root of its partition tree, or itself
 * @param key the quoted leading primary-key column when it is an integer (chunks are ranges of it), else null
 * @param bytes the table's size on disk, which decides how many chunks it gets
 */
record SourceTable(String schema, String name, String qualified, String root, List<String> columns,
        List<String> quotedColumns, List<String> types, List<String> wireTypes, String key, long bytes) {

    SourceTable {
        columns = List.copyOf(columns);
        quotedColumns = List.copyOf(quotedColumns);
        types = List.copyOf(types);
        wireTypes = List.copyOf(wireTypes);
    }

    /** {@code schema.table}, unquoted: how events, checkpoints and filters name it. */
    String displayName() {
        return schema + "." + name;
    }
}
