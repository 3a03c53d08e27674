package io.envclone.api.batch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One batch of a table's rows as it travels between the services: a self-contained
 * PostgreSQL binary COPY payload (header, rows, trailer) that {@code COPY ... FROM STDIN
 * (FORMAT binary)} loads as it is, and what a receiver needs to know about it.
 *
 * <p>A chunk is the unit of landing: a receiver lands the batches of one {@code (table, chunk,
 * attempt)} from {@code seq} 0 to the one flagged {@code last} as one unit, and discards an attempt
 * of a chunk once a later attempt of the same chunk arrives (a resumed clone sends again only the
 * chunks an earlier attempt did not finish). The table is complete once every one of its
 * {@code chunks} chunks is.
 *
 * @param chunk which part of the table, from 0 (large tables are split into key ranges)
 * @param chunks how many chunks the table has
 * @param attempt which attempt of the clone sent it, from 1 (a clone resumed after a crash is attempt 2, ...)
 * @param seq position of the batch within its chunk, from 0
 * @param last whether no batch follows in this chunk
 * @param columns the columns of {@code rows}, in order (generated columns are not sent)
 * @param types their types as {@code format_type} prints them
 * @param partitionOf {@code schema.table} of the partitioned table this partition belongs to (rules name that
 *     table), or empty
 * @param wireTypes the types their binary form is in: a domain's base type, {@code enum} for enums (sent as text)
 */
public record TableBatch(String cloneId, String schema, String table, int chunk, int chunks, int attempt, long seq, boolean last, int rowCount,
        List<String> columns, List<String> types, List<String> wireTypes, String partitionOf, byte[] rows) {

    /** The payload format; a receiver refuses any other. */
    public static final String FORMAT = "pgcopy-binary/1";

    public TableBatch {
        if (chunk < 0 || chunk >= chunks) {
            throw new IllegalArgumentException("chunk " + chunk + " is not one of the table's " + chunks + " chunks");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        wireTypes = List.copyOf(wireTypes);
        partitionOf = partitionOf == null ? "" : partitionOf;
        if (columns.size() != types.size() || columns.size() != wireTypes.size()) {
            throw new IllegalArgumentException("a batch needs one type and one wire type per column");
        }
    }

    /** {@code cloneId/schema.table}: one table's batches share a key, so they stay ordered on one partition. */
    public String key() {
        return cloneId + "/" + schema + "." + table;
    }

    /** The same batch with other rows (an anonymized batch is its raw batch with its rows transformed). */
    public TableBatch withRows(byte[] newRows) {
        return new TableBatch(cloneId, schema, table, chunk, chunks, attempt, seq, last, rowCount, columns, types,
                wireTypes, partitionOf, newRows);
    }

    /** The table rules name: the partitioned table for a partition, else this table, as {@code schema.table}. */
    public String ruleTable() {
        return partitionOf.isEmpty() ? schema + "." + table : partitionOf;
    }

    /** {@code key#chunk.attempt.seq}: unique per batch, what a receiver records to land each batch once. */
    public String id() {
        return key() + "#" + chunk + "." + attempt + "." + seq;
    }

    /** CRC-32C of the payload, as 8 hex digits. */
    public String checksum() {
        CRC32C crc = new CRC32C();
        crc.update(rows);
        return String.format("%08x", crc.getValue());
    }

    /** The batch's description as message headers (the payload travels as the message value). */
    public Map<String, byte[]> headers() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(BatchHeaders.CLONE_ID, cloneId);
        values.put(BatchHeaders.TABLE, schema + "." + table);
        values.put(BatchHeaders.CHUNK, Integer.toString(chunk));
        values.put(BatchHeaders.CHUNKS, Integer.toString(chunks));
        values.put(BatchHeaders.ATTEMPT, Integer.toString(attempt));
        values.put(BatchHeaders.SEQ, Long.toString(seq));
        values.put(BatchHeaders.LAST, Boolean.toString(last));
        values.put(BatchHeaders.ROWS, Integer.toString(rowCount));
        values.put(BatchHeaders.COLUMNS, String.join(",", columns.stream().map(BatchHeaders::escape).toList()));
        values.put(BatchHeaders.TYPES, String.join(",", types.stream().map(BatchHeaders::escape).toList()));
        values.put(BatchHeaders.WIRE_TYPES, String.join(",", wireTypes.stream().map(BatchHeaders::escape).toList()));
        if (!partitionOf.isEmpty()) {
            values.put(BatchHeaders.PARTITION_OF, partitionOf);
        }
        values.put(BatchHeaders.FORMAT, FORMAT);
        values.put(BatchHeaders.CHECKSUM, checksum());
        Map<String, byte[]> headers = new LinkedHashMap<>();
        values.forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableBatch batch && id().equals(batch.id())
                && Arrays.equals(rows, batch.rows);
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        // never the rows: they hold personal data
        return "TableBatch[" + key() + " chunk " + chunk + "/" + chunks + " attempt " + attempt + " seq " + seq + (last ? " last" : "") + ", " + rowCount
                + " rows, " + rows.length + " bytes]";
    }
}
