package io.envclone.api.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Names of the headers a batch carries, and reading a batch back from them. */
public final class BatchHeaders {

    public static final String CLONE_ID = "envclone.clone-id";
    public static final String TABLE = "envclone.table";
    public static final String CHUNK = "envclone.chunk";
    public static final String CHUNKS = "envclone.chunks";
    public static final String ATTEMPT = "envclone.attempt";
    public static final String SEQ = "envclone.seq";
    public static final String LAST = "envclone.last";
    public static final String ROWS = "envclone.rows";
    public static final String COLUMNS = "envclone.columns";
    public static final String TYPES = "envclone.types";
    public static final String WIRE_TYPES = "envclone.wire-types";
    /** On batches of a partition: the partitioned table it belongs to. */
    public static final String PARTITION_OF = "envclone.partition-of";
    public static final String FORMAT = "envclone.format";
    public static final String CHECKSUM = "envclone.checksum";
    /** On anonymized batches: the version of the rule set that made them. */
    public static final String RULES_VERSION = "envclone.rules-version";
    /** On dead letters: why the batch could not be processed. */
    public static final String REASON = "envclone.reason";
    /** Present on encrypted batches: the algorithm ({@link BatchCipher#ALGORITHM}). */
    public static final String ENCRYPTION = "envclone.encryption";

    private BatchHeaders() {
    }

    /**
     * As {@link #read(Map, byte[])} for a message whose value may be encrypted: decrypted with
     * {@code cipher} (the clone's key) before its checksum is checked.
     */
    public static TableBatch read(Map<String, byte[]> headers, byte[] value, BatchCipher cipher) {
        if (!headers.containsKey(ENCRYPTION)) {
            return read(headers, value);
        }
        String algorithm = text(headers, ENCRYPTION);
        if (!BatchCipher.ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException(ENCRYPTION + " is " + algorithm + ", expected " + BatchCipher.ALGORITHM);
        }
        if (cipher == null) {
            throw new IllegalArgumentException("the batch is encrypted: give the clone's encryption key to read it");
        }
        String key = text(headers, CLONE_ID) + "/" + text(headers, TABLE);
        return read(headers, cipher.decrypt(key, value));
    }

    /**
     * The batch described by {@code headers} with {@code rows} as payload; refuses a batch whose
     * format is unknown or whose payload does not match its checksum, naming the header at fault.
     */
    public static TableBatch read(Map<String, byte[]> headers, byte[] rows) {
        String format = text(headers, FORMAT);
        if (!TableBatch.FORMAT.equals(format)) {
            throw new IllegalArgumentException(FORMAT + " is " + format + ", expected " + TableBatch.FORMAT);
        }
        String qualified = text(headers, TABLE);
        int dot = qualified.indexOf('.');
        TableBatch batch = new TableBatch(text(headers, CLONE_ID), qualified.substring(0, dot),
                qualified.substring(dot + 1), number(headers, CHUNK), number(headers, CHUNKS), number(headers, ATTEMPT), Long.parseLong(text(headers, SEQ)),
                Boolean.parseBoolean(text(headers, LAST)), Integer.parseInt(text(headers, ROWS)),
                split(text(headers, COLUMNS)), split(text(headers, TYPES)), split(text(headers, WIRE_TYPES)),
                headers.containsKey(PARTITION_OF) ? text(headers, PARTITION_OF) : "", rows);
        String checksum = text(headers, CHECKSUM);
        if (!batch.checksum().equals(checksum)) {
            throw new IllegalArgumentException(CHECKSUM + " " + checksum + " does not match the payload of " + batch
                    + " (" + batch.checksum() + "): the batch was damaged on the way");
        }
        return batch;
    }

    private static int number(Map<String, byte[]> headers, String name) {
        String value = text(headers, name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("header " + name + " is " + value + ", expected a whole number");
        }
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " is missing");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Column names and types may hold commas (numeric(12,2)): escape them with a backslash. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,");
    }

    private static List<String> split(String joined) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '\\' && i + 1 < joined.length()) {
                current.append(joined.charAt(++i));
            } else if (c == ',') {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!joined.isEmpty()) {
            values.add(current.toString());
        }
        return values;
    }
}
