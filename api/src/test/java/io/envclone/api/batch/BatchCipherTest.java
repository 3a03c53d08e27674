package io.envclone.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BatchCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final byte[] ROWS = "karim.benali@gmail.com 0551 23 45 67".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBatchRoundTripsAndItsPersonalDataIsNotReadableOnTheWay() {
        BatchCipher cipher = BatchCipher.fromBase64("encryptionKey", KEY);
        byte[] sealed = cipher.encrypt("c1/public.users", ROWS);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("karim", "0551");
        assertThat(cipher.decrypt("c1/public.users", sealed)).isEqualTo(ROWS);
        assertThat(cipher.encrypt("c1/public.users", ROWS)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void payloadsOfAnySizeAroundTheEncryptionPiecesRoundTrip() {
        BatchCipher cipher = BatchCipher.fromBase64("encryptionKey", KEY);
        java.util.Random random = new java.util.Random(7);
        for (int size : new int[] {0, 1, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 3 * 16 * 1024, 1_000_003}) {
            byte[] plain = new byte[size];
            random.nextBytes(plain);
            byte[] sealed = cipher.encrypt("c1/public.messages", plain);
            assertThat(sealed).hasSize(16 + size + 32);
            assertThat(cipher.decrypt("c1/public.messages", sealed)).as("%d bytes", size).isEqualTo(plain);
        }
    }

    @Test
    void aWrongKeyADamagedPayloadOrAnotherTablesPayloadIsRefused() {
        BatchCipher cipher = BatchCipher.fromBase64("encryptionKey", KEY);
        byte[] sealed = cipher.encrypt("c1/public.users", ROWS);

        assertThatThrownBy(() -> BatchCipher.fromBase64("encryptionKey", OTHER_KEY).decrypt("c1/public.users", sealed))
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> cipher.decrypt("c1/public.messages", sealed)).hasMessageContaining("moved");
        byte[] damaged = sealed.clone();
        damaged[20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("c1/public.users", damaged)).hasMessageContaining("changed");
        for (int at : new int[] {3, sealed.length - 1}) { // the nonce, the tag
            byte[] other = sealed.clone();
            other[at] ^= 1;
            assertThatThrownBy(() -> cipher.decrypt("c1/public.users", other)).hasMessageContaining("changed");
        }
        assertThatThrownBy(() -> cipher.decrypt("c1/public.users", java.util.Arrays.copyOf(sealed, 40)))
                .hasMessageContaining("too short");
    }

    @Test
    void aBadKeyNamesTheFieldAndTheFixButNotTheKey() {
        assertThatThrownBy(() -> BatchCipher.fromBase64("encryptionKey", "not base64!"))
                .hasMessageContaining("encryptionKey").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> BatchCipher.fromBase64("encryptionKey", Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes").hasMessageContaining("was 16");
        assertThat(BatchCipher.fromBase64("encryptionKey", KEY).toString()).doesNotContain(KEY);
    }
}
