package io.envclone.cloner.stream;

import io.envclone.api.batch.CopyRows;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts the byte stream of {@code COPY ... TO STDOUT (FORMAT binary)} into batches at row
 * boundaries, each a complete binary COPY payload of its own (header, rows, trailer), so a
 * receiver can load any batch with {@code COPY ... FROM STDIN (FORMAT binary)} alone. Memory
 * holds one batch at most, whatever the table's size.
 */
final class BinaryCopyBatcher {

    /** A full batch: its payload and how many rows it holds. */
    interface Sink {
        void accept(byte[] payload, int rows, boolean last) throws Exception;
    }

    static final byte[] SIGNATURE = CopyRows.SIGNATURE;
    private static final byte[] HEADER = ByteBuffer.allocate(SIGNATURE.length + 8).put(SIGNATURE).putInt(0).putInt(0)
            .array();
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    private final int maxRows;
    private final int maxBytes;
    private final Sink sink;
    private byte[] pending = new byte[64 * 1024];
    private int pendingLength;
    private boolean headerSeen;
    private boolean ended;
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream();
    private int batchRows;

    BinaryCopyBatcher(int maxRows, int maxBytes, Sink sink) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.sink = sink;
        batch.writeBytes(HEADER);
    }

    /** Takes the next bytes of the COPY stream, in any split. */
    void write(byte[] data) throws Exception {
        ensureCapacity(pendingLength + data.length);
        System.arraycopy(data, 0, pending, pendingLength, data.length);
        pendingLength += data.length;
        int offset = headerSeen ? 0 : skipHeader();
        if (offset < 0) {
            return;
        }
        while (!ended) {
            if (pendingLength - offset >= 2 && ByteBuffer.wrap(pending, offset, 2).getShort() == -1) {
                ended = true; // the trailer: field count -1
                offset += 2;
                break;
            }
            int rowLength = completeRowLength(offset);
            if (rowLength < 0) {
                break;
            }
            batch.write(pending, offset, rowLength);
            batchRows++;
            offset += rowLength;
            if (batchRows >= maxRows || batch.size() >= maxBytes) {
                emit(false);
            }
        }
        pendingLength -= offset;
        System.arraycopy(pending, offset, pending, 0, pendingLength);
    }

    /** Ends the stream: the last batch goes out, even empty, so the receiver knows the table is complete. */
    void finish() throws Exception {
        if (!ended || pendingLength != 0) {
            throw new IllegalStateException("the COPY stream ended inside a row or before its trailer");
        }
        emit(true);
    }

    private void emit(boolean last) throws Exception {
        batch.writeBytes(TRAILER);
        sink.accept(batch.toByteArray(), batchRows, last);
        batch.reset();
        batch.writeBytes(HEADER);
        batchRows = 0;
    }

    /** Skips the stream's header once it is all here; returns where rows start, or -1 to wait for more. */
    private int skipHeader() {
        if (pendingLength < SIGNATURE.length + 8) {
            return -1;
        }
        if (!Arrays.equals(Arrays.copyOf(pending, SIGNATURE.length), SIGNATURE)) {
            throw new IllegalStateException("not a binary COPY stream: the signature is missing");
        }
        int extension = ByteBuffer.wrap(pending, SIGNATURE.length + 4, 4).getInt();
        int start = SIGNATURE.length + 8 + extension;
        if (pendingLength < start) {
            return -1;
        }
        headerSeen = true;
        return start;
    }

    /** Length of the row at {@code offset} when all of it is here, else -1. */
    private int completeRowLength(int offset) {
        if (pendingLength - offset < 2) {
            return -1;
        }
        short fields = ByteBuffer.wrap(pending, offset, 2).getShort();
        int position = offset + 2;
        for (int field = 0; field < fields; field++) {
            if (pendingLength - position < 4) {
                return -1;
            }
            int length = ByteBuffer.wrap(pending, position, 4).getInt();
            position += 4 + Math.max(length, 0);
            if (position > pendingLength) {
                return -1;
            }
        }
        return position - offset;
    }

    private void ensureCapacity(int needed) {
        if (needed > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
        }
    }
}
