package io.envclone.api.batch;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts raw batches (they carry production's personal data) with AES-256-GCM under a
 * per-clone key that lives in memory only. The batch's key is bound into the authentication
 * tag, so a payload moved to another table's record fails to decrypt. A payload is
 * {@code nonce (12 bytes) || ciphertext+tag}.
 */
public final class BatchCipher {

    public static final String ALGORITHM = "aes-256-gcm";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int PIECE_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private BatchCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        JitWarmUp.done();
    }

    /**
     * The JIT uses the CPU's AES-GCM instructions only in compiled callers, and compiles a caller
     * after thousands of calls: a few hundred milliseconds of small calls once per JVM, under a
     * throw-away key, instead of the first hundred megabytes at a thirtieth of the speed (measured:
     * 60 MB/s before, 700 to 1,800 MB/s after, on this project's 2-core machine).
     */
    private static final class JitWarmUp {
        static {
            try {
                SecretKeySpec throwAway = new SecretKeySpec(new byte[32], "AES");
                byte[] data = new byte[256];
                byte[] out = new byte[512];
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, throwAway, new GCMParameterSpec(TAG_BITS, new byte[NONCE_BYTES]));
                for (int i = 0; i < 20_000; i++) {
                    cipher.update(data, 0, data.length, out, 0);
                }
                // decryption goes another way through the provider (all at once, at doFinal): warm it too
                Cipher sealer = Cipher.getInstance("AES/GCM/NoPadding");
                byte[] nonce = new byte[NONCE_BYTES];
                sealer.init(Cipher.ENCRYPT_MODE, throwAway, new GCMParameterSpec(TAG_BITS, nonce));
                byte[] sealed = sealer.doFinal(data);
                Cipher opener = Cipher.getInstance("AES/GCM/NoPadding");
                for (int i = 0; i < 10_000; i++) {
                    opener.init(Cipher.DECRYPT_MODE, throwAway, new GCMParameterSpec(TAG_BITS, nonce));
                    opener.doFinal(sealed, 0, sealed.length, out, 0);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available in this JVM", e);
            }
        }

        static void done() {
            // loading the class ran the warm-up
        }
    }

    /** From the base64 of a 32-byte key; the message names the field and never the key. */
    public static BatchCipher fromBase64(String field, String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64: give 32 random bytes, base64-encoded"
                    + " (for example: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(field + " must be 32 bytes (AES-256) once decoded, was " + key.length
                    + ": give openssl rand -base64 32");
        }
        return new BatchCipher(key);
    }

    public byte[] encrypt(String batchKey, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(batchKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // one array, nonce then ciphertext and tag: no copy of a batch that may be a megabyte
            byte[] payload = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, payload, 0, NONCE_BYTES);
            int in = 0;
            int out = NONCE_BYTES;
            // In pieces: the JIT swaps in the CPU's AES and carry-less-multiply instructions only for
            // methods called often; one call per megabyte stays in slow Java code (measured: 4x slower).
            while (plain.length - in > PIECE_BYTES) {
                out += cipher.update(plain, in, PIECE_BYTES, payload, out);
                in += PIECE_BYTES;
            }
            cipher.doFinal(plain, in, plain.length - in, payload, out);
            return payload;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The plain payload, or an error when the key is wrong or the payload was changed or moved. */
    public byte[] decrypt(String batchKey, byte[] payload) {
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("encrypted payload of " + batchKey + " is too short to be one");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD(batchKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("payload of " + batchKey
                    + " does not decrypt: wrong clone key, or the payload was changed or moved");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "BatchCipher[" + ALGORITHM + ", key ****]";
    }
}
