package io.envclone.cloner.stream;

import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.schema.SchemaSelection;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.SourceAccessException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a clone fingerprints: the columns the environment's rules transform, {@code schema.table.column}
 * (the table as people name it: a partitioned table's column covers its partitions), and the key the
 * filter is made with. The key is the caller's, held in memory for the run, never stored, logged or
 * returned: without it the filter tells nothing.
 */
public final class FingerprintRequest {

    /**
     * A column to fingerprint; {@code table} is {@code schema.table}; {@code of} the class of its
     * values, or null for free text and JSON, whose tokens inside count and not the whole.
     */
    record Column(String table, String name, PiiClass of) {

        String displayName() {
            return table + "." + name;
        }
    }

    private static final FingerprintRequest NONE = new FingerprintRequest(List.of(), null);
    private static final int MIN_KEY_BYTES = 16;

    private final List<Column> columns;
    private final byte[] key;

    private FingerprintRequest(List<Column> columns, byte[] key) {
        this.columns = List.copyOf(columns);
        this.key = key;
    }

    public static FingerprintRequest none() {
        return NONE;
    }

    /**
     * From the start request's {@code fingerprintColumns} and {@code fingerprintKey} (base64); a
     * refusal's message begins with the field at fault and never holds the key. A column may end in
     * {@code :class}, a {@link PiiClass} label ({@code public.users.email:email}); without one its
     * values are free text.
     */
    public static FingerprintRequest of(List<String> columns, String keyBase64) {
        Set<Column> parsed = new LinkedHashSet<>();
        for (String column : columns == null ? List.<String>of() : columns) {
            PiiClass of = null;
            int colon = column == null ? -1 : column.lastIndexOf(':');
            if (colon > 0 && PiiClass.ofLabel(column.substring(colon + 1)) != null) {
                of = PiiClass.ofLabel(column.substring(colon + 1));
                column = column.substring(0, colon);
            }
            String[] parts = column == null ? new String[0] : column.split("\\.", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("fingerprintColumns must name columns as schema.table.column, not "
                        + (column == null ? "null" : "\"" + column + "\""));
            }
            parsed.add(new Column(parts[0] + "." + parts[1], parts[2], of));
        }
        byte[] key = keyBase64 == null || keyBase64.isBlank() ? null : decode(keyBase64);
        if (parsed.isEmpty()) {
            return NONE; // a key alone fingerprints nothing
        }
        if (key == null) {
            throw new IllegalArgumentException("fingerprintKey is missing: fingerprintColumns need it; give base64 of at"
                    + " least " + MIN_KEY_BYTES + " random bytes (openssl rand -base64 32)");
        }
        return new FingerprintRequest(new ArrayList<>(parsed), key);
    }

    private static byte[] decode(String keyBase64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(keyBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprintKey is not base64: give base64 of at least " + MIN_KEY_BYTES
                    + " random bytes (openssl rand -base64 32)");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("fingerprintKey must be at least " + MIN_KEY_BYTES + " bytes, was "
                    + key.length + ": give base64 of random bytes (openssl rand -base64 32)");
        }
        return key;
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    List<Column> columns() {
        return columns;
    }

    byte[] key() {
        return key.clone();
    }

    /**
     * The columns no table of the clone copies, as {@code schema.table.column}, read in a
     * transaction of their own: what the start request can refuse before the clone begins (the clone
     * checks again, in its snapshot).
     */
    public List<String> missingIn(ReadOnlySource source, SchemaSelection selection) throws SourceAccessException {
        return source.read(connection -> missingIn(SourceTables.list(connection, selection)));
    }

    List<String> missingIn(List<SourceTable> tables) {
        return columns.stream().filter(column -> tables.stream().noneMatch(table ->
                covers(table, column) && table.columns().contains(column.name())))
                .map(Column::displayName).toList();
    }

    /** The requested columns of {@code table} (a leaf: a partition, not its parent), by their index in it. */
    Map<Integer, Column> of(SourceTable table) {
        Map<Integer, Column> read = new LinkedHashMap<>();
        for (Column column : columns) {
            int at = table.columns().indexOf(column.name());
            if (covers(table, column) && at >= 0) {
                read.putIfAbsent(at, column);
            }
        }
        return read;
    }

    private static boolean covers(SourceTable table, Column column) {
        return table.displayName().equals(column.table()) || table.root().equals(column.table());
    }

    @Override
    public String toString() {
        return "FingerprintRequest[columns=" + columns.stream().map(Column::displayName).toList() + "]";
    }
}
