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
 * @param chunk which part of the table (tables may be split into key ranges)
 * @param seq position of the batch within its chunk, from 0
 * @param last whether no batch follows in this chunk
 * @param columns the columns of {@code rows}, in order (generated columns are not sent)
 * @param types their types as {@code format_type} prints them
 */
public record TableBatch(String cloneId, String schema, String table, int chunk, long seq, boolean last, int rowCount,
        List<String> columns, List<String> types, byte[] rows) {

    /** The payload format; a receiver refuses any other. */
    public static final String FORMAT = "pgcopy-binary/1";

    public TableBatch {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
    }

    /** {@code cloneId/schema.table}: one table's batches share a key, so they stay ordered on one partition. */
    public String key() {
        return cloneId + "/" + schema + "." + table;
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
        values.put(BatchHeaders.SEQ, Long.toString(seq));
        values.put(BatchHeaders.LAST, Boolean.toString(last));
        values.put(BatchHeaders.ROWS, Integer.toString(rowCount));
        values.put(BatchHeaders.COLUMNS, String.join(",", columns.stream().map(BatchHeaders::escape).toList()));
        values.put(BatchHeaders.TYPES, String.join(",", types.stream().map(BatchHeaders::escape).toList()));
        values.put(BatchHeaders.FORMAT, FORMAT);
        values.put(BatchHeaders.CHECKSUM, checksum());
        Map<String, byte[]> headers = new LinkedHashMap<>();
        values.forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableBatch batch && key().equals(batch.key()) && chunk == batch.chunk && seq == batch.seq
                && Arrays.equals(rows, batch.rows);
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + Long.hashCode(seq);
    }

    @Override
    public String toString() {
        // never the rows: they hold personal data
        return "TableBatch[" + key() + " chunk " + chunk + " seq " + seq + (last ? " last" : "") + ", " + rowCount
                + " rows, " + rows.length + " bytes]";
    }
}
