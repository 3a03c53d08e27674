package io.envclone.api.batch;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reading and writing the rows of a binary COPY payload (a {@link TableBatch}'s rows) field by
 * field, so a transformer decodes only the columns it changes and copies the others as bytes.
 */
public final class CopyRows {

    /** The signature every binary COPY stream starts with. */
    public static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private CopyRows() {
    }

    /** One row while it is read: its fields as slices of the payload, valid until the next row. */
    public static final class Row {
        private final byte[] payload;
        private int[] offsets = new int[16];
        private int[] lengths = new int[16];
        private int fields;

        private Row(byte[] payload) {
            this.payload = payload;
        }

        public int fields() {
            return fields;
        }

        public boolean isNull(int field) {
            return lengths[field] < 0;
        }

        /** A copy of the field's bytes, or null for SQL NULL. */
        public byte[] bytes(int field) {
            return lengths[field] < 0 ? null : Arrays.copyOfRange(payload, offsets[field], offsets[field] + lengths[field]);
        }

        void writeField(int field, Writer out) {
            out.length(lengths[field]);
            if (lengths[field] > 0) {
                out.bytes(payload, offsets[field], lengths[field]);
            }
        }
    }

    /** Calls {@code each} for every row of {@code payload}; refuses a payload that is not whole binary COPY. */
    public static void forEach(byte[] payload, Consumer<Row> each) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (payload.length < SIGNATURE.length + 10
                || !Arrays.equals(Arrays.copyOf(payload, SIGNATURE.length), SIGNATURE)) {
            throw new IllegalArgumentException("not a binary COPY payload: the signature is missing");
        }
        in.position(SIGNATURE.length + 4);
        in.position(in.position() + 4 + in.getInt()); // header extension
        Row row = new Row(payload);
        while (true) {
            short count = in.getShort();
            if (count == -1) {
                return;
            }
            if (row.offsets.length < count) {
                row.offsets = new int[count];
                row.lengths = new int[count];
            }
            row.fields = count;
            for (int field = 0; field < count; field++) {
                int length = in.getInt();
                row.offsets[field] = in.position();
                row.lengths[field] = length;
                if (length > 0) {
                    if (length > in.remaining()) {
                        throw new IllegalArgumentException("binary COPY payload cut inside a field");
                    }
                    in.position(in.position() + length);
                }
            }
            each.accept(row);
        }
    }

    /**
     * Writes a binary COPY payload row by row: fields either new bytes or copied from a row being
     * read. Its own growing array, not a stream: four calls a field over a million rows (measured:
     * a stream's locks and a buffer per length were a tenth of the anonymizer's time).
     */
    public static final class Writer {
        private byte[] buffer;
        private int size;

        public Writer(int expectedBytes) {
            buffer = new byte[Math.max(64, expectedBytes)];
            bytes(SIGNATURE, 0, SIGNATURE.length);
            size += 8; // flags, header extension length: zeros
        }

        public void startRow(int fields) {
            room(2);
            buffer[size++] = (byte) (fields >> 8);
            buffer[size++] = (byte) fields;
        }

        /** A field's bytes, or null for SQL NULL. */
        public void field(byte[] value) {
            length(value == null ? -1 : value.length);
            if (value != null) {
                bytes(value, 0, value.length);
            }
        }

        /** The field as it is in {@code row}, copied without decoding. */
        public void copy(Row row, int field) {
            row.writeField(field, this);
        }

        public byte[] finish() {
            room(2);
            buffer[size++] = (byte) 0xFF;
            buffer[size++] = (byte) 0xFF;
            return Arrays.copyOf(buffer, size);
        }

        void length(int length) {
            room(4);
            buffer[size++] = (byte) (length >>> 24);
            buffer[size++] = (byte) (length >>> 16);
            buffer[size++] = (byte) (length >>> 8);
            buffer[size++] = (byte) length;
        }

        void bytes(byte[] source, int offset, int length) {
            room(length);
            System.arraycopy(source, offset, buffer, size, length);
            size += length;
        }

        private void room(int more) {
            if (buffer.length - size < more) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
