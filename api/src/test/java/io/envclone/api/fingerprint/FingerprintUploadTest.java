package io.envclone.api.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FingerprintUploadTest {

    private static final byte[] KEY = "fingerprint-upload-test-key".getBytes(StandardCharsets.UTF_8);
    private static final String KEY_FIELD = Base64.getEncoder().encodeToString(KEY);

    private static SourceFingerprints filter() {
        SourceFingerprints filter = SourceFingerprints.sized(KEY, 20_000);
        for (int i = 0; i < 20_000; i++) {
            filter.add(PiiClass.EMAIL, "person" + i + "@example.org");
        }
        return filter;
    }

    @Test
    void aFilterSentInPartsIsTheFilterThatWasSent() throws Exception {
        SourceFingerprints sent = filter();
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        sent.writeTo(written);
        byte[] bytes = written.toByteArray();
        assertThat(bytes).isEqualTo(sent.toBytes());
        assertThat((long) bytes.length).isEqualTo(sent.byteSize()).isGreaterThan(FingerprintUpload.PART_BYTES);

        FingerprintUploads uploads = new FingerprintUploads();
        for (int offset = 0; offset < bytes.length; offset += FingerprintUpload.PART_BYTES) {
            byte[] part = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + FingerprintUpload.PART_BYTES));
            uploads.accept("c-1", (long) offset, (long) bytes.length, part);
            if (offset == 0) {
                uploads.accept("c-1", 0L, (long) bytes.length, part); // sent again after a lost answer
            }
        }
        SourceFingerprints received = uploads.take("c-1", null, KEY_FIELD);

        assertThat(received.toBytes()).isEqualTo(bytes);
        assertThat(received.contains(PiiClass.EMAIL, "Person17@example.org")).isTrue();
        assertThat(uploads.take("c-1", null, KEY_FIELD)).as("taken once").isNull();
    }

    @Test
    void partsOutOfOrderOrCutOrForeignAreRefusedNamingTheField() {
        byte[] bytes = filter().toBytes();
        FingerprintUploads uploads = new FingerprintUploads();
        long total = bytes.length;

        assertThatThrownBy(() -> uploads.accept("c-2", 64L, total, new byte[64])).hasMessageStartingWith("offset 64 continues no upload");
        uploads.accept("c-2", 0L, total, Arrays.copyOf(bytes, 1024));
        assertThatThrownBy(() -> uploads.accept("c-2", 4096L, total, new byte[64])).hasMessageStartingWith("offset must be")
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> uploads.take("c-2", null, KEY_FIELD)).hasMessageStartingWith("fingerprints: only 1024 of");
        byte[] foreign = Arrays.copyOf(bytes, 1024);
        foreign[3] = 9;
        assertThatThrownBy(() -> uploads.accept("c-3", 0L, total, foreign)).hasMessageStartingWith("fingerprints: the first part");
        assertThatThrownBy(() -> uploads.accept("c-4", 0L, 13L, new byte[13])).hasMessageStartingWith("total must be");
        assertThatThrownBy(() -> uploads.accept("c-5", null, total, new byte[8])).hasMessageStartingWith("offset is missing");
    }

    @Test
    void smallFingerprintsMayStillComeInlineInBase64() {
        SourceFingerprints sent = filter();
        assertThat(new FingerprintUploads().take("c-6", sent.toBase64(), KEY_FIELD).toBytes()).isEqualTo(sent.toBytes());
        assertThat(new FingerprintUploads().take("c-7", null, KEY_FIELD)).as("neither given nor uploaded").isNull();
    }
}
