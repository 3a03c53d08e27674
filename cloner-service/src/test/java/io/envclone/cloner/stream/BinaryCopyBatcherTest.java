package io.envclone.cloner.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCopyBatcherTest {

    /** A binary COPY stream of {@code rows} rows of one int4 column (and a null every third row). */
    private static byte[] stream(int rows) {
        ByteBuffer buffer = ByteBuffer.allocate(19 + rows * 10 + 2);
        buffer.put(BinaryCopyBatcher.SIGNATURE).putInt(0).putInt(0);
        for (int i = 0; i < rows; i++) {
            buffer.putShort((short) 1);
            if (i % 3 == 2) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(4).putInt(i);
            }
        }
        buffer.putShort((short) -1);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private record Batch(byte[] payload, int rows, boolean last) {
    }

    private static List<Batch> cut(byte[] stream, int chunkSize, int maxRows) throws Exception {
        List<Batch> batches = new ArrayList<>();
        BinaryCopyBatcher batcher = new BinaryCopyBatcher(maxRows, 1 << 20,
                (payload, rows, last) -> batches.add(new Batch(payload, rows, last)));
        for (int offset = 0; offset < stream.length; offset += chunkSize) {
            batcher.write(Arrays.copyOfRange(stream, offset, Math.min(stream.length, offset + chunkSize)));
        }
        batcher.finish();
        return batches;
    }

    @Test
    void batchesAreCutAtRowsWhateverHowTheStreamArrives() throws Exception {
        byte[] stream = stream(10);
        for (int chunkSize : new int[] {1, 3, 7, stream.length}) {
            List<Batch> batches = cut(stream, chunkSize, 4);
            assertThat(batches).extracting(Batch::rows).as("chunks of %d bytes", chunkSize).containsExactly(4, 4, 2);
            assertThat(batches).extracting(Batch::last).containsExactly(false, false, true);
            // every batch is a complete COPY payload: header, its rows, trailer
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            for (Batch batch : batches) {
                assertThat(Arrays.copyOf(batch.payload(), 11)).isEqualTo(BinaryCopyBatcher.SIGNATURE);
                assertThat(ByteBuffer.wrap(batch.payload(), batch.payload().length - 2, 2).getShort()).isEqualTo((short) -1);
                rows.write(batch.payload(), 19, batch.payload().length - 21);
            }
            assertThat(rows.toByteArray()).isEqualTo(Arrays.copyOfRange(stream, 19, stream.length - 2));
        }
    }

    @Test
    void aTableThatFillsItsLastBatchExactlyStillEndsWithALastBatch() throws Exception {
        assertThat(cut(stream(8), 5, 4)).extracting(Batch::rows).containsExactly(4, 4, 0);
        assertThat(cut(stream(0), 5, 4)).extracting(Batch::rows).containsExactly(0);
    }

    @Test
    void aStreamCutInsideARowIsAnError() throws Exception {
        byte[] stream = stream(3);
        BinaryCopyBatcher batcher = new BinaryCopyBatcher(10, 1 << 20, (payload, rows, last) -> { });
        batcher.write(Arrays.copyOf(stream, stream.length - 6));
        assertThatThrownBy(batcher::finish).hasMessageContaining("ended inside a row");
    }

    @Test
    void aDamagedBatchIsRefusedByItsChecksum() {
        TableBatch batch = new TableBatch("c1", "public", "users", 0, 1, 1, 0, true, 10, List.of("id", "price"),
                List.of("bigint", "numeric(12,2)"), List.of("bigint", "numeric"), "", stream(10));
        var headers = new HashMap<>(batch.headers());
        assertThat(BatchHeaders.read(headers, batch.rows()).types()).containsExactly("bigint", "numeric(12,2)");

        byte[] damaged = batch.rows().clone();
        damaged[25] ^= 1;
        assertThatThrownBy(() -> BatchHeaders.read(headers, damaged)).hasMessageContaining("envclone.checksum")
                .hasMessageContaining("damaged");
        headers.remove(BatchHeaders.TABLE);
        assertThatThrownBy(() -> BatchHeaders.read(headers, batch.rows())).hasMessage("header envclone.table is missing");
        assertThat(batch.toString()).doesNotContain("bytes=").contains("10 rows");
    }
}
